// Retention: what people wrote is kept only as long as staff need it, then purged on a schedule.

import { sql } from 'kysely';
import type { Store } from '../store/database';
import type { Logger } from '../core/logger';

const DAY = 24 * 60 * 60_000;

/** Days each kind of data is kept, as the helpline's admins set them. */
export interface RetentionDays {
  /** What the person, the bot and staff said, and what happened. */
  transcriptDays: number;
  /** Staff notes and supervisors' whispers. */
  notesDays: number;
  /** The staff audit log. */
  auditDays: number;
  /** A closed case (withdrawn or deleted) keeps naming its conversation this long after it closed. */
  closedCaseLinkDays: number;
}

export interface RetentionOptions {
  store: Store;
  logger: Logger;
  transcriptDays: number;
  /** The admins' settings, read before each purge; without it only `transcriptDays` applies (notes with it). */
  days?: () => Promise<RetentionDays>;
  /** Messages never delivered (held, pending) are dropped after this many days: stale, and they hold bot text and a channel id. */
  undeliveredDays?: number;
  now?: () => number;
}

export interface PurgeReport {
  transcript: number;
  notes: number;
  audit: number;
  caseLinks: number;
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
    const days = options.days ? await options.days() : undefined;
    const transcriptDays = days?.transcriptDays ?? options.transcriptDays;
    const notesDays = days?.notesDays ?? transcriptDays;
    const count = (r: { numDeletedRows: bigint }[]) => Number(r[0]?.numDeletedRows ?? 0n);
    const report: PurgeReport = {
      transcript: count(await store.db.deleteFrom('transcript').where('direction', 'not in', NOTES).where('at', '<', t - transcriptDays * DAY).execute()),
      notes: count(await store.db.deleteFrom('transcript').where('direction', 'in', NOTES).where('at', '<', t - notesDays * DAY).execute()),
      audit: days ? await purgeAudit(store, t - days.auditDays * DAY) : 0,
      caseLinks: days
        ? Number(
            (
              await store.db
                .updateTable('cases')
                .set({ conversation_id: null })
                .where('status', 'in', ['withdrawn', 'deleted'])
                .where('conversation_id', 'is not', null)
                .where('updated_at', '<', t - days.closedCaseLinkDays * DAY)
                .executeTakeFirst()
            ).numUpdatedRows,
          )
        : 0,
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

/** Lines staff wrote for each other, kept on their own clock. */
const NOTES = ['note', 'whisper'];

/**
 * The audit log is append-only: the database refuses every change. The purge alone may delete rows older than
 * its bound, and says so inside its own transaction only (PostgreSQL: a transaction-local setting the trigger
 * reads; SQLite: a row the trigger looks for, removed before the commit).
 */
async function purgeAudit(store: Store, before: number): Promise<number> {
  return store.db.transaction().execute(async (tx) => {
    if (store.dialect === 'postgres') await sql`select set_config('reclaim.audit_purge', 'on', true)`.execute(tx);
    else await tx.insertInto('audit_purge').values({ until: before }).execute();
    const deleted = await tx.deleteFrom('staff_audit').where('at', '<', before).executeTakeFirst();
    if (store.dialect !== 'postgres') await tx.deleteFrom('audit_purge').execute();
    return Number(deleted.numDeletedRows);
  });
}
