// One person's slow platform call never holds back anybody else's replies, and nobody's message is sent twice.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../../src/engine/outbox';
import { createEngine, type Engine } from '../../src/engine/engine';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { silentLogger } from '../../src/core/logger';
import type { ChannelAdapter, SendOptions } from '../../src/core/channel';
import type { RenderedMessage } from '../../src/core/messages';
import type { Store } from '../../src/store/database';
import { DIALECTS, eventually, freshStore } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

/** A channel where sends to the people in `hanging` never finish until the worker gives up on them (or `release`). */
function platform(hanging: Set<string>) {
  const sent: { userId: string; text: string; at: number }[] = [];
  const started: string[] = [];
  const waiting = new Set<() => void>();
  let maxInFlightPerUser = new Map<string, number>();
  const perUser = new Map<string, number>();
  const adapter: ChannelAdapter = {
    name: 'console',
    capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
    async send(message: RenderedMessage, to, options: SendOptions) {
      started.push(to.userId);
      const mine = (perUser.get(to.userId) ?? 0) + 1;
      perUser.set(to.userId, mine);
      maxInFlightPerUser.set(to.userId, Math.max(maxInFlightPerUser.get(to.userId) ?? 0, mine));
      try {
        if (hanging.has(to.userId)) {
          // The platform never answers; only the worker's own timeout ends the call.
          await new Promise<void>((resolve, reject) => {
            options.signal.addEventListener('abort', () => reject(options.signal.reason), { once: true });
            waiting.add(resolve);
          });
        }
        sent.push({ userId: to.userId, text: message.text, at: Date.now() });
      } finally {
        perUser.set(to.userId, (perUser.get(to.userId) ?? 1) - 1);
      }
    },
  };
  const release = () => {
    hanging.clear();
    for (const resolve of waiting) resolve();
  };
  return { adapter, sent, started, release, maxInFlightPerUser: () => maxInFlightPerUser };
}

const hi = (userId: string, key: string) => ({ type: 'inbound' as const, channel: 'console' as const, userId, dedupeKey: key, kind: 'text' as const, text: 'hi', localeHint: 'en', at: Date.now() });

describe.each(DIALECTS)('delivery isolation on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let worker: OutboxWorker | undefined;
  let workers: { a: OutboxWorker; b: OutboxWorker } | undefined;
  afterEach(async () => {
    await worker?.stop();
    await cleanup?.();
  });

  async function setup(hanging: Set<string>, sendTimeoutMs: number) {
    ({ store, cleanup } = await freshStore(dialect));
    const fake = platform(hanging);
    let w: OutboxWorker | undefined;
    const engine: Engine = createEngine({ store, translator, onQueued: () => w?.wake() });
    w = createOutboxWorker({ store, channels: new Map([['console', fake.adapter]]), publicBaseUrl: 'http://x', logger: silentLogger, sendTimeoutMs });
    worker = w;
    const second = () => createOutboxWorker({ store, channels: new Map([['console', fake.adapter]]), publicBaseUrl: 'http://x', logger: silentLogger, sendTimeoutMs, concurrency: 3 });
    return { engine, worker: w, fake, second };
  }

  it('delivers a second person’s first reply while the first person’s send still hangs', async () => {
    const { engine, worker, fake } = await setup(new Set(['slow']), 15_000);
    worker.start(50);
    await engine.handle(hi('slow', 'a'));
    await eventually(() => fake.started.includes('slow'), 10_000, 'the slow send to start');
    const asked = Date.now();
    await engine.handle(hi('fast', 'b'));
    const welcome = translator.t('en', 'welcome.intro');
    const delivered = await eventually(() => fake.sent.find((s) => s.userId === 'fast' && s.text === welcome), 12_000, 'the second person’s first reply');
    process.stderr.write(`[figure] ${dialect}: first reply to the second person after ${delivered.at - asked} ms while the other send hung\n`);
    // The slow person's message is still waiting on the platform: nothing of theirs went out yet.
    expect(fake.sent.filter((s) => s.userId === 'slow')).toEqual([]);
    const slowRow = await store.db.selectFrom('outbox').select(['status', 'attempts']).where('user_id', '=', 'slow').orderBy('id').executeTakeFirstOrThrow();
    expect(slowRow).toMatchObject({ status: 'pending', attempts: 0 });
    fake.release();
    await eventually(() => fake.sent.some((s) => s.userId === 'slow'), 10_000, 'the slow send to finish');
  });

  it('drain() still waits for every due message, and two workers never send one conversation’s messages at once or twice', async () => {
    const { engine, worker, fake, second } = await setup(new Set(), 15_000);
    for (let i = 0; i < 12; i++) await engine.handle(hi(`p${i}`, `k${i}`));
    for (let i = 0; i < 12; i++) await engine.handle({ ...hi(`p${i}`, `k${i}b`), kind: 'choice' as const, choiceId: 'role:self' });
    await Promise.all([worker.drain(), second().drain()]);
    const rows = await store.db.selectFrom('outbox').select(['user_id', 'status']).execute();
    expect(rows.length).toBeGreaterThan(24);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(fake.sent).toHaveLength(rows.length);
    expect([...fake.maxInFlightPerUser().values()].every((n) => n === 1)).toBe(true);
    // Each person got their messages in the order they were queued.
    for (let i = 0; i < 12; i++) {
      const texts = fake.sent.filter((s) => s.userId === `p${i}`).map((s) => s.text);
      expect(texts[0]).toBe(translator.t('en', 'welcome.intro'));
    }
  }, 90_000);

  it('a worker whose lease ran out while its send hung (its clock behind) stops there: the worker that took over sends the rest, each once', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const engine = createEngine({ store, translator });
    await engine.handle(hi('p', 'k1'));
    await engine.handle({ ...hi('p', 'k2'), kind: 'choice' as const, choiceId: 'role:self' });
    const queued = (await store.db.selectFrom('outbox').select('message').orderBy('id').execute()).map((r) => (JSON.parse(r.message) as { text: string }).text);
    expect(queued.length).toBeGreaterThanOrEqual(3);

    const sent: { by: string; text: string }[] = [];
    let releaseFirst: () => void = () => {};
    const firstStarted = new Promise<void>((started) => {
      let first = true;
      const channel = (by: string): ChannelAdapter => ({
        name: 'console',
        capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
        async send(message: RenderedMessage) {
          if (by === 'A' && first) {
            first = false;
            started();
            await new Promise<void>((resolve) => (releaseFirst = resolve));
          }
          sent.push({ by, text: message.text });
        },
      });
      // A's clock runs five seconds behind B's (instances on two machines): every lease A writes has run out for B.
      const a = createOutboxWorker({ store, channels: new Map([['console', channel('A')]]), publicBaseUrl: 'http://x', logger: silentLogger, leaseMs: 600, now: () => Date.now() - 5_000 });
      const b = createOutboxWorker({ store, channels: new Map([['console', channel('B')]]), publicBaseUrl: 'http://x', logger: silentLogger, leaseMs: 600 });
      workers = { a, b };
    });
    const { a, b } = workers!;
    const aRun = a.runOnce();
    await firstStarted;
    await b.drain();
    expect(sent.filter((s) => s.by === 'B').map((s) => s.text)).toEqual(queued);
    // Longer than half a lease: A has looked at its lease at least once since B took the rows.
    await new Promise((resolve) => setTimeout(resolve, 400));
    releaseFirst();
    await aRun;
    // The message A was sending when it stalled may arrive twice (its outcome was unknown); nothing after it does.
    expect(sent.filter((s) => s.by === 'A').map((s) => s.text)).toEqual([queued[0]]);
    const rows = await store.db.selectFrom('outbox').select('status').execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });
});
