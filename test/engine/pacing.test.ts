// The shared pacer on both databases: a fast channel's sends take their tokens several at a time, two instances together never exceed the rate.

import { afterEach, describe, expect, it } from 'vitest';
import { createSharedPacer, grantCeiling } from '../../src/engine/pacing';
import type { Store } from '../../src/store/database';
import { DIALECTS, freshStore } from '../helpers';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** The store as one instance sees it, counting the statements it runs. */
function counted(store: Store): { store: Store; statements: () => number } {
  let n = 0;
  const db = new Proxy(store.db, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (name !== 'executeQuery') return value;
      return (...args: unknown[]) => {
        n++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: { ...store, db }, statements: () => n };
}

describe('grantCeiling', () => {
  it('asks for a twentieth of a second of the rate, at least one and at most 64', () => {
    expect(grantCeiling(30)).toBe(1);
    expect(grantCeiling(250)).toBe(12);
    expect(grantCeiling(1000)).toBe(50);
    expect(grantCeiling(1_000_000)).toBe(64);
    expect(grantCeiling(0.5)).toBe(1);
  });
});

describe.each(DIALECTS)('shared pacer on %s', (dialect) => {
  async function setup() {
    const fresh = await freshStore(dialect);
    cleanup = fresh.cleanup;
    return fresh.store;
  }

  it('gives sends waiting together their tokens in a few statements, and two instances together no more than the bucket holds', async () => {
    const store = await setup();
    const rate = 200; // a burst of 200, then 200 a second; up to 10 tokens a take
    const a = counted(store);
    const b = counted(store);
    const pacers = [createSharedPacer(a.store), createSharedPacer(b.store)];
    const started = Date.now();
    const doneAt: number[] = [];
    // 150 sends on each instance at once: 300 in all, against a bucket of 200.
    await Promise.all(
      pacers.flatMap((pacer) => Array.from({ length: 150 }, () => pacer.take('line', rate).then(() => doneAt.push(Date.now() - started)))),
    );
    expect(doneAt).toHaveLength(300);
    const statements = a.statements() + b.statements();
    // One token a statement would be at least 300; waiting sends share a take.
    expect(statements).toBeLessThan(150);
    // Granted tokens come out of the one bucket: within its first 300 ms, the burst plus 60 refilled and one take's worth of slack.
    const early = doneAt.filter((t) => t < 300).length;
    expect(early).toBeLessThanOrEqual(200 + 60 + grantCeiling(rate));
    // The last of them had to wait for the bucket to refill.
    expect(Math.max(...doneAt)).toBeGreaterThanOrEqual(300);
  }, 30_000);

  it('takes the tokens of sends queued together in one statement, out of the shared bucket', async () => {
    const store = await setup();
    const one = counted(store);
    const pacer = createSharedPacer(one.store);
    await Promise.all(Array.from({ length: 10 }, () => pacer.take('line', 200)));
    expect(one.statements()).toBe(1);
    const row = await store.db.selectFrom('outbound_pacing').select(['tokens', 'granted']).where('channel', '=', 'line').executeTakeFirstOrThrow();
    expect(row.granted).toBe(10);
    expect(row.tokens).toBeCloseTo(190, 0);
    // A slow channel still takes one token at a time.
    const slow = counted(store);
    const telegram = createSharedPacer(slow.store);
    await Promise.all(Array.from({ length: 3 }, () => telegram.take('telegram', 30)));
    expect(slow.statements()).toBe(3);
  });
});
