// The engine's store port over Kysely, for SQLite and PostgreSQL: the same statements every event, reused.

import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseSummary, EngineStore, EngineTx, EventWrites } from '../core/engine-store';
import type { Database } from './schema';
import type { Dialect, Store } from './database';
import { FEEDBACK, setCaseStatus, takeNews } from '../engine/cases';
import { FlowError } from '../core/errors';
import { participatingPlatforms } from '../engine/partners';
import { parseHours } from '../core/hours';

type Tx = Transaction<Database> | Kysely<Database>;

/** Dedupe keys are stored hashed: some platforms' keys embed the person's id, and erasure must leave nothing of them. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** The engine's port over a store. On SQLite statements are prepared once and reused (see database.ts). */
export function kyselyEngineStore(store: Store): EngineStore {
  return {
    singleWriter: store.dialect === 'sqlite',
    transaction: (work) => store.db.transaction().execute((tx) => work(engineTx(tx, store.dialect))),
  };
}

/** The engine's view of a transaction a caller opened (a submission, a staff action). */
export function engineTx(tx: Tx, dialect: Dialect): EngineTx {
  const isPg = dialect === 'postgres';
  let savepoints = 0;

  const byUser = (channel: string, userId: string) =>
    tx.selectFrom('conversations').selectAll().where('channel', '=', channel).where('user_id', '=', userId).$if(isPg, (q) => q.forUpdate()).executeTakeFirst();

  return {
    async claimKey(key, at) {
      const inserted = await tx
        .insertInto('processed_events')
        .values({ key: hashKey(key), at })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .execute();
      return inserted.length > 0;
    },
    async heldBy(id) {
      const row = await tx.selectFrom('conversations').select('held_by').where('id', '=', id).$if(isPg, (q) => q.forUpdate()).executeTakeFirst();
      return row ? row.held_by : undefined;
    },
    conversationById: (id) => tx.selectFrom('conversations').selectAll().where('id', '=', id).$if(isPg, (q) => q.forUpdate()).executeTakeFirst(),
    conversationByUser: byUser,
    async openingHours() {
      const row = await tx.selectFrom('helpline_settings').select('value').where('key', '=', 'hours').executeTakeFirst();
      if (!row) return null;
      try {
        const value: unknown = JSON.parse(row.value);
        return value === null ? null : parseHours(value);
      } catch {
        // A hand-edited row that no longer parses: open, rather than telling people the team is away.
        return null;
      }
    },
    async createConversation(row) {
      // Two first messages racing on PostgreSQL: the loser finds the winner's row after the conflict.
      const [inserted] = await tx.insertInto('conversations').values(row).onConflict((oc) => oc.columns(['channel', 'user_id']).doNothing()).returningAll().execute();
      if (inserted) return inserted;
      const created = await byUser(row.channel, row.user_id);
      if (!created) throw new FlowError('conversation vanished while being created');
      return created;
    },
    async scheduleTimer(id, name, dueAt) {
      await tx
        .insertInto('timers')
        .values({ conversation_id: id, name, due_at: dueAt, lease_until: null })
        .onConflict((oc) => oc.columns(['conversation_id', 'name']).doUpdateSet({ due_at: dueAt, lease_until: null }))
        .execute();
    },
    async cancelTimer(id, name) {
      await tx.deleteFrom('timers').where('conversation_id', '=', id).where('name', '=', name).execute();
    },
    async removeDueTimer(id, name, dueAt) {
      await tx.deleteFrom('timers').where('conversation_id', '=', id).where('name', '=', name).where('due_at', '=', dueAt).execute();
    },
    async releaseTimer(id, name, dueAt) {
      await tx.updateTable('timers').set({ lease_until: null }).where('conversation_id', '=', id).where('name', '=', name).where('due_at', '=', dueAt).execute();
    },
    async dropUndelivered(id) {
      await tx.updateTable('outbox').set({ status: 'failed', last_error: 'person left' }).where('conversation_id', '=', id).where('status', 'in', ['pending', 'held']).execute();
    },
    async releaseHeld(id) {
      await tx.updateTable('outbox').set({ status: 'pending', next_attempt_at: 0 }).where('conversation_id', '=', id).where('status', '=', 'held').execute();
    },
    async casesWithFeedback(id) {
      const rows = await tx
        .selectFrom('cases as c')
        .leftJoin('case_events as e', (join) => join.onRef('e.case_id', '=', 'c.id').on('e.status', 'in', [...FEEDBACK]))
        .leftJoin('partners as p', 'p.id', 'e.partner_id')
        .select((eb) => ['c.id', 'c.case_number', 'c.status', 'c.created_at', 'e.status as feedback', 'e.at as feedback_at', eb.fn.coalesce('p.display_name', 'p.name', 'e.note').as('platform')])
        .where('c.conversation_id', '=', id)
        .orderBy('c.created_at', 'desc')
        .orderBy('c.case_number', 'desc')
        .orderBy('e.id')
        .execute();
      const cases = new Map<string, CaseSummary & { latest: Map<string, { platform: string; status: string; at: number }> }>();
      for (const row of rows) {
        let summary = cases.get(row.id);
        if (!summary) {
          summary = { caseNumber: row.case_number, status: row.status, createdAt: row.created_at, feedback: [], latest: new Map() };
          cases.set(row.id, summary);
        }
        // The latest report of each platform, in the order platforms first reported.
        if (row.platform && row.feedback && row.feedback_at !== null) summary.latest.set(row.platform, { platform: row.platform, status: row.feedback, at: row.feedback_at });
      }
      return [...cases.values()].map(({ latest, ...summary }) => ({ ...summary, feedback: [...latest.values()] }));
    },
    async withdrawCase(id, caseNumber, at) {
      const found = await tx.selectFrom('cases').select('id').where('case_number', '=', caseNumber).where('conversation_id', '=', id).executeTakeFirst();
      if (found) await setCaseStatus(tx, dialect, found.id, 'withdrawn', at, 'person');
    },
    takeNews: (id) => takeNews(tx, id),
    participatingPlatforms: () => participatingPlatforms(tx),
    async erase(id, at) {
      await tx.updateTable('cases').set({ conversation_id: null, updated_at: at }).where('conversation_id', '=', id).execute();
      for (const table of ['transcript', 'outbox', 'timers', 'handoff_tokens'] as const) {
        await tx.deleteFrom(table).where('conversation_id', '=', id).execute();
      }
      await tx.deleteFrom('conversations').where('id', '=', id).execute();
    },
    async write(writes: EventWrites) {
      if (writes.transcript.length > 0) await tx.insertInto('transcript').values(writes.transcript).execute();
      if (writes.outbox.length > 0) {
        await tx
          .insertInto('outbox')
          // Due at once, whatever the clock of the instance that delivers it says.
          .values(writes.outbox.map((m) => ({ ...m, status: 'pending', attempts: 0, next_attempt_at: 0, lease_until: null, last_error: null, sent_at: null })))
          .execute();
      }
      if (writes.conversation) await tx.updateTable('conversations').set(writes.conversation.changes).where('id', '=', writes.conversation.id).execute();
    },
    async savepoint(work) {
      const name = sql.raw(`sp${savepoints++}`);
      await sql`savepoint ${name}`.execute(tx);
      try {
        const result = await work();
        await sql`release savepoint ${name}`.execute(tx);
        return result;
      } catch (error) {
        await sql`rollback to savepoint ${name}`.execute(tx);
        throw error;
      }
    },
  };
}

/** The engine's port for a store given either way. */
export function toEngineStore(store: EngineStore | Store): EngineStore {
  return 'db' in store ? kyselyEngineStore(store) : store;
}
