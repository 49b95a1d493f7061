// Hands a webhook's events to the engine one by one: a poison event is logged and skipped, a store outage answers 503.

import { createHash } from 'node:crypto';
import type { InboundEvent } from '../core/events';
import type { Ingest } from '../core/channel';
import type { Engine } from '../engine/engine';
import type { Logger } from '../core/logger';
import { isStoreUnavailable, type Store } from '../store/database';
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
