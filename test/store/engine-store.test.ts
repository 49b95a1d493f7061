// The engine's store port over each database: what the combined first statement of a message returns.

import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../../src/core/engine-store';
import { sql } from 'kysely';
import { kyselyEngineStore } from '../../src/store/engine-store';
import { eventually, freshStore } from '../helpers';

describe.each(['sqlite', 'postgres'] as const)('engine store on %s', (dialect) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('claims a key and finds the conversation in one go, with the same record a plain read gives', async () => {
    const opened = await freshStore(dialect);
    cleanup = opened.cleanup;
    const port = kyselyEngineStore(opened.store);
    const row: ConversationRecord = {
      id: 'c1', channel: 'telegram', user_id: 'u1', locale: 'th', snapshot: '{"value":"x"}', flow_version: 3, step: 'role',
      urgent: 1, under13: 0, sextortion: 1, human: 0, unreachable: 0, held_by: null, status: 'open',
      last_inbound_at: 1_760_000_000_123, created_at: 1_760_000_000_000, updated_at: 1_760_000_000_456,
    };
    await port.transaction((tx) => tx.createConversation(row));

    const plain = await port.transaction((tx) => tx.conversationByUser('telegram', 'u1'));
    const first = await port.transaction((tx) => tx.claimAndFind('k1', 1, 'telegram', 'u1'));
    expect(first.fresh).toBe(true);
    // Every column with its own type: numbers stay numbers (bigint included), nulls stay null.
    expect(first.conversation).toStrictEqual(plain);
    expect(first.conversation).toMatchObject(row);

    // A key seen before: nothing to do.
    expect(await port.transaction((tx) => tx.claimAndFind('k1', 2, 'telegram', 'u1'))).toEqual({ fresh: false, conversation: undefined });
    // A new person: the key is taken, no conversation yet.
    expect(await port.transaction((tx) => tx.claimAndFind('k2', 3, 'telegram', 'someone new'))).toEqual({ fresh: true, conversation: undefined });
    expect(await port.transaction((tx) => tx.claimKey('k2', 4))).toBe(false);
  });

  it('makes a new person’s conversation from the row it is given, typed as a plain read, and only for a new key and a new person', async () => {
    const opened = await freshStore(dialect);
    cleanup = opened.cleanup;
    const port = kyselyEngineStore(opened.store);
    const row = (id: string, userId: string): ConversationRecord => ({
      id, channel: 'line', user_id: userId, locale: null, snapshot: '{"value":"welcome","context":{"note":"ไทย \\"quoted\\""}}', flow_version: 3, step: 'new',
      urgent: 0, under13: 0, sextortion: 0, human: 0, unreachable: 0, held_by: null, status: 'open',
      last_inbound_at: 1_760_000_000_123, created_at: 1_760_000_000_123, updated_at: 1_760_000_000_123,
    });
    let asked = 0;
    const make = (id: string, userId: string) => () => {
      asked++;
      return row(id, userId);
    };

    const first = await port.transaction((tx) => tx.claimAndFind('k1', 1, 'line', 'u1', make('c1', 'u1')));
    expect(first.fresh).toBe(true);
    const plain = await port.transaction((tx) => tx.conversationByUser('line', 'u1'));
    expect(plain).toMatchObject(row('c1', 'u1'));
    expect(first.conversation).toStrictEqual(plain);

    // The person has one now: it is found, and the row offered is not used.
    const again = await port.transaction((tx) => tx.claimAndFind('k2', 2, 'line', 'u1', make('c2', 'u1')));
    expect(again.conversation?.id).toBe('c1');
    // A key seen before makes nothing, even for someone new.
    expect(await port.transaction((tx) => tx.claimAndFind('k1', 3, 'line', 'u2', make('c3', 'u2')))).toEqual({ fresh: false, conversation: undefined });
    expect(await port.transaction((tx) => tx.conversationByUser('line', 'u2'))).toBeUndefined();
    expect(await port.transaction((tx) => tx.conversationById('c2'))).toBeUndefined();
    // SQLite asks for the row only when it needs it; PostgreSQL sends it with the statement.
    expect(asked).toBe(dialect === 'sqlite' ? 1 : 3);
  });

});

describe('engine store on postgres, two transactions at once', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it('gives way when two first messages of one person race: the later one finds the earlier one’s conversation', async () => {
    const opened = await freshStore('postgres');
    cleanup = opened.cleanup;
    const port = kyselyEngineStore(opened.store);
    const row = (id: string): ConversationRecord => ({
      id, channel: 'line', user_id: 'u9', locale: 'th', snapshot: '{}', flow_version: 3, step: 'new',
      urgent: 0, under13: 0, sextortion: 0, human: 0, unreachable: 0, held_by: null, status: 'open',
      last_inbound_at: 1, created_at: 1, updated_at: 1,
    });
    let inserted!: () => void;
    const aInserted = new Promise<void>((resolve) => (inserted = resolve));
    let commitA!: () => void;
    const aMayCommit = new Promise<void>((resolve) => (commitA = resolve));
    const a = port.transaction(async (tx) => {
      const found = await tx.claimAndFind('ka', 1, 'line', 'u9', () => row('ca'));
      inserted();
      await aMayCommit;
      return found.conversation;
    });
    await aInserted;
    // B's statement waits on A's uncommitted row, then inserts nothing: it is left to the careful create.
    const b = port.transaction(async (tx) => {
      const found = await tx.claimAndFind('kb', 2, 'line', 'u9', () => row('cb'));
      return { inStatement: found.conversation, created: found.conversation ?? (await tx.createConversation(row('cb'))) };
    });
    // A commits only once B's statement is seen waiting on it.
    await eventually(async () => {
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%json_populate_record%'`.execute(opened.store.db);
      return waiting.rows[0]!.n > 0;
    }, 10_000, 'the second statement to wait on the first');
    commitA();
    expect((await a)?.id).toBe('ca');
    const { inStatement, created } = await b;
    expect(inStatement).toBeUndefined();
    expect(created.id).toBe('ca');
    expect(await opened.store.db.selectFrom('conversations').select('id').execute()).toEqual([{ id: 'ca' }]);
  });
});

