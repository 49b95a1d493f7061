// Replies handed from the commit straight to the delivery of the same process, written leased to it: no claim, order kept, nothing lost on a stop or a crash.

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../../src/engine/outbox';
import { createEngine, type HandOver } from '../../src/engine/engine';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { silentLogger } from '../../src/core/logger';
import type { ChannelAdapter } from '../../src/core/channel';
import type { HandedMessages } from '../../src/core/engine-store';
import type { InboundEvent } from '../../src/core/events';
import { memoryEngineStore } from '../../src/store/memory-engine-store';
import type { Store } from '../../src/store/database';
import { eventually, freshStore } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

const LEASE_MS = 60_000;

const hi = (userId: string, key: string, at = 1_000): InboundEvent => ({ type: 'inbound', channel: 'console', userId, dedupeKey: key, kind: 'text', text: 'hi', localeHint: 'en', at });
const choose = (userId: string, key: string, choiceId: string, at = 2_000): InboundEvent => ({ type: 'inbound', channel: 'console', userId, dedupeKey: key, kind: 'choice', choiceId, localeHint: 'en', at });

/** A console-named channel that records what it sends; while paused, sends start and wait. */
function gatedChannel() {
  const sent: { userId: string; text: string }[] = [];
  let open: () => void = () => {};
  let gate: Promise<void> | null = null;
  const channel: ChannelAdapter & { sent: typeof sent; started: number; pause(): void; resume(): void } = {
    name: 'console',
    capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
    sent,
    started: 0,
    async send(message, to) {
      channel.started++;
      if (gate) await gate;
      sent.push({ userId: to.userId, text: message.text });
    },
    pause() {
      gate = new Promise((resolve) => (open = resolve));
    },
    resume() {
      gate = null;
      open();
    },
  };
  return channel;
}

/** The statements the store ran that claim outbox rows. */
function claimsOf(store: Store) {
  const spy = vi.spyOn(store.db, 'executeQuery');
  const text = (query: Parameters<Store['db']['executeQuery']>[0]) => ('sql' in query ? query.sql : query.compile().sql);
  return () => spy.mock.calls.map(([query]) => text(query)).filter((sql) => sql.includes('update "outbox" set "lease_until" = ') && sql.includes('"fresh"')).length;
}

describe('hand-over on the in-memory store', () => {
  it('writes an event’s messages leased and hands them over with their ids and conversation, unless something waits or the delivery declines', async () => {
    const store = memoryEngineStore();
    const handed: HandedMessages[] = [];
    const woken: (string | null)[] = [];
    let offer: number | null = 99_000;
    const handOver: HandOver = { lease: () => offer, take: (h) => handed.push(h) };
    const engine = createEngine({ store, translator, handOver, onQueued: (id) => woken.push(id) });

    await engine.handle(hi('a', 'a1'));
    expect(handed).toHaveLength(1);
    const rows = store.state.outbox.filter((m) => m.user_id === 'a');
    expect(rows.map((m) => m.lease_until)).toEqual([99_000, 99_000]);
    expect(handed[0]!.lease).toBe(99_000);
    expect(handed[0]!.rows.map((m) => [m.id, m.message])).toEqual(rows.map((m) => [m.id, m.message]));
    const conversation = [...store.state.conversations.values()].find((c) => c.user_id === 'a')!;
    expect(handed[0]!.recipient).toEqual({ id: conversation.id, locale: 'en', last_inbound_at: 1_000, unreachable: 0 });
    expect(woken).toEqual([]);

    // Its messages still wait: the next ones queue behind them, for a claim.
    await engine.handle(choose('a', 'a2', 'role:self'));
    expect(handed).toHaveLength(1);
    expect(woken).toEqual([conversation.id]);
    expect(store.state.outbox.filter((m) => m.user_id === 'a' && m.lease_until === null).length).toBeGreaterThan(0);

    // The delivery takes nothing now: written for a claim.
    offer = null;
    await engine.handle(hi('b', 'b1'));
    expect(handed).toHaveLength(1);
    expect(store.state.outbox.filter((m) => m.user_id === 'b').map((m) => m.lease_until)).toEqual([null, null]);
  });
});

describe.each(['sqlite', 'postgres'] as const)('hand-over on %s', (dialect) => {
  let store: Store;
  let cleanup: (() => Promise<void>) | undefined;
  let workers: OutboxWorker[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const worker of workers) await worker.stop();
    workers = [];
    await cleanup?.();
    cleanup = undefined;
  });

  async function setup(options: { concurrency?: number } = {}) {
    ({ store, cleanup } = await freshStore(dialect));
    const channel = gatedChannel();
    const clock = { t: 10_000 };
    const worker = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger, now: () => clock.t, leaseMs: LEASE_MS, ...options });
    workers.push(worker);
    const engine = createEngine({ store, translator, handOver: worker, onQueued: (id) => worker.wake(id ?? undefined) });
    return { channel, clock, worker, engine };
  }

  it('sends an event’s replies from the commit, written leased to this process, without claiming them', async () => {
    const { channel, engine, worker } = await setup();
    // A worker's first look at the table (what a previous run left) is a claim; after it, none is needed here.
    await worker.drain();
    const claims = claimsOf(store);
    channel.pause();
    await engine.handle(hi('u1', 'k1'));
    // Committed, and already this worker's: leased, under way, and no claim ran.
    const leased = await store.db.selectFrom('outbox').select(['id', 'status', 'lease_until']).orderBy('id').execute();
    expect(leased.map((r) => [r.status, r.lease_until])).toEqual([
      ['pending', 10_000 + LEASE_MS],
      ['pending', 10_000 + LEASE_MS],
    ]);
    await eventually(() => channel.started === 1, 5_000, 'the first send under way');
    expect(claims()).toBe(0);
    channel.resume();
    await eventually(() => channel.sent.length === 2, 5_000, 'both replies sent');
    expect(channel.sent.map((s) => s.text)).toEqual([translator.t('en', 'welcome.intro'), translator.t('en', 'role.ask')]);
    await eventually(async () => (await store.db.selectFrom('outbox').select('status').where('status', '=', 'sent').execute()).length === 2, 5_000, 'both recorded as sent');
    // On SQLite nothing can have been queued behind them: no claim at all. (On PostgreSQL every
    // finished delivery claims once, for what another instance may have queued behind it.)
    if (dialect === 'sqlite') expect(claims()).toBe(0);
  });

  it('keeps a person’s next replies behind the ones under way, and sends them as soon as those are done', async () => {
    const { channel, engine, worker } = await setup();
    await worker.drain();
    channel.pause();
    await engine.handle(hi('u1', 'k1'));
    await engine.handle(choose('u1', 'k2', 'role:self'));
    // The second event's replies wait for a claim, which cannot take them while the first are under way.
    const rows = await store.db.selectFrom('outbox').select(['id', 'lease_until', 'message']).orderBy('id').execute();
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(2).every((r) => r.lease_until === null)).toBe(true);
    channel.resume();
    // No poll runs in this test: only the end of the first delivery can start the rest.
    await eventually(() => channel.sent.length === rows.length, 5_000, 'every reply sent');
    expect(channel.sent.map((s) => s.text)).toEqual(rows.map((r) => (JSON.parse(r.message) as { text: string }).text));
  });

  it('gives back at a stop what was handed over and not started, and another worker sends it at once', async () => {
    const { channel, engine, worker, clock } = await setup({ concurrency: 1 });
    channel.pause();
    await engine.handle(hi('u1', 'k1'));
    await engine.handle(hi('u2', 'k2'));
    // u1 holds the only slot; u2's replies wait here, leased to this worker.
    const u2 = () => store.db.selectFrom('outbox').select(['status', 'lease_until']).where('user_id', '=', 'u2').execute();
    expect((await u2()).map((r) => r.lease_until)).toEqual([10_000 + LEASE_MS, 10_000 + LEASE_MS]);
    const stopping = worker.stop();
    channel.resume();
    await stopping;
    expect(await u2()).toEqual([
      { status: 'pending', lease_until: null },
      { status: 'pending', lease_until: null },
    ]);
    // Before any lease could run out, another worker takes everything left.
    const next = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger, now: () => clock.t, leaseMs: LEASE_MS });
    workers.push(next);
    await next.drain();
    expect(channel.sent.filter((s) => s.userId === 'u2').map((s) => s.text)).toEqual([translator.t('en', 'welcome.intro'), translator.t('en', 'role.ask')]);
    expect(channel.sent.filter((s) => s.userId === 'u1')).toHaveLength(2);
  });

  it('loses nothing when the process dies between the commit and the send: the lease runs out and a claim sends them', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const clock = { t: 10_000 };
    // A delivery that accepts the hand-over and dies before starting it.
    const dead: HandOver = { lease: () => clock.t + LEASE_MS, take: () => {} };
    const engine = createEngine({ store, translator, handOver: dead });
    await engine.handle(hi('u1', 'k1'));
    const channel = gatedChannel();
    const survivor = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger, now: () => clock.t, leaseMs: LEASE_MS });
    workers.push(survivor);
    clock.t = 10_000 + LEASE_MS - 1;
    await survivor.drain();
    expect(channel.sent).toEqual([]);
    clock.t = 10_000 + LEASE_MS + 1;
    await survivor.drain();
    expect(channel.sent.map((s) => s.text)).toEqual([translator.t('en', 'welcome.intro'), translator.t('en', 'role.ask')]);
  });
});
