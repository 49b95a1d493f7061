// Prometheus metrics through prom-client: counters and latency histograms fed as things happen, store depths read on each scrape.

import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { sql } from 'kysely';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/database';
import { TRY_USER_PREFIX } from '../core/demo';

/** Counts and times things and renders them for `GET /metrics`. Labels never carry personal data: channels, outcomes, reasons. */
export interface Metrics {
  /** Adds to a counter; names not declared below get one on first use, labelled as that first call was. */
  count(name: string, labels?: Record<string, string>, by?: number): void;
  /** A webhook answered: how long the platform waited for its acknowledgement. */
  webhookAcknowledged(channel: string, status: number, seconds: number): void;
  /** One event went through the engine: its outcome and how long that took. */
  eventHandled(channel: string, outcome: EventOutcome, seconds: number): void;
  /** A message could not be delivered on this attempt (it may be retried). */
  deliveryFailed(platform: string, reason: string): void;
  /** Reads inbox, outbox, timer and queue depths from this store on each scrape. */
  watch(store: Store): void;
  /** The exposition, in the Prometheus text format. */
  render(): Promise<string>;
  readonly contentType: string;
}

export type EventOutcome = 'processed' | 'duplicate' | 'skipped' | 'unavailable';

/** How long a scrape waits for the store before leaving the depths out of that scrape. */
const SCRAPE_QUERY_TIMEOUT_MS = 1_000;

/** Latency buckets in seconds, from a fast commit on SQLite to a platform about to give up (LINE and Telegram wait seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counters other modules already count by name, declared with their help text and labels. */
const COUNTERS: Record<string, { help: string; labels: string[] }> = {
  reclaim_events_total: { help: 'Platform events ingested, by channel and whether they were duplicates', labels: ['channel', 'duplicate'] },
  reclaim_events_skipped_total: { help: 'Platform events that could not be processed and were skipped', labels: ['channel'] },
  reclaim_store_unavailable_total: { help: 'Requests answered 503 because the store was unreachable', labels: [] },
  reclaim_submissions_total: { help: 'Hash submissions, by result', labels: ['result'] },
  reclaim_webhook_unavailable_total: { help: 'Webhooks answered 503 for redelivery, by channel and reason', labels: ['channel', 'reason'] },
};

/** Process metrics (CPU, memory, event loop, GC) are the process's, not an app's: registered once, shared by every app in it. */
let processRegistry: Registry | undefined;

export function createMetrics(): Metrics {
  const registry = new Registry();
  processRegistry ??= (() => {
    const shared = new Registry();
    collectDefaultMetrics({ register: shared });
    return shared;
  })();
  const counters = new Map<string, Counter>();
  const counter = (name: string, labels: string[], help = name) => {
    let found = counters.get(name);
    if (!found) {
      found = new Counter({ name, help, labelNames: labels, registers: [registry] });
      counters.set(name, found);
    }
    return found;
  };
  for (const [name, { help, labels }] of Object.entries(COUNTERS)) counter(name, labels, help);

  const handled = counter('reclaim_events_handled_total', ['channel', 'outcome'], 'Platform events through the engine, by channel and outcome (processed, duplicate, skipped, unavailable)');
  const deliveryFailures = counter('reclaim_delivery_failures_total', ['platform', 'reason'], 'Delivery attempts that failed, by platform and reason');
  const ack = new Histogram({
    name: 'reclaim_webhook_ack_seconds',
    help: 'Time from a webhook request to its answer, by channel and status class',
    labelNames: ['channel', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const processing = new Histogram({
    name: 'reclaim_event_processing_seconds',
    help: 'Time the engine took to handle one platform event, by channel',
    labelNames: ['channel'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const inboxDepth = new Gauge({ name: 'reclaim_inbox_depth', help: 'Events received and waiting to be processed', registers: [registry] });
  const outboxDepth = new Gauge({ name: 'reclaim_outbox_depth', help: 'Messages waiting to be delivered, by channel and status (pending, held)', labelNames: ['channel', 'status'], registers: [registry] });
  const timersDue = new Gauge({ name: 'reclaim_timers_due', help: 'Timers past their due time and not yet fired', registers: [registry] });
  const queueWaiting = new Gauge({
    name: 'reclaim_queue_oldest_waiting_seconds',
    help: 'How long the longest-waiting open conversation nobody holds has waited, by need (urgent, under13, sextortion, human, none)',
    labelNames: ['need'],
    registers: [registry],
  });
  const scrapeFailures = counter('reclaim_metrics_store_failures_total', [], 'Scrapes that could not read depths from the store in time');

  let store: Store | undefined;

  async function refresh(): Promise<void> {
    if (!store) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('store too slow for a scrape')), SCRAPE_QUERY_TIMEOUT_MS)));
    try {
      const depths = await Promise.race([readDepths(store, Date.now()), late]);
      inboxDepth.reset();
      if (depths.inbox !== undefined) inboxDepth.set(depths.inbox);
      outboxDepth.reset();
      for (const row of depths.outbox) outboxDepth.set({ channel: row.channel, status: row.status }, row.count);
      timersDue.set(depths.timersDue);
      queueWaiting.reset();
      for (const [need, seconds] of Object.entries(depths.waiting)) queueWaiting.set({ need }, seconds);
    } catch {
      // Old figures would mislead: leave the depths out of this scrape and say so.
      for (const gauge of [inboxDepth, outboxDepth, timersDue, queueWaiting]) gauge.reset();
      scrapeFailures.inc();
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    contentType: registry.contentType,
    count(name, labels = {}, by = 1) {
      try {
        counter(name, Object.keys(labels)).inc(labels, by);
      } catch {
        // A counter called with other labels than it was made with: counting is never worth failing a request.
      }
    },
    webhookAcknowledged(channel, status, seconds) {
      ack.observe({ channel, status: `${Math.floor(status / 100)}xx` }, seconds);
    },
    eventHandled(channel, outcome, seconds) {
      handled.inc({ channel, outcome });
      if (outcome === 'processed' || outcome === 'duplicate') processing.observe({ channel }, seconds);
    },
    deliveryFailed(platform, reason) {
      deliveryFailures.inc({ platform, reason });
    },
    watch(watched) {
      store = watched;
    },
    async render() {
      await refresh();
      return (await processRegistry!.metrics()) + (await registry.metrics());
    },
  };
}

interface Depths {
  inbox: number | undefined;
  outbox: { channel: string; status: string; count: number }[];
  timersDue: number;
  waiting: Record<string, number>;
}

/**
 * Cheap counts for the gauges, in one read. On PostgreSQL they run under a short statement
 * timeout of their own, so a scrape never holds a connection for long.
 */
async function readDepths(store: Store, now: number): Promise<Depths> {
  const read = async (db: Store['db']): Promise<Depths> => {
    const outbox = await db
      .selectFrom('outbox')
      .select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', 'in', ['pending', 'held'])
      .groupBy(['channel', 'status'])
      .execute();
    const due = await db
      .selectFrom('timers')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('due_at', '<=', now)
      .executeTakeFirstOrThrow();
    const since = (flag: string) => sql<number | null>`min(case when ${sql.ref(flag)} = 1 then coalesce(last_inbound_at, created_at) end)`.as(flag);
    const oldest = await db
      .selectFrom('conversations')
      .select([
        since('urgent'),
        since('under13'),
        since('sextortion'),
        since('human'),
        sql<number | null>`min(case when urgent = 0 and under13 = 0 and sextortion = 0 and human = 0 then coalesce(last_inbound_at, created_at) end)`.as('none'),
      ])
      .where('status', '=', 'open')
      .where('held_by', 'is', null)
      // The public demo's visitors are not people waiting for help.
      .where((eb) => eb.or([eb('channel', '!=', 'console'), eb('user_id', 'not like', `${TRY_USER_PREFIX}%`)]))
      .executeTakeFirstOrThrow();
    const waiting: Record<string, number> = {};
    for (const [need, at] of Object.entries(oldest)) {
      if (at !== null && at !== undefined) waiting[need] = Math.max(0, (now - Number(at)) / 1000);
    }
    return {
      inbox: await inboxDepth(db, store.dialect),
      outbox: outbox.map((r) => ({ channel: r.channel, status: r.status, count: Number(r.count) })),
      timersDue: Number(due.count),
      waiting,
    };
  };
  if (store.dialect !== 'postgres') return read(store.db);
  return store.db.transaction().execute(async (tx) => {
    await sql`set local statement_timeout = ${sql.lit(SCRAPE_QUERY_TIMEOUT_MS)}`.execute(tx);
    return read(tx);
  });
}

/** Rows in the inbox, where there is one (the table arrives with the batching engine); undefined where there is none. */
async function inboxDepth(db: Store['db'], dialect: Store['dialect']): Promise<number | undefined> {
  const exists =
    dialect === 'postgres'
      ? (await sql<{ found: string | null }>`select to_regclass('inbox')::text as found`.execute(db)).rows[0]?.found
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'inbox'`.execute(db)).rows[0]?.name;
  if (!exists) return undefined;
  const { rows } = await sql<{ count: number | string }>`select count(*) as count from inbox`.execute(db);
  return Number(rows[0]?.count ?? 0);
}

export type MetricsAccess = 'allowed' | 'unauthorized' | 'forbidden';

/**
 * Who may read `GET /metrics`. With a token: whoever sends `Authorization: Bearer <token>`.
 * Without one: only a caller on this machine that came through no proxy (a proxy on the same
 * host makes every visitor look local, and it says so with X-Forwarded-For or Forwarded).
 */
export function metricsAccess(c: Context, token: string | undefined): MetricsAccess {
  if (token) {
    const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    return sameSecret(given, token) ? 'allowed' : 'unauthorized';
  }
  if (c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined) return 'forbidden';
  return isLoopback(remoteAddress(c)) ? 'allowed' : 'forbidden';
}

function sameSecret(given: string, expected: string): boolean {
  // Equal-length digests: the comparison takes as long whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // No socket (a request made in process): not known to be local.
    return undefined;
  }
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}
