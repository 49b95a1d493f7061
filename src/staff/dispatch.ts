// Who answers: waiting conversations offered oldest-urgent-first to available staff within their capacity, and waits that run too long raised again.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Changes } from '../core/changes';
import type { Logger } from '../core/logger';
import type { Store } from '../store/database';
import type { Database } from '../store/schema';
import { TRY_USER_PREFIX } from './demo';
import { readSettings } from './settings';

type Tx = Transaction<Database> | Kysely<Database>;

/** "RCLM" and 2: one lock per schema's dispatch, so two instances never offer one conversation twice. */
const DISPATCH_LOCK: [number, number] = [0x52434c4d, 2];

export interface DispatcherOptions {
  store: Store;
  changes: Changes;
  logger: Logger;
  now?: () => number;
  /** The transcript's retention default, for the waiting threshold's defaults. */
  transcriptDays?: number;
}

/** What one round did: conversations offered (id → staff id) and conversations whose alert was raised again. */
export interface DispatchRound {
  offered: Record<string, string>;
  realerted: string[];
}

export interface Dispatcher {
  /** One round now. */
  run(): Promise<DispatchRound>;
  /** Rounds after every change (debounced) and every `intervalMs`, for waits that grow with no change at all. */
  start(intervalMs?: number): void;
  stop(): void;
}

/** Waiting for a person: open, nobody holds it, and it asked for one or danger raised the flag. Demo chats never wait. */
function waitingQuery(db: Tx) {
  return db
    .selectFrom('conversations')
    .where('status', '=', 'open')
    .where('held_by', 'is', null)
    .where((eb) => eb.or([eb('human', '=', 1), eb('urgent', '=', 1)]))
    .where((eb) => eb.or([eb('channel', '!=', 'console'), eb('user_id', 'not like', `${TRY_USER_PREFIX}%`)]));
}

/**
 * Offers and alerts. An offer goes to the available person with the fewest conversations (held plus offered)
 * below their capacity; ties go to whoever was offered one longest ago. An offer to someone who went away or
 * was disabled is taken back and offered again. Everything stays in the queue for anyone to take meanwhile:
 * when all are busy nothing is lost, it waits, and its alert is raised again every threshold.
 */
export async function dispatchOnce(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', at: number): Promise<DispatchRound> {
  return db.transaction().execute(async (tx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${DISPATCH_LOCK[0]}, ${DISPATCH_LOCK[1]})`.execute(tx);
    const settings = await readSettings(tx);
    const round: DispatchRound = { offered: {}, realerted: [] };
    const staff = await tx.selectFrom('staff_accounts').select(['id', 'capacity', 'available', 'disabled']).execute();
    const present = new Map(staff.filter((s) => s.available === 1 && s.disabled === 0).map((s) => [s.id, s]));
    const waiting = await waitingQuery(tx)
      .select(['id', 'assigned_to', 'urgent', 'last_inbound_at', 'created_at', 'alerted_at'])
      .orderBy('urgent', 'desc')
      .orderBy((eb) => eb.fn.coalesce('last_inbound_at', 'created_at'), 'asc')
      .orderBy('id')
      .execute();
    const loads = await tx
      .selectFrom('conversations')
      .select((eb) => [eb.fn.coalesce('held_by', 'assigned_to').as('staff_id'), sql<number>`count(*)`.as('n'), eb.fn.max('assigned_at').as('last')])
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('held_by', 'is not', null), eb('assigned_to', 'is not', null)]))
      .groupBy((eb) => eb.fn.coalesce('held_by', 'assigned_to'))
      .execute();
    const load = new Map<string, { n: number; last: number }>();
    for (const row of loads) if (row.staff_id) load.set(row.staff_id, { n: Number(row.n), last: Number(row.last ?? 0) });

    for (const row of waiting) {
      if (row.assigned_to && present.has(row.assigned_to)) continue;
      if (row.assigned_to) {
        const before = load.get(row.assigned_to);
        if (before) before.n--;
      }
      const candidates = [...present.values()]
        .map((s) => ({ id: s.id, capacity: s.capacity, ...(load.get(s.id) ?? { n: 0, last: 0 }) }))
        .filter((s) => s.n < s.capacity)
        .sort((a, b) => a.n - b.n || a.last - b.last || a.id.localeCompare(b.id));
      const chosen = candidates[0];
      const to = chosen?.id ?? null;
      if (to === row.assigned_to) continue;
      // Someone may have taken it since it was read: a held conversation is offered to nobody.
      await tx.updateTable('conversations').set({ assigned_to: to, assigned_at: to ? at : null }).where('id', '=', row.id).where('held_by', 'is', null).execute();
      if (to) {
        load.set(to, { n: (load.get(to)?.n ?? 0) + 1, last: at });
        round.offered[row.id] = to;
        await tx.insertInto('transcript').values({ conversation_id: row.id, direction: 'event', text: `offered to ${to}`, at }).execute();
      }
    }

    const threshold = settings.waiting.alertAfterMinutes * 60_000;
    for (const row of waiting) {
      const since = row.alerted_at ?? row.last_inbound_at ?? row.created_at;
      if (at - since < threshold) continue;
      await tx.updateTable('conversations').set({ alerted_at: at }).where('id', '=', row.id).execute();
      round.realerted.push(row.id);
    }
    return round;
  });
}

/** Creates the dispatcher over a store and the change bus; it publishes every conversation it touched. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  /** Rounds run one after another: a caller always gets a round that began after its call. */
  let last: Promise<unknown> = Promise.resolve();
  const mine = new Set<string>();

  function run(): Promise<DispatchRound> {
    const round = last.catch(() => {}).then(async () => {
      const done = await dispatchOnce(options.store.db, options.store.dialect, now());
      for (const id of new Set([...Object.keys(done.offered), ...done.realerted])) {
        // A notice of our own would only wake us again for nothing.
        mine.add(id);
        options.changes.publish(id);
      }
      return done;
    });
    last = round;
    return round;
  }

  function schedule() {
    if (soon || !unsubscribe) return;
    soon = setTimeout(() => {
      soon = undefined;
      void run().catch((error: Error) => options.logger.warn({ error: error.message }, 'dispatch round failed'));
    }, 25);
    soon.unref();
  }

  return {
    run,
    start(intervalMs = 30_000) {
      unsubscribe = options.changes.subscribe((id) => {
        if (mine.delete(id)) return;
        schedule();
      });
      timer = setInterval(schedule, intervalMs);
      timer.unref();
      schedule();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = undefined;
      clearInterval(timer);
      clearTimeout(soon);
    },
  };
}
