// Change notices across instances: one NOTIFY per turn carrying every id changed in it, under PostgreSQL's payload limit.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgChanges, parseNotice, payloads } from '../../src/engine/changes';
import { silentLogger } from '../../src/core/logger';
import type { Store } from '../../src/store/database';
import { freshStore, PG_URL } from '../helpers';

describe('change notice payloads', () => {
  it('splits many ids across notices, each under 8,000 bytes, and reads them back in order', () => {
    const ids = Array.from({ length: 1_000 }, () => crypto.randomUUID());
    const notices = payloads('change', 'abc123', ids);
    expect(notices.length).toBeGreaterThan(1);
    for (const n of notices) expect(Buffer.byteLength(n)).toBeLessThan(8_000);
    expect(notices.flatMap((n) => parseNotice(n)!.ids)).toEqual(ids);
    expect(parseNotice(notices[0]!)).toMatchObject({ topic: 'change', instance: 'abc123' });
  });

  it('reads a single bare id, as an earlier version sends it, and ignores what is not a notice', () => {
    expect(parseNotice('console:ff00:visitor-1')).toEqual({ topic: 'console', instance: 'ff00', ids: ['visitor-1'] });
    expect(parseNotice('other:ff00:x')).toBeNull();
    expect(parseNotice('change:ff00:[1,2]')).toBeNull();
    expect(parseNotice('change:ff00:[not json')).toBeNull();
  });
});

describe('change notices between two instances on PostgreSQL', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await freshStore('postgres'));
  });
  afterAll(async () => cleanup?.());

  it('tells the other instance of every change of a turn, each once, and never the sender itself', async () => {
    const schema = `n_${randomBytes(4).toString('hex')}`;
    const [a, b] = [0, 1].map(() => createPgChanges({ url: PG_URL, schema, db: store.db, logger: silentLogger }));
    try {
      await Promise.all([a!.ready(), b!.ready()]);
      const heardOnB: string[] = [];
      const heardOnA: string[] = [];
      b!.subscribe((id) => heardOnB.push(id));
      a!.subscribe((id) => heardOnA.push(id));
      const ids = Array.from({ length: 300 }, (_, i) => `conversation-${i}`);
      // One turn: each id published twice (a conversation that changed twice).
      for (const id of [...ids, ...ids]) a!.publish(id);
      const until = Date.now() + 5_000;
      while (heardOnB.length < ids.length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heardOnB).toEqual(ids);
      // A's own subscribers heard each publish at once, and nothing came back to it through PostgreSQL.
      expect(heardOnA).toEqual([...ids, ...ids]);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });
});
