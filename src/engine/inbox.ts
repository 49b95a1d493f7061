// The inbox: webhook events committed on receipt and acknowledged at once, then drained by the engine in batches, in order per person.

import { traceOfDigest, traced } from '../core/logger';
import { CompiledQuery, sql } from 'kysely';
import type { InboundEvent } from '../core/events';
import type { Logger } from '../core/logger';
import { isStoreUnavailable, type Store } from '../store/database';
import { engineTx, hashKey } from '../store/engine-store';
import { claimingPerDialect, placeholders, shapes } from '../store/fixed-sql';
import type { Selectable } from 'kysely';
import type { InboxTable } from '../store/schema';
import type { Engine, HandleResult } from './engine';

type InboxRow = Selectable<InboxTable>;
/** A claimed row, and whether its person has a later event waiting behind it. */
type ClaimedRow = InboxRow & { later: boolean | number };

/** Counters the inbox reports (the HTTP layer's metrics). */
export interface InboxMetrics {
  count(name: string, labels?: Record<string, string>, by?: number): void;
  /** How an event ended and how long it took (the processing-latency histogram). */
  eventHandled?(channel: string, outcome: 'processed' | 'duplicate' | 'skipped', seconds: number): void;
}

export interface InboxOptions {
  store: Store;
  engine: Engine;
  logger: Logger;
  metrics?: InboxMetrics;
  now?: () => number;
  /** Most events one transaction carries. */
  batchSize?: number;
  /** How long a claim holds before another drain may take the event (a crashed instance's claim runs out). */
  leaseMs?: number;
  /**
   * While webhooks keep arriving (one came within this many ms), the drain takes short
   * transactions (see `busyBudgetMs`) and lets the next webhooks in between: an acknowledgement
   * never waits behind a whole batch. Once they stop, batches go back to `batchSize`. Default 50 ms
   * on SQLite, where a batch runs without yielding the thread; 0 (always whole batches) on PostgreSQL.
   */
  busyWindowMs?: number;
  /**
   * While webhooks keep arriving, a transaction takes as many events as fit in this many ms at
   * the cost per event measured so far (at least one): the commit is shared, and a webhook that
   * comes meanwhile waits no longer than this. Default 2 ms on SQLite.
   */
  busyBudgetMs?: number;
  /** A monotonic clock in ms for the busy window (tests move it by hand). */
  monotonic?: () => number;
}

export interface Inbox {
  /**
   * Commits the events (one statement, one small transaction) and resolves: the caller may
   * acknowledge. With `wait`, resolves only once each event has been processed (or skipped).
   */
  receive(events: InboundEvent[], options?: { wait?: boolean }): Promise<void>;
  /** Takes one batch of what waits and processes it; resolves with how many events it took. */
  drainOnce(): Promise<number>;
  /** Drains now, in the background, until nothing is left. */
  wake(): void;
  /** Drains what an earlier run left, then looks again every `intervalMs` (events other instances received, claims that ran out). */
  start(intervalMs?: number): void;
  /** Stops looking and waits for the batch under way. */
  stop(): Promise<void>;
}

/**
 * In a burst (webhooks arriving at BURST_PER_SECOND or faster), the event loop turns at least this
 * many times between two steps of the drain, each turn answering the webhooks that arrived by then
 * (see `shareWithReceipts`). Measured on SQLite (wrk -t2 -c16, signed unique updates, noisy 2-core
 * machine, one run each): acknowledgement 21 % of the floor with 1 turn, 27 % with 2, 32 % with 3,
 * 29 % with 5, replies delivered end to end 266–301 a second throughout. Below the burst rate one
 * turn is kept: with 3 at a steady 125 events/s, replies took 25 ms (p50) and 130 ms (p99) instead
 * of 6.6 and 51.
 */
const BURST_TURNS = 3;
const BURST_PER_SECOND = 200;

/** One turn of the event loop: what arrived by now is answered before the caller goes on. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An event tried this many times without finishing (each try ended by a crash) is skipped. */
export const MAX_ATTEMPTS = 5;

const DEFAULT_LEASE_MS = Number(process.env.INBOX_LEASE_SECONDS ?? 30) * 1000;

/** Creates the inbox of a store. */
export function createInbox(options: InboxOptions): Inbox {
  const { store, engine, logger, metrics } = options;
  const now = options.now ?? Date.now;
  // SQLite has one connection: a webhook's insert waits for the batch under way, so batches stay short there.
  const batchSize = options.batchSize ?? (store.dialect === 'sqlite' ? 8 : 64);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  // On PostgreSQL a batch waits on the network between statements and webhooks are answered meanwhile; only SQLite's batches hold the thread.
  const busyWindowMs = options.busyWindowMs ?? (store.dialect === 'sqlite' ? 50 : 0);
  const busyBudgetMs = options.busyBudgetMs ?? 2;
  const monotonic = options.monotonic ?? (() => performance.now());
  /** What one event has cost lately (ms, its share of its transaction and commit); unknown until a batch is timed. */
  let costPerEvent = Number.POSITIVE_INFINITY;
  const isPg = store.dialect === 'postgres';
  /** When a webhook last committed here (monotonic ms); -Infinity before the first. */
  let lastReceipt = Number.NEGATIVE_INFINITY;
  /** Events received in the current busy window, and when it began: how fast they are coming. */
  let windowStart = Number.NEGATIVE_INFINITY;
  let inWindow = 0;
  /** Receipt statements committed so far: a turn that moves it answered webhooks. */
  let receiptsCommitted = 0;
  /** True while webhooks keep arriving: one committed within the busy window. */
  const receiving = () => monotonic() - lastReceipt < busyWindowMs;
  /** Who waits for an event to be processed, by inbox id (a redelivery in the same turn waits for the same row). */
  const waiters = new Map<number, (() => void)[]>();
  let running: Promise<void> | null = null;
  let again = false;
  let interval: NodeJS.Timeout | undefined;
  let stopped = false;
  /**
   * Claims of batches that failed here, let go as soon as the store answers again. A try ended
   * by an outage is not counted against the event (`true`): only tries that end the process are.
   */
  const toRelease = new Map<number, boolean>();
  /**
   * Events claimed here and not yet processed. A claim is its own small commit, so it takes a
   * whole batch even while webhooks keep arriving; the events are then processed one per
   * transaction (SQLite's busy window), the rest held here for the next passes.
   */
  let held: ClaimedRow[] = [];
  /**
   * `receiptsCommitted` as it was when the last claim took every event it could see (fewer than
   * it asked for, none with a later event of its person behind it); -1 when it did not, or when
   * events may have come back since. While no webhook commits and the interval has not looked
   * again, claiming again would find nothing (one statement and one turn per event saved at a
   * steady trickle, where each event otherwise ended with an empty claim).
   */
  let seenAllAt = -1;

  /** Lets claimed events go untried: their claim's try is not counted. */
  async function giveBack(ids: number[]) {
    if (ids.length === 0) return;
    await store.db.updateTable('inbox').set({ lease_until: null, attempts: sql`attempts - 1` }).where('id', 'in', ids).execute();
  }

  /**
   * Webhooks received in one turn of the event loop, committed together: one statement and one
   * commit for all of them (group commit), then each is answered. An event is committed before its
   * webhook is answered, as before; it waits at most for the end of the turn.
   */
  let receipts: { rows: unknown[][]; done: (ids: Map<string, number>) => void; fail: (error: unknown) => void }[] = [];

  function receive(events: InboundEvent[], receiveOptions: { wait?: boolean } = {}): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const at = now();
    const hashes = events.map((event) => hashKey(event.dedupeKey));
    const rows = events.map((event, i) => [`${event.channel}:${event.userId}`, hashes[i], JSON.stringify(event), at]);
    const wait = receiveOptions.wait === true;
    return new Promise<Map<string, number>>((done, fail) => {
      if (receipts.length === 0) setImmediate(commitReceipts);
      receipts.push({ rows, done, fail });
    }).then((ids) => {
      if (!wait) return;
      // A redelivery of an event waiting from an earlier turn inserts nothing: there is nothing of it to wait for here.
      const inserted = hashes.map((hash) => ids.get(hash)).filter((id): id is number => id !== undefined);
      return Promise.all(inserted.map((id) => new Promise<void>((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve])))).then(() => undefined);
    });
  }

  /** Commits the webhooks of this turn, up to RECEIPTS_PER_STATEMENT events a statement, in the order they came. */
  async function commitReceipts() {
    const batch = receipts;
    receipts = [];
    while (batch.length > 0) {
      const part: typeof batch = [];
      let count = 0;
      while (batch.length > 0 && (part.length === 0 || count + batch[0]!.rows.length <= RECEIPTS_PER_STATEMENT)) {
        const next = batch.shift()!;
        part.push(next);
        count += next.rows.length;
      }
      try {
        const values = part.flatMap((r) => r.rows.flat());
        // Fixed text (prepared once per count on SQLite): building it with Kysely for every webhook cost more than running it.
        const inserted = (await store.db.executeQuery<{ id: number; dedupe_key: string }>(CompiledQuery.raw(receiveStatement(store.dialect, count), values))).rows;
        const ids = new Map(inserted.map((row) => [row.dedupe_key, row.id]));
        lastReceipt = monotonic();
        if (lastReceipt - windowStart >= busyWindowMs) {
          windowStart = lastReceipt;
          inWindow = 0;
        }
        inWindow += count;
        receiptsCommitted++;
        for (const receipt of part) receipt.done(ids);
      } catch (error) {
        for (const receipt of part) receipt.fail(error);
      }
    }
    wake();
  }

  /**
   * Claims the oldest waiting event of each person, up to a batch: an event is claimable only
   * when no earlier event of the same person is still in the inbox (waiting, or claimed by a
   * drain under way here or on another instance), so each person's events go in order. On
   * PostgreSQL, rows another instance is claiming at this moment are skipped, not waited for.
   */
  async function claim(limit: number): Promise<ClaimedRow[]> {
    const t = now();
    const at = receiptsCommitted;
    const { rows } = await store.db.executeQuery<ClaimedRow>(CompiledQuery.raw(CLAIM[store.dialect], [t + leaseMs, t, limit]));
    seenAllAt = rows.length < limit && !rows.some((r) => r.later) ? at : -1;
    return rows.sort((a, b) => a.id - b.id);
  }

  /** Looks for events whatever the last claim saw (a caller may have put some in the store itself). */
  function drainOnce(): Promise<number> {
    seenAllAt = -1;
    return drainStep();
  }

  async function drainStep(): Promise<number> {
    for (const uncount of [true, false]) {
      const ids = [...toRelease].filter(([, u]) => u === uncount).map(([id]) => id);
      if (ids.length === 0) continue;
      await store.db
        .updateTable('inbox')
        .set({ lease_until: null, ...(uncount ? { attempts: sql`attempts - 1` } : {}) })
        .where('id', 'in', ids)
        .execute();
      for (const id of ids) toRelease.delete(id);
      seenAllAt = -1;
    }
    if (held.length === 0) {
      if (seenAllAt === receiptsCommitted) return 0;
      held = await claim(batchSize);
      // An event whose last try ended the process goes alone: every other event claimed beside it
      // is given back untried (its count undone), so that if it ends the process again, that try
      // is counted against it alone. The events that were tried with it in the batch that ended
      // the process come back one by one the same way, each counted only for its own tries.
      const retried = held.find((r) => r.attempts > 1);
      if (held.length > 1 && retried) {
        await giveBack(held.filter((r) => r !== retried).map((r) => r.id));
        held = [retried];
        seenAllAt = -1;
      }
    }
    const rows = held.splice(0, receiving() ? busyTake() : held.length);
    if (rows.length === 0) return 0;
    await processBatch(rows);
    return rows.length;
  }

  /** Events that fit the busy budget at the cost measured so far: at least one. */
  function busyTake(): number {
    return Math.max(1, Math.floor(busyBudgetMs / costPerEvent));
  }

  /**
   * Processes rows in one transaction; the rows leave the inbox in the same transaction. A batch
   * runs straight through first: if one of its events fails, the whole transaction is rolled back
   * and the batch runs again with each event in its own savepoint, so that event alone is skipped.
   * (A savepoint costs two more round trips per event on PostgreSQL, and events rarely fail.) A
   * batch of one goes the same way. A batch that goes through is timed for the busy budget.
   */
  async function processBatch(rows: InboxRow[]) {
    const started = monotonic();
    try {
      await runBatch(rows, false);
      // Each batch moves the estimate a quarter of the way: a slow moment does not shrink batches for long.
      const cost = (monotonic() - started) / rows.length;
      costPerEvent = Number.isFinite(costPerEvent) ? costPerEvent + (cost - costPerEvent) / 4 : cost;
      return;
    } catch (error) {
      if (!(error instanceof EventFailed)) throw error;
    }
    await runBatch(rows, true);
  }

  async function runBatch(rows: InboxRow[], isolated: boolean) {
    const results: { event: InboundEvent & { trace: string }; result: HandleResult; seconds: number }[] = [];
    const skipped: { row: InboxRow; channel: string; error: unknown }[] = [];
    try {
      await store.db.transaction().execute(async (tx) => {
        const port = engineTx(tx, store);
        for (const row of rows) {
          let channel = 'unknown';
          try {
            if (row.attempts > MAX_ATTEMPTS) throw new InboxGiveUp();
            const event = JSON.parse(row.event) as InboundEvent & { trace: string };
            channel = event.channel;
            // Every log line and queued reply of this event carries its trace, from the webhook to the platform.
            event.trace ??= traceOfDigest(row.dedupe_key);
            const started = performance.now();
            const result = await (isolated ? port.savepoint(() => engine.handleIn(port, event)) : engine.handleIn(port, event));
            results.push({ event, result, seconds: (performance.now() - started) / 1000 });
          } catch (error) {
            if (isStoreUnavailable(error)) throw error;
            if (!isolated) throw new EventFailed();
            // This event alone: it would fail the same way every time. Its key is remembered so a redelivery is dropped too.
            await tx.insertInto('processed_events').values({ key: row.dedupe_key, at: now() }).onConflict((oc) => oc.column('key').doNothing()).execute();
            skipped.push({ row, channel, error });
          }
        }
        // Processed or skipped, each event leaves the inbox with the transaction that holds its effects.
        await tx.executeQuery(CompiledQuery.raw(deleteStatement(store.dialect, rows.length), rows.map((r) => r.id)));
      });
    } catch (error) {
      // Run again at once, each event on its own (processBatch); the claims are still ours.
      if (error instanceof EventFailed) throw error;
      // Nothing of the batch was kept: the events are tried again as soon as their claims are let go.
      for (const row of rows) toRelease.set(row.id, isStoreUnavailable(error));
      throw error;
    }
    for (const { event, result, seconds } of results) {
      engine.committed(result);
      metrics?.count('reclaim_events_total', { channel: event.channel, duplicate: String(result.duplicate) });
      metrics?.eventHandled?.(event.channel, result.duplicate ? 'duplicate' : 'processed', seconds);
      traced(logger, event.trace).info({ channel: event.channel, kind: event.kind, conversation: result.conversationId, queued: result.queued, duplicate: result.duplicate }, 'event processed');
    }
    for (const { row, channel, error } of skipped) {
      traced(logger, traceOfDigest(row.dedupe_key)).error({ channel, ...errorFields(error) }, 'event could not be processed; skipped');
      metrics?.count('reclaim_events_skipped_total', { channel });
      metrics?.eventHandled?.(channel, 'skipped', 0);
    }
    for (const row of rows) {
      settle(row.id);
    }
  }

  function settle(id: number) {
    for (const resolve of waiters.get(id) ?? []) resolve();
    waiters.delete(id);
  }

  /** Waiters whose events another instance processed. */
  async function settleWaiters() {
    if (waiters.size === 0) return;
    const ids = [...waiters.keys()];
    const left = new Set((await store.db.selectFrom('inbox').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    for (const id of ids) {
      if (left.has(id)) continue;
      settle(id);
    }
  }

  /**
   * In a burst, webhooks get about as much of the thread as the drain: after a drain step of `ms`,
   * the loop turns BURST_TURNS times, then keeps turning while each turn commits new receipts, for
   * up to `ms` in all. The backlog drains once the burst is over; meanwhile platforms are answered
   * at their pace. Measured against BURST_TURNS alone (SQLite, wrk -t2 -c16, signed unique updates,
   * alternating, three runs each): acknowledgement 44 / 45 / 43 % -> 60 / 62 / 54 % of the floor
   * (p99 10–14 ms -> 12–13 ms); end to end at peak 815 / 790 / 754 -> 734 / 695 / 841 replies/s.
   */
  async function shareWithReceipts(ms: number) {
    const until = monotonic() + ms;
    for (let k = 0; k < BURST_TURNS; k++) await turn();
    for (let seen = receiptsCommitted - 1; receiptsCommitted !== seen && monotonic() < until; ) {
      seen = receiptsCommitted;
      await turn();
    }
  }

  function wake() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          for (let stepStart = monotonic(); (await drainStep()) > 0 && !stopped; stepStart = monotonic()) {
            // Webhooks that arrived meanwhile commit their events before the next batch takes the connection.
            // The window a receipt falls in began less than one window before it, so a current receipt means a current count.
            const burst = receiving() && inWindow >= (BURST_PER_SECOND * busyWindowMs) / 1000;
            if (burst) await shareWithReceipts(monotonic() - stepStart);
            else await turn();
          }
        } while (again && !stopped);
      } catch (error) {
        // The store is away or a query failed: the events stay in the inbox and the next pass tries again.
        logger.warn({ ...errorFields(error) }, 'inbox pass failed');
      } finally {
        // In the same turn as the last look at `again`: a wake() from now on starts a new pass, none is lost between.
        running = null;
      }
    })();
  }

  return {
    receive,
    drainOnce,
    wake,
    start(intervalMs = 500) {
      stopped = false;
      interval = setInterval(() => {
        // Events other instances received, or claims that ran out, are not announced here: look.
        seenAllAt = -1;
        wake();
        void settleWaiters().catch(() => undefined);
      }, intervalMs);
      interval.unref();
      // One SQLite file has one instance: claims left by a previous run of it ended with that run.
      const released = isPg ? Promise.resolve() : store.db.updateTable('inbox').set({ lease_until: null }).execute().then(() => undefined);
      void released.then(wake, (error) => logger.warn({ ...errorFields(error) }, 'inbox could not be resumed'));
    },
    async stop() {
      stopped = true;
      if (interval) clearInterval(interval);
      await running;
      // Claimed here and never tried: given back for the next run or another instance.
      await giveBack(held.splice(0).map((r) => r.id)).catch((error: unknown) => logger.warn({ ...errorFields(error) }, 'inbox claims could not be given back'));
    },
  };
}

/**
 * Claims for `lease_until = ?` (now + lease) the oldest events not leased at `?` (now), whose
 * person has no earlier event still in the inbox, at most `?`. Fixed text, built once: it runs
 * for every batch, one event at a time while webhooks keep arriving.
 */
const CLAIM = claimingPerDialect(
  (lock) =>
    `update "inbox" set "lease_until" = ?, "attempts" = "attempts" + 1 where "id" in (
    select "i"."id" from "inbox" as "i"
    where ("i"."lease_until" is null or "i"."lease_until" < ?)
      and not exists (select 1 from "inbox" as "j" where "j"."person" = "i"."person" and "j"."id" < "i"."id")
    order by "i"."id" limit ?${lock})
    returning *, exists (select 1 from "inbox" as "k" where "k"."person" = "inbox"."person" and "k"."id" > "inbox"."id") as "later"`,
);

/** `insert … on conflict do nothing returning id, dedupe_key` for a count of events. A redelivery of an event still waiting is the same event. */
const receiveStatement = shapes(
  (rows) =>
    `insert into "inbox" ("person", "dedupe_key", "event", "received_at") values ${Array.from({ length: rows }, () => `(${placeholders(4)})`).join(', ')} on conflict ("dedupe_key") do nothing returning "id", "dedupe_key"`,
);

/** Most events one receiving statement carries (4 values each); a turn with more goes in several. */
const RECEIPTS_PER_STATEMENT = 64;

/** `delete from inbox where id in (…)` for a count of ids. */
const deleteStatement = shapes((rows) => `delete from "inbox" where "id" in (${placeholders(rows)})`);

/** An event of a batch run straight through failed: the batch is rolled back and run again event by event. */
class EventFailed extends Error {
  override name = 'EventFailed';
}

/** An event that has been tried too often: given up on, as a poison event. */
class InboxGiveUp extends Error {
  override name = 'InboxGiveUp';
}

/** What a log line may say of an error: its kind and code, never its message (a database's message can quote the value). */
export function errorFields(error: unknown): { error: string; code?: string } {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return { error: name, ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}) };
}
