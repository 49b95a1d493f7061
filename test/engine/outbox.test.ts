// The outbox worker against a scripted channel: order per person, backoff, Retry-After, blocked people, held messages.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALONE_AFTER, backoffDelay, createOutboxWorker, MAX_INTERRUPTIONS } from '../../src/engine/outbox';
import { createEngine } from '../../src/engine/engine';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { silentLogger } from '../../src/core/logger';
import { PlatformError } from '../../src/core/errors';
import type { ChannelAdapter } from '../../src/core/channel';
import type { RenderedMessage } from '../../src/core/messages';
import type { Store } from '../../src/store/database';
import { sql } from 'kysely';
import { freshStore } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

/** A console-named channel whose answers a test scripts, recording what it was asked to send. */
function scripted(answer: (message: RenderedMessage, n: number, userId: string) => void): ChannelAdapter & { sent: string[] } {
  const sent: string[] = [];
  let n = 0;
  return {
    name: 'console',
    capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
    sent,
    async send(message, to) {
      answer(message, n++, to.userId);
      sent.push(message.text);
    },
  };
}

describe('outbox worker', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  async function setup(channel: ChannelAdapter, clock: { t: number }) {
    ({ store, cleanup } = await freshStore('sqlite'));
    const engine = createEngine({ store, translator });
    const worker = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger, now: () => clock.t, random: () => 0.5 });
    return { engine, worker };
  }

  const hi = (userId: string, key: string) => ({ type: 'inbound' as const, channel: 'console' as const, userId, dedupeKey: key, kind: 'text' as const, text: 'hi', localeHint: 'en', at: 1 });

  it('backs off exponentially with jitter, capped at five minutes', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1000);
    expect(backoffDelay(4, () => 1)).toBe(8000);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
  });

  it('never lets a later message overtake one that is waiting to be retried, and honours Retry-After', async () => {
    const clock = { t: 1_000 };
    const channel = scripted((_m, n) => {
      if (n === 0) throw new PlatformError('Too Many Requests', 429, { retryAfter: 7 });
    });
    const { engine, worker } = await setup(channel, clock);
    await engine.handle(hi('u1', 'a'));
    await worker.drain();
    expect(channel.sent).toEqual([]);
    const [first] = await store.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: 8_000 });
    clock.t = 7_999;
    await worker.drain();
    expect(channel.sent).toEqual([]);
    clock.t = 8_000;
    await worker.drain();
    expect(channel.sent).toEqual([translator.t('en', 'welcome.intro'), translator.t('en', 'role.ask')]);
  });

  it('gives up on a person who blocked the bot and marks them unreachable', async () => {
    const clock = { t: 1_000 };
    const channel = scripted(() => {
      throw new PlatformError('Forbidden: bot was blocked by the user', 403, { blocked: true });
    });
    const { engine, worker } = await setup(channel, clock);
    await engine.handle(hi('u1', 'a'));
    await worker.drain();
    const rows = await store.db.selectFrom('outbox').select('status').execute();
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect((await store.db.selectFrom('conversations').select('unreachable').executeTakeFirstOrThrow()).unreachable).toBe(1);
  });

  it('holds a message outside the messaging window until the person writes again', async () => {
    const clock = { t: 1_000 };
    let windowOpen = false;
    const channel = scripted(() => {
      if (!windowOpen) throw new PlatformError('outside the 24-hour window', 0, { hold: true });
    });
    const { engine, worker } = await setup(channel, clock);
    await engine.handle(hi('u1', 'a'));
    await worker.drain();
    expect((await store.db.selectFrom('outbox').select('status').execute()).map((r) => r.status)).toEqual(['held', 'pending']);
    windowOpen = true;
    await worker.drain();
    expect(channel.sent).toEqual([]);
    // A day later the person writes again: everything held goes, in order, before the new answers.
    await engine.handle({ ...hi('u1', 'b'), at: 1 + 25 * 60 * 60_000 });
    await worker.drain();
    expect(channel.sent.slice(0, 2)).toEqual([translator.t('en', 'welcome.intro'), translator.t('en', 'role.ask')]);
    expect((await store.db.selectFrom('outbox').select('status').execute()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('gives up after a non-retryable refusal without holding back the next person', async () => {
    const clock = { t: 1_000 };
    const channel = scripted((_m, _n, userId) => {
      if (userId === 'u1') throw new PlatformError('Bad Request: chat not found', 400);
    });
    const { engine, worker } = await setup(channel, clock);
    await engine.handle(hi('u1', 'a'));
    await engine.handle(hi('u2', 'b'));
    await worker.drain();
    const rows = await store.db.selectFrom('outbox').select(['user_id', 'status']).orderBy('id').execute();
    expect(rows.filter((r) => r.user_id === 'u2').map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(rows.find((r) => r.user_id === 'u1')?.status).toBe('failed');
  });

  it('records the deliveries of many people together, in one statement per turn rather than one per message', async () => {
    // Every reading of the clock moves it on, so two statements never share a `sent_at`.
    const clock = { t: 1_000 };
    const channel = scripted(() => {});
    ({ store, cleanup } = await freshStore('sqlite'));
    const engine = createEngine({ store, translator });
    const worker = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger, now: () => clock.t++, random: () => 0.5 });
    for (let u = 0; u < 20; u++) await engine.handle(hi(`u${u}`, `k${u}`));
    await worker.drain();
    const rows = await store.db.selectFrom('outbox').select(['status', 'attempts', 'sent_at']).execute();
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.sent_at !== null)).toBe(true);
    // Each person's second message waits for the first to be recorded: two turns, not forty statements.
    expect(new Set(rows.map((r) => r.sent_at)).size).toBeLessThanOrEqual(4);
  });

  it('sends side by side what one death cut off, alone what a second cut off again, and gives one up after MAX_INTERRUPTIONS', async () => {
    const clock = { t: 1_000 };
    // Sends take a turn of the timer queue, so deliveries running side by side would overlap here.
    let inFlight = 0;
    let most = 0;
    const sent: string[] = [];
    let refuse: string | undefined;
    const channel: ChannelAdapter = {
      name: 'console',
      capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
      async send(message, to) {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        if (to.userId === refuse) throw new PlatformError('Internal Server Error', 500, {});
        sent.push(`${to.userId}: ${message.text}`);
      },
    };
    const { engine, worker } = await setup(channel, clock);
    const dies = async (users: string[], before = 0) => {
      // A process claimed these people's messages and died: the leases ran out, `before` deaths had cut them off already.
      await store.db.updateTable('outbox').set({ lease_until: clock.t - 1, interrupted: before }).where('user_id', 'in', users).execute();
    };
    const interrupted = async (users: string[]) => (await store.db.selectFrom('outbox').select(['status', 'interrupted']).where('user_id', 'in', users).orderBy('id').execute()).map((r) => `${r.status} ${r.interrupted}`);

    // One death: everything it cut off goes out as usual, side by side.
    for (let u = 0; u < 4; u++) await engine.handle(hi(`u${u}`, `k${u}`));
    await dies(['u0', 'u1', 'u2', 'u3']);
    await worker.drain();
    expect(most).toBeGreaterThan(1);
    expect(await interrupted(['u0', 'u1', 'u2', 'u3'])).toEqual(Array(8).fill('sent 1'));

    // A second death: one message at a time, in order per person. u7's first message had been cut off four times: it is
    // given up unsent, and the rest of its conversation goes.
    for (let u = 4; u < 8; u++) await engine.handle(hi(`u${u}`, `k${u}`));
    await dies(['u4', 'u5', 'u6', 'u7'], 1);
    const [firstOfU7] = await store.db.selectFrom('outbox').select('id').where('user_id', '=', 'u7').orderBy('id').execute();
    await store.db.updateTable('outbox').set({ interrupted: MAX_INTERRUPTIONS - 1 }).where('id', '=', firstOfU7!.id).execute();
    most = 0;
    sent.length = 0;
    await worker.drain();
    expect(most).toBe(1);
    expect(await store.db.selectFrom('outbox').select(['status', 'interrupted', 'last_error']).where('id', '=', firstOfU7!.id).executeTakeFirst()).toMatchObject({ status: 'failed', interrupted: MAX_INTERRUPTIONS });
    expect(sent).toHaveLength(7);
    expect(sent.filter((line) => line.startsWith('u7:'))).toEqual([`u7: ${translator.t('en', 'role.ask')}`]);

    // An attempt that ends, even refused, shows the process survives the message: it counts from none again.
    for (let u = 8; u < 10; u++) await engine.handle(hi(`u${u}`, `k${u}`));
    await dies(['u8', 'u9'], ALONE_AFTER);
    refuse = 'u8';
    await worker.drain();
    // u8's second message waits behind the refused one, untried: its count stands.
    expect(await interrupted(['u8'])).toEqual(['pending 0', `pending ${ALONE_AFTER + 1}`]);
    expect(await interrupted(['u9'])).toEqual([`sent ${ALONE_AFTER + 1}`, `sent ${ALONE_AFTER + 1}`]);

    // Messages queued afterwards are delivered side by side again.
    refuse = undefined;
    most = 0;
    for (let u = 10; u < 14; u++) await engine.handle(hi(`u${u}`, `k${u}`));
    await worker.drain();
    expect(most).toBeGreaterThan(1);
    expect(await interrupted(['u10', 'u11', 'u12', 'u13'])).toEqual(Array(8).fill('sent 0'));
  });

  it('claims from a backlog only what its free slots can start, and keeps what does not fit for the next slot instead of giving it back', async () => {
    ({ store, cleanup } = await freshStore('sqlite'));
    const engine = createEngine({ store, translator });
    const channel = scripted(() => {});
    const worker = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger, random: () => 0.5, concurrency: 2 });
    // Thirty people's first answers (two messages each) wait: a backlog, two conversations at a time.
    for (let u = 0; u < 30; u++) await engine.handle(hi(`u${u}`, `k${u}`));
    // Count each row leased by a claim, and each row given back untried.
    await sql`create table leases (given_back integer)`.execute(store.db);
    await sql`create trigger lease_taken after update of lease_until on outbox when new.lease_until is not null begin insert into leases values (0); end`.execute(store.db);
    await sql`create trigger lease_given_back after update of lease_until on outbox when new.lease_until is null and new.status = 'pending' begin insert into leases values (1); end`.execute(store.db);
    await worker.drain();
    expect(channel.sent).toHaveLength(60);
    const { rows } = await sql<{ given_back: number; n: number }>`select given_back, count(*) as n from leases group by given_back order by given_back`.execute(store.db);
    const [taken, givenBack] = [rows[0]?.n ?? 0, rows[1]?.n ?? 0];
    // Each message leased about once: a claim takes at most three rows a free slot (six here), and
    // what does not fit waits here for the next free slot. Claiming a whole batch each time and
    // giving back what did not fit leased 480 rows to send 60 (420 given back); the claim's limit
    // alone, 88 (28).
    expect(taken).toBeLessThanOrEqual(66);
    expect(givenBack).toBeLessThanOrEqual(6);
  });

  it('takes from the shared pacing bucket once for many deliveries starting together, not once per delivery', async () => {
    ({ store, cleanup } = await freshStore('sqlite'));
    const engine = createEngine({ store, translator });
    // A platform channel (not the console, which is paced in the process): its bucket is the shared row.
    const sent: string[] = [];
    const telegram: ChannelAdapter = {
      name: 'telegram',
      capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
      async send(message) {
        sent.push(message.text);
      },
    };
    const worker = createOutboxWorker({ store, channels: new Map([['telegram', telegram]]), publicBaseUrl: 'http://x', logger: silentLogger, random: () => 0.5 });
    for (let u = 0; u < 20; u++) await engine.handle({ ...hi(`u${u}`, `k${u}`), channel: 'telegram' as const });
    // Every take from the bucket writes its row: count the writes.
    await sql`create table takes (n integer)`.execute(store.db);
    await sql`create trigger take_insert after insert on outbound_pacing begin insert into takes values (1); end`.execute(store.db);
    await sql`create trigger take_update after update on outbound_pacing begin insert into takes values (1); end`.execute(store.db);
    await worker.drain();
    expect(sent).toHaveLength(40);
    // Twenty deliveries start side by side: a take brings 16 tokens (a tenth of a second's worth, at most 16), and the others wait for it.
    const { rows } = await sql<{ n: number }>`select count(*) as n from takes`.execute(store.db);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
    expect(rows[0]!.n).toBeLessThanOrEqual(5);
  });

  it('sends again a message whose delivery could not be recorded, and loses nothing', async () => {
    const clock = { t: 1_000 };
    const order: string[] = [];
    const channel = scripted((m, _n, userId) => void order.push(`${userId}:${m.text}`));
    const { engine, worker } = await setup(channel, clock);
    await engine.handle(hi('u1', 'a'));
    await engine.handle(hi('u2', 'b'));
    // The database refuses to record any delivery (a full disk, a lost connection).
    await sql`create trigger refuse_sent before update on outbox when new.status = 'sent' begin select raise(abort, 'disk trouble'); end`.execute(store.db);
    await worker.drain();
    expect(channel.sent).toHaveLength(2);
    const waiting = await store.db.selectFrom('outbox').select(['status', 'attempts', 'next_attempt_at']).orderBy('id').execute();
    expect(waiting.filter((r) => r.status === 'pending' && r.attempts === 1 && r.next_attempt_at > clock.t)).toHaveLength(2);
    await sql`drop trigger refuse_sent`.execute(store.db);
    clock.t += 60_000;
    await worker.drain();
    // At least once: the first messages go again, then every message follows in order.
    const again = order.slice(2);
    for (const user of ['u1', 'u2']) expect(again.filter((line) => line.startsWith(`${user}:`))).toEqual([`${user}:${translator.t('en', 'welcome.intro')}`, `${user}:${translator.t('en', 'role.ask')}`]);
    expect((await store.db.selectFrom('outbox').select('status').execute()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('records a delivery again when the store refused it for a moment, without sending it twice', async () => {
    const clock = { t: 1_000 };
    const channel = scripted(() => {});
    const { engine, worker } = await setup(channel, clock);
    await engine.handle(hi('u1', 'a'));
    // The store refuses to record deliveries while this flag stands (a lock, a brief outage).
    await sql`create table refusing (x integer)`.execute(store.db);
    await sql`insert into refusing values (1)`.execute(store.db);
    await sql`create trigger refuse_sent before update on outbox when new.status = 'sent' and exists (select 1 from refusing) begin select raise(abort, 'busy'); end`.execute(store.db);
    setTimeout(() => void sql`delete from refusing`.execute(store.db), 20);
    await worker.drain();
    expect(channel.sent).toEqual([translator.t('en', 'welcome.intro'), translator.t('en', 'role.ask')]);
    const rows = await store.db.selectFrom('outbox').select(['status', 'attempts']).orderBy('id').execute();
    expect(rows).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
  });
});

describe.each(['sqlite', 'postgres'] as const)('outbox worker on %s: what a send knows of its conversation', (dialect) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('gives each send its conversation as stored, refuses an unreachable person, and leaves nothing of an erased one once sent', async () => {
    const opened = await freshStore(dialect);
    cleanup = opened.cleanup;
    const store = opened.store;
    const engine = createEngine({ store, translator });
    const seen: { userId: string; lastInboundAt: number | null; text: string }[] = [];
    const channel: ChannelAdapter = {
      name: 'console',
      capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
      async send(message, to) {
        seen.push({ userId: to.userId, lastInboundAt: to.lastInboundAt, text: message.text });
      },
    };
    const worker = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger });
    const hi = (userId: string, at: number) => ({ type: 'inbound' as const, channel: 'console' as const, userId, dedupeKey: `${userId}:${at}`, kind: 'text' as const, text: 'hi', localeHint: 'en', at });
    for (const [userId, at] of [['kept', 1_700_000_000_111], ['blocked', 1_700_000_000_222], ['erased', 1_700_000_000_333]] as const) await engine.handle(hi(userId, at));
    await store.db.updateTable('conversations').set({ unreachable: 1 }).where('user_id', '=', 'blocked').execute();
    const erased = await store.db.selectFrom('conversations').select('id').where('user_id', '=', 'erased').executeTakeFirstOrThrow();
    await store.db.deleteFrom('transcript').where('conversation_id', '=', erased.id).execute();
    await store.db.deleteFrom('conversations').where('id', '=', erased.id).execute();

    await worker.drain();

    expect(seen.filter((s) => s.userId === 'kept').map((s) => s.lastInboundAt)).toEqual([1_700_000_000_111, 1_700_000_000_111]);
    expect(seen.filter((s) => s.userId === 'blocked')).toEqual([]);
    // Erased: sent with what the row knows, then gone.
    expect(seen.filter((s) => s.userId === 'erased')).toHaveLength(2);
    const rows = await store.db.selectFrom('outbox').select(['user_id', 'status', 'last_error']).orderBy('id').execute();
    expect(rows.filter((r) => r.user_id === 'kept').map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(rows.filter((r) => r.user_id === 'blocked').map((r) => [r.status, r.last_error])).toEqual([
      ['failed', 'person unreachable (blocked the bot)'],
      ['failed', 'person unreachable (blocked the bot)'],
    ]);
    expect(rows.filter((r) => r.user_id === 'erased')).toEqual([]);
  });
});
