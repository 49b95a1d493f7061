// Hands a webhook's events to the engine one by one: a poison event is logged and skipped, a store outage answers 503.

import { createHash } from 'node:crypto';
import type { InboundEvent } from '../core/events';
import type { Ingest } from '../channels/types';
import type { Engine } from '../engine/engine';
import type { Logger } from '../engine/logger';
import type { Store } from '../store/database';
import type { Metrics } from './metrics';

export interface IngestOptions {
  engine: Engine;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
}

/**
 * Builds the `ingest` every channel webhook calls. Each event is its own transaction. When one
 * fails because the store cannot be reached, the error propagates: the webhook answers 503, the
 * platform redelivers, and the events already committed are recognised by their dedupe keys.
 * Any other failure belongs to that event alone (it would fail the same way on every
 * redelivery): it is logged without content, its dedupe key is recorded so it is not tried
 * again, and the next event goes on.
 */
export function createIngest(options: IngestOptions): Ingest {
  const { engine, store, logger, metrics } = options;
  const now = options.now ?? Date.now;

  async function skip(event: InboundEvent, error: unknown) {
    logger.error({ channel: event.channel, kind: event.kind, ...errorFields(error) }, 'event could not be processed; skipped');
    metrics.count('reclaim_events_skipped_total', { channel: event.channel });
    try {
      // Stored the way the engine stores keys (hashed), aged by our clock.
      await store.db
        .insertInto('processed_events')
        .values({ key: createHash('sha256').update(event.dedupeKey).digest('base64url'), at: now() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    } catch (markError) {
      if (isStoreUnavailable(markError)) throw markError;
      // The event was acknowledged anyway; if it comes again it is skipped again.
    }
  }

  return async (events) => {
    for (const event of events) {
      let result;
      try {
        result = await engine.handle(event);
      } catch (error) {
        if (isStoreUnavailable(error)) throw error;
        await skip(event, error);
        continue;
      }
      metrics.count('reclaim_events_total', { channel: event.channel, duplicate: String(result.duplicate) });
    }
  };
}

/** What a log line may say of an error: its kind and code, never its message (a database's message can quote the value). */
function errorFields(error: unknown): { error: string; code?: string } {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return { error: name, ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}) };
}

/** Node's socket errors: the database host is down, unreachable or dropped us. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/**
 * PostgreSQL SQLSTATE classes that say nothing about the event: 08 connection, 53 insufficient
 * resources, 57 operator intervention (shutdown, cancelled by timeout), 58 system error, and
 * 40 (serialization failure, deadlock), which a retry resolves.
 */
const PG_TRANSIENT_CLASSES = new Set(['08', '53', '57', '58', '40']);
/** SQLite result codes of a busy, full or failing disk rather than a bad value. */
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM|PROTOCOL)/;
/** pg's own words when the pool or client gives up; they carry no code. */
const DRIVER_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end|driver has already been destroyed|database connection is not open/i;

/**
 * True when `error` means the store could not be reached or could not take the write just now,
 * so the webhook must answer 503 and the platform redeliver. Everything else is the event's own
 * fault. (The store module may grow its own classifier; this one errs towards 503, which is
 * safe: a redelivered event that is not poison is processed once thanks to its dedupe key.)
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code) || SQLITE_TRANSIENT.test(code)) return true;
      if (/^[0-9A-Z]{5}$/.test(code) && PG_TRANSIENT_CLASSES.has(code.slice(0, 2))) return true;
    }
    if (e instanceof Error && (DRIVER_MESSAGES.test(e.message) || e.name === 'TimeoutError' || e.name === 'AbortError')) return true;
  }
  return false;
}
