// The engine's store port over each database: what the combined first statement of a message returns.

import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../../src/core/engine-store';
import { kyselyEngineStore } from '../../src/store/engine-store';
import { freshStore } from '../helpers';

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
});
