// The engine's store port over Kysely, for SQLite and PostgreSQL: the same statements every event, reused.

import { hash } from 'node:crypto';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { CaseSummary, ConversationRecord, EngineStore, EngineTx, EventWrites } from '../core/engine-store';
import type { Database } from './schema';
import type { Dialect, Store } from './database';
import { numbered, placeholders } from './fixed-sql';
import { FEEDBACK, setCaseStatus, takeNews } from '../engine/cases';
import { FlowError } from '../core/errors';
import { PARTICIPATING, platformNames } from '../engine/partners';
import { parseHours } from '../core/hours';

type Tx = Transaction<Database> | Kysely<Database>;

/** Dedupe keys are stored hashed: some platforms' keys embed the person's id, and erasure must leave nothing of them. */
export function hashKey(key: string): string {
  return hash('sha256', key, 'base64url');
}

/** The engine's port over a store. On SQLite statements are prepared once and reused (see database.ts). */
export function kyselyEngineStore(store: Store): EngineStore {
  return {
    singleWriter: store.dialect === 'sqlite',
    transaction: (work) => store.db.transaction().execute((tx) => work(engineTx(tx, store))),
  };
}

/**
 * The statements every event runs, written once per dialect. Building and compiling them with
 * Kysely cost more than running them; as fixed text, SQLite reuses one prepared statement for
 * each (see database.ts). Statements whose shape depends on the event (rows inserted, columns
 * changed) are kept per shape.
 */
class EngineStatements {
  private readonly shapes = new Map<string, string>();

  constructor(private readonly dialect: Dialect) {}

  /**
   * The text for `?` placeholders, numbered for PostgreSQL; made once per key by `make(arg)`. On
   * a hot path `make` is a module-level function given its argument, so no closure is made per call.
   */
  get<A = undefined>(key: string, make: (arg: A) => string, arg?: A): string {
    let text = this.shapes.get(key);
    if (text === undefined) {
      text = make(arg as A);
      if (this.dialect === 'postgres') text = numbered(text);
      // Shapes are few (rows per event, sets of changed columns); the bound only guards against surprises.
      if (this.shapes.size > 500) this.shapes.clear();
      this.shapes.set(key, text);
    }
    return text;
  }

  /** `for update` on PostgreSQL: the conversation is locked for the event; SQLite's single writer needs none. */
  get lock(): string {
    return this.dialect === 'postgres' ? ' for update' : '';
  }
}

const STATEMENTS: Record<Dialect, EngineStatements> = { sqlite: new EngineStatements('sqlite'), postgres: new EngineStatements('postgres') };

const quote = (column: string) => `"${column.replaceAll('"', '""')}"`;

/** A row's columns that have a value: those left undefined are left out, as an insert of the object would. */
const definedColumns = (row: ConversationRecord): string[] => Object.keys(row).filter((column) => row[column as keyof ConversationRecord] !== undefined);

/** A multi-row insert of `rows` objects that all have `columns`. */
function insertRows(table: string, columns: readonly string[], rows: number): string {
  return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array.from({ length: rows }, () => `(${placeholders(columns.length)})`).join(', ')}`;
}

const TRANSCRIPT_COLUMNS = ['conversation_id', 'direction', 'text', 'at', 'marker'] as const;
const OUTBOX_COLUMNS = [
  'conversation_id', 'channel', 'user_id', 'message', 'reply_token', 'reply_expires_at', 'created_at',
  'status', 'attempts', 'next_attempt_at', 'lease_until', 'last_error', 'sent_at',
] as const;

const CLAIM_KEY = 'insert into "processed_events" ("key", "at") values (?, ?) on conflict ("key") do nothing returning "key"';

/** Sets a timer (`conversation_id, name, due_at, lease_until`, then `due_at, lease_until` again on conflict: a new timer, never cut off). */
const SCHEDULE_TIMER =
  'insert into "timers" ("conversation_id", "name", "due_at", "lease_until") values (?, ?, ?, ?) on conflict ("conversation_id", "name") do update set "due_at" = ?, "lease_until" = ?, "interrupted" = 0';
const CANCEL_TIMER = 'delete from "timers" where "conversation_id" = ? and "name" = ?';

/** Inserted rows' ids, in the order the rows were written (ids rise with it). */
const sortedIds = (rows: { id: number }[]) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);

/** One statement of an event's writes: its shape's key, the maker of its text for that shape, and its values. */
interface WritePart {
  key: string;
  make: (part: WritePart) => string;
  /** Rows, for the inserts. */
  count: number;
  values: unknown[];
}

const transcriptInsert = (part: WritePart) => insertRows('transcript', TRANSCRIPT_COLUMNS, part.count);
const outboxInsert = (part: WritePart) => insertRows('outbox', OUTBOX_COLUMNS, part.count);
const leasedOutboxInsert = (part: WritePart) => `${outboxInsert(part)} returning "id"`;
const cancelTimer = () => CANCEL_TIMER;
const scheduleTimer = () => SCHEDULE_TIMER;
/** `update conversations` of the columns the key names after `update:`. */
const conversationUpdate = (part: WritePart) => `update "conversations" set ${part.key.slice('update:'.length).split(',').map((c) => `${quote(c)} = ?`).join(', ')} where "id" = ?`;

/** Whether the conversation `id` (an SQL expression) has a message waiting: to be sent, or held (the partial index of blocking rows, migration 013). */
const waitingOf = (id: string) => `exists (select 1 from "outbox" where "conversation_id" = ${id} and "status" in ('pending', 'held'))`;
const HAS_WAITING = `select ${waitingOf('?')} as "waiting"`;

/** The engine's view of a transaction a caller opened (a submission, a staff action). */
export function engineTx(tx: Tx, store: Pick<Store, 'dialect' | 'direct'>): EngineTx {
  const { dialect } = store;
  const statements = STATEMENTS[dialect];
  let savepoints = 0;
  /**
   * Conversations whose waiting messages were read with them, locked (PostgreSQL `claimAndFind`),
   * or made in this transaction (none waiting). Only this transaction writes to their outbox from
   * then on, and it drops the entry when it does.
   */
  const waitingKnown = new Map<string, boolean>();

  // Inside a transaction on SQLite the connection is already ours: its fixed statements go straight to it.
  const direct = tx.isTransaction ? store.direct : undefined;
  const query = direct
    ? async <R>(text: string, parameters: unknown[]): Promise<R[]> => direct(text, parameters) as R[]
    : async <R>(text: string, parameters: unknown[]): Promise<R[]> => (await tx.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows;

  // Statements every event runs, looked up once per transaction.
  const byUserText = statements.get('byUser', () => `select * from "conversations" where "channel" = ? and "user_id" = ?${statements.lock}`);
  const claimKeyText = statements.get('claimKey', () => CLAIM_KEY);
  const hasWaitingText = statements.get('hasWaiting', () => HAS_WAITING);

  const byUser = async (channel: string, userId: string) => (await query<ConversationRecord>(byUserText, [channel, userId]))[0];

  const claimKey = async (key: string, at: number) => (await query(claimKeyText, [hashKey(key), at])).length > 0;

  /** Creates the conversation, or returns the one a racing first message created. */
  const create = async (row: ConversationRecord): Promise<ConversationRecord> => {
    const columns = definedColumns(row);
    const text = statements.get(`create:${columns.join(',')}`, () => `${insertRows('conversations', columns, 1)} on conflict ("channel", "user_id") do nothing returning *`);
    // Two first messages racing on PostgreSQL: the loser finds the winner's row after the conflict.
    const [inserted] = await query<ConversationRecord>(text, columns.map((column) => row[column as keyof ConversationRecord]));
    if (inserted) {
      // Made just now under a fresh id: nothing of it can be waiting in the outbox.
      waitingKnown.set(inserted.id, false);
      return inserted;
    }
    const created = await byUser(row.channel, row.user_id);
    if (!created) throw new FlowError('conversation vanished while being created');
    return created;
  };

  return {
    claimKey,
    async claimAndFind(key, at, channel, userId, newRow) {
      if (dialect === 'sqlite') {
        // Each statement is a call into the library here: nothing to gain by joining them.
        if (!(await claimKey(key, at))) return { fresh: false, conversation: undefined };
        const found = await byUser(channel, userId);
        return { fresh: true, conversation: found ?? (newRow ? await create(newRow()) : undefined) };
      }
      // One round trip: the key's insert runs as a data-modifying part, the conversation is locked
      // as it is read (a seen key locks it too, for the moment its transaction lasts) and comes back
      // whole as JSON. A new person's conversation is inserted in the same statement, from the row
      // as one JSON value (typed by the table's own columns); a racing first message's row makes
      // the insert do nothing, and the caller creates it the careful way.
      const row = newRow?.();
      const columns = row ? definedColumns(row) : [];
      const text = statements.get(`claimAndFind:${columns.join(',')}`, () => {
        const insert = row
          ? `, n as (insert into "conversations" (${columns.map(quote).join(', ')}) select ${columns.map((column) => `r.${quote(column)}`).join(', ')} ` +
            `from json_populate_record(null::"conversations", ?::json) as r where exists (select 1 from k) and not exists (select 1 from c) ` +
            `on conflict ("channel", "user_id") do nothing returning *)`
          : '';
        const conversation = row ? `coalesce((select row_to_json(c) from c), (select row_to_json(n) from n))` : `(select row_to_json(c) from c)`;
        // Whether messages of theirs are waiting comes along (none for a conversation made here).
        const waiting = `coalesce((select ${waitingOf('c."id"')} from c), false)`;
        return `with k as (${CLAIM_KEY}), c as (select * from "conversations" where "channel" = ? and "user_id" = ? for update)${insert} ` +
          `select exists (select 1 from k) as "fresh", ${conversation} as "conversation", ${waiting} as "waiting"`;
      });
      const parameters = [hashKey(key), at, channel, userId, ...(row ? [JSON.stringify(row)] : [])];
      const [found] = await query<{ fresh: boolean; conversation: ConversationRecord | null; waiting: boolean }>(text, parameters);
      if (!found!.fresh) return { fresh: false, conversation: undefined };
      if (found!.conversation) waitingKnown.set(found!.conversation.id, found!.waiting);
      return { fresh: true, conversation: found!.conversation ?? undefined };
    },
    async heldBy(id) {
      const text = statements.get('heldBy', () => `select "held_by" from "conversations" where "id" = ?${statements.lock}`);
      const [row] = await query<{ held_by: string | null }>(text, [id]);
      return row ? row.held_by : undefined;
    },
    async conversationById(id) {
      const text = statements.get('byId', () => `select * from "conversations" where "id" = ?${statements.lock}`);
      return (await query<ConversationRecord>(text, [id]))[0];
    },
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
    createConversation: create,
    async scheduleTimer(id, name, dueAt) {
      await query(statements.get('scheduleTimer', () => SCHEDULE_TIMER), [id, name, dueAt, null, dueAt, null]);
    },
    async cancelTimer(id, name) {
      await query(statements.get('cancelTimer', () => CANCEL_TIMER), [id, name]);
    },
    async removeDueTimer(id, name, dueAt) {
      await query(statements.get('removeDueTimer', () => 'delete from "timers" where "conversation_id" = ? and "name" = ? and "due_at" = ?'), [id, name, dueAt]);
    },
    async releaseTimer(id, name, dueAt) {
      const text = statements.get('releaseTimer', () => 'update "timers" set "lease_until" = ? where "conversation_id" = ? and "name" = ? and "due_at" = ?');
      await query(text, [null, id, name, dueAt]);
    },
    async hasWaiting(id) {
      const known = waitingKnown.get(id);
      if (known !== undefined) return known;
      const [row] = await query<{ waiting: boolean | number }>(hasWaitingText, [id]);
      return Boolean(row?.waiting);
    },
    async dropUndelivered(id) {
      waitingKnown.delete(id);
      await tx.updateTable('outbox').set({ status: 'failed', last_error: 'person left' }).where('conversation_id', '=', id).where('status', 'in', ['pending', 'held']).execute();
    },
    async releaseHeld(id) {
      waitingKnown.delete(id);
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
    participatingPlatforms: async () => platformNames(await query(statements.get('participating', () => PARTICIPATING), [])),
    async erase(id, at) {
      waitingKnown.delete(id);
      await tx.updateTable('cases').set({ conversation_id: null, updated_at: at }).where('conversation_id', '=', id).execute();
      for (const table of ['transcript', 'outbox', 'timers', 'handoff_tokens'] as const) {
        await tx.deleteFrom(table).where('conversation_id', '=', id).execute();
      }
      await tx.deleteFrom('conversations').where('id', '=', id).execute();
    },
    async write(writes: EventWrites) {
      const { transcript, outbox, conversation, lease } = writes;
      for (const m of outbox) waitingKnown.delete(m.conversation_id);
      const leased = lease !== undefined && outbox.length > 0;
      // Parts built with plain loops and module-level text makers: this runs for every event.
      const parts: WritePart[] = [];
      if (transcript.length > 0) {
        const values: unknown[] = [];
        for (const line of transcript) values.push(line.conversation_id, line.direction, line.text, line.at, line.marker);
        parts.push({ key: `transcript:${transcript.length}`, make: transcriptInsert, count: transcript.length, values });
      }
      let outboxPart = -1;
      if (outbox.length > 0) {
        outboxPart = parts.length;
        const values: unknown[] = [];
        // Pending and due at once, whatever the clock of the instance that delivers it says.
        for (const m of outbox) values.push(m.conversation_id, m.channel, m.user_id, m.message, m.reply_token, m.reply_expires_at, m.created_at, 'pending', 0, 0, lease ?? null, null, null);
        parts.push({ key: `outbox:${outbox.length}${leased ? ':leased' : ''}`, make: leased ? leasedOutboxInsert : outboxInsert, count: outbox.length, values });
      }
      for (const timer of writes.timers ?? []) {
        parts.push(
          timer.dueAt === null
            ? { key: 'cancelTimer', make: cancelTimer, count: 1, values: [timer.conversationId, timer.name] }
            : { key: 'scheduleTimer', make: scheduleTimer, count: 1, values: [timer.conversationId, timer.name, timer.dueAt, null, timer.dueAt, null] },
        );
      }
      if (conversation) {
        // Changes left undefined are left alone, as an update with the object would.
        const values: unknown[] = [];
        let key = 'update:';
        for (const column in conversation.changes) {
          const value = conversation.changes[column as keyof typeof conversation.changes];
          if (value === undefined) continue;
          key += values.length === 0 ? column : `,${column}`;
          values.push(value);
        }
        if (values.length > 0) {
          values.push(conversation.id);
          parts.push({ key, make: conversationUpdate, count: 0, values });
        }
      }
      if (parts.length === 0) return [];
      if (dialect === 'sqlite' || parts.length === 1) {
        // SQLite: each statement is a call into the library, no round trip to save.
        let inserted: number[] = [];
        for (let i = 0; i < parts.length; i++) {
          const part = parts[i]!;
          const rows = await query<{ id: number }>(statements.get(part.key, part.make, part), part.values);
          if (leased && i === outboxPart) inserted = sortedIds(rows);
        }
        return inserted;
      }
      // PostgreSQL: one statement, one round trip. Data-modifying WITH parts run exactly once, whether
      // or not the main statement reads them; the placeholders are numbered in the order written.
      // Leased messages' ids come back from their part (ids rise in the order rows are inserted).
      const key = `write:${parts.map((p) => p.key).join('|')}`;
      if (leased) {
        const text = statements.get(key, () => `with ${parts.map((p, i) => `w${i} as (${p.make(p)})`).join(', ')} select "id" from w${outboxPart}`);
        return sortedIds(await query<{ id: number }>(text, parts.flatMap((p) => p.values)));
      }
      const main = parts[parts.length - 1]!;
      const rest = parts.slice(0, -1);
      const text = statements.get(key, () => `with ${rest.map((p, i) => `w${i} as (${p.make(p)})`).join(', ')} ${main.make(main)}`);
      await query(text, [...rest.flatMap((p) => p.values), ...main.values]);
      return [];
    },
    async savepoint(work) {
      const name = `sp${savepoints++}`;
      await query(`savepoint ${name}`, []);
      try {
        const result = await work();
        await query(`release savepoint ${name}`, []);
        return result;
      } catch (error) {
        await query(`rollback to savepoint ${name}`, []);
        throw error;
      }
    },
  };
}

/** The engine's port for a store given either way. */
export function toEngineStore(store: EngineStore | Store): EngineStore {
  return 'db' in store ? kyselyEngineStore(store) : store;
}
