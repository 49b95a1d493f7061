// The timer worker: turns durable timers that fell due into engine events, surviving restarts.

import { CompiledQuery, sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Store } from '../store/database';
import type { Database, TimersTable } from '../store/schema';
import { plannedPerDialect } from '../store/fixed-sql';
import type { TimerName } from '../core/events';
import type { Engine } from './engine';
import type { Logger } from '../core/logger';
import { MAX_INTERRUPTIONS } from './outbox';

export interface TimerWorkerOptions {
  store: Store;
  engine: Engine;
  logger: Logger;
  now?: () => number;
  leaseMs?: number;
  batchSize?: number;
  /** Firings of one timer cut off (the process died, or the engine failed, before it was done) before it is given up. */
  maxInterruptions?: number;
}

/** Fires due timers; `start()` polls, `runOnce()` is for tests and the terminal chat. */
export interface TimerWorker {
  runOnce(): Promise<number>;
  /** Checks for due timers now (after a change that scheduled one soon). */
  wake(): void;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/**
 * Timers due by `?` and not leased at `?`, soonest first, at most `?`; while a person from the team
 * holds the conversation its timers wait for the hand-back. Planned at each execution on PostgreSQL:
 * prepared once per connection, the plan made while the table held a few timers read all of them
 * once it held many (300,000 timers, none due: 183 ms a poll, every second, against 0.04 ms planned fresh).
 */
const DUE = plannedPerDialect(
  `select "timers".* from "timers" inner join "conversations" on "conversations"."id" = "timers"."conversation_id"
    where "timers"."due_at" <= ? and ("timers"."lease_until" is null or "timers"."lease_until" < ?) and "conversations"."held_by" is null
    order by "timers"."due_at" limit ?`,
);

/** A timer as it fell due: rescheduled meanwhile (another due time), it is another timer. */
type TimerKey = Pick<Selectable<TimersTable>, 'conversation_id' | 'name' | 'due_at'>;

/** The row of `timer`, in a statement's where. */
const thisTimer =
  ({ conversation_id, name, due_at }: TimerKey) =>
  (eb: ExpressionBuilder<Database, 'timers'>) =>
    eb.and({ conversation_id, name, due_at });

/**
 * Creates the worker. A timer is claimed with a lease, so two instances never fire it twice; the
 * engine removes it in the event's transaction. A claim that takes a timer over from a lease that
 * ran out counts one interruption: the firing before it never finished (the process died, or the
 * engine failed). A timer whose firing ends the process every time would otherwise end it once a
 * lease, forever; after `maxInterruptions` (as many as the outbox allows a message) it is given up.
 */
export function createTimerWorker(options: TimerWorkerOptions): TimerWorker {
  const { store, engine, logger } = options;
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 100;
  const maxInterruptions = options.maxInterruptions ?? MAX_INTERRUPTIONS;
  let interval: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  let stopping = false;

  async function runOnce(): Promise<number> {
    const t = now();
    const due = (await store.db.executeQuery<Selectable<TimersTable>>(CompiledQuery.raw(DUE[store.dialect], [t, t, batchSize]))).rows;
    let fired = 0;
    for (const timer of due) {
      // Stopping: no new claims; the timers left are free for another instance at once.
      if (stopping) break;
      const claimed = await store.db
        .updateTable('timers')
        .set((eb) => ({ lease_until: t + leaseMs, interrupted: sql<number>`${eb.ref('interrupted')} + case when ${eb.ref('lease_until')} is null then 0 else 1 end` }))
        .where(thisTimer(timer))
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', t)]))
        .returning('interrupted')
        .executeTakeFirst();
      if (!claimed) continue;
      if (claimed.interrupted >= maxInterruptions) {
        logger.warn({ conversation: timer.conversation_id, timer: timer.name, interrupted: claimed.interrupted }, 'timer given up: its firing never finished');
        await store.db.deleteFrom('timers').where(thisTimer(timer)).execute();
        continue;
      }
      try {
        await engine.handle({
          type: 'timeout',
          conversationId: timer.conversation_id,
          name: timer.name as TimerName,
          dueAt: timer.due_at,
          dedupeKey: `timer:${timer.conversation_id}:${timer.name}:${timer.due_at}`,
          at: t,
        });
        fired++;
      } catch (error) {
        // The lease runs out and the timer is tried again; nothing was committed. While stopping it is given back now.
        if (stopping) await releaseTimer(timer).catch(() => {});
        logger.error({ conversation: timer.conversation_id, timer: timer.name, error: error instanceof Error ? error.message : String(error) }, 'timer failed');
      }
    }
    return fired;
  }

  function releaseTimer(timer: TimerKey) {
    return store.db.updateTable('timers').set({ lease_until: null }).where(thisTimer(timer)).execute();
  }

  function wake() {
    if (running || stopping) return;
    running = runOnce()
      .catch((error) => {
        // The database is away or a query failed: the timers stay due and the next pass tries again.
        logger.error({ error: error instanceof Error ? error.message : String(error) }, 'timer pass failed');
        return 0;
      })
      .finally(() => (running = null));
  }

  return {
    runOnce,
    wake,
    start(intervalMs = 1_000) {
      stopping = false;
      interval = setInterval(wake, intervalMs);
      interval.unref();
    },
    async stop() {
      stopping = true;
      if (interval) clearInterval(interval);
      await running;
    },
  };
}
