// Retention: what people wrote is kept only as long as staff need it, then purged on a schedule.

import type { Store } from '../store/database';
import type { Logger } from '../core/logger';

const DAY = 24 * 60 * 60_000;

export interface RetentionOptions {
  store: Store;
  logger: Logger;
  transcriptDays: number;
  /** Messages never delivered (held, pending) are dropped after this many days: stale, and they hold bot text and a channel id. */
  undeliveredDays?: number;
  now?: () => number;
}

export interface PurgeReport {
  transcript: number;
  outbox: number;
  dedupeKeys: number;
  tokens: number;
}

/** Purges old transcripts, delivered, failed and stale undelivered messages, dedupe keys and spent links; `start` runs it hourly. */
export function createRetention(options: RetentionOptions) {
  const { store, logger } = options;
  const now = options.now ?? Date.now;
  const undeliveredDays = options.undeliveredDays ?? 7;
  let timer: NodeJS.Timeout | undefined;

  async function purge(): Promise<PurgeReport> {
    const t = now();
    const count = (r: { numDeletedRows: bigint }[]) => Number(r[0]?.numDeletedRows ?? 0n);
    const report: PurgeReport = {
      transcript: count(await store.db.deleteFrom('transcript').where('at', '<', t - options.transcriptDays * DAY).execute()),
      // Delivered or given-up messages hold bot text and a channel id; a day is enough to diagnose delivery.
      outbox:
        count(await store.db.deleteFrom('outbox').where('status', 'in', ['sent', 'failed']).where('created_at', '<', t - DAY).execute()) +
        // A message waiting a week for a messaging window (or a retry) is no longer worth sending; one in flight is left alone.
        count(
          await store.db
            .deleteFrom('outbox')
            .where('status', 'in', ['held', 'pending'])
            .where('created_at', '<', t - undeliveredDays * DAY)
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', t)]))
            .execute(),
        ),
      // Platforms redeliver within hours; a week of keys covers every retry policy we know.
      dedupeKeys: count(await store.db.deleteFrom('processed_events').where('at', '<', t - 7 * DAY).execute()),
      tokens: count(await store.db.deleteFrom('handoff_tokens').where('expires_at', '<', t - DAY).execute()),
    };
    logger.info({ ...report }, 'retention purge');
    return report;
  }

  return {
    purge,
    start(intervalMs = 60 * 60_000) {
      timer = setInterval(() => void purge().catch((error: Error) => logger.error({ error: error.message }, 'retention purge failed')), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
