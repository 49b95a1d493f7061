// Demo conversations (try the bot): how staff tell them from real ones, how many are live, and their removal once idle.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';

type Tx = Transaction<Database> | Kysely<Database>;

export { isDemo, TRY_USER_PREFIX } from '../core/demo';
import { TRY_USER_PREFIX } from '../core/demo';

/** Demo conversation ids this process has seen, newest last: a removed conversation can no longer be read to tell. */
const knownDemos = new Set<string>();
const KNOWN_DEMOS_MAX = 10_000;

/** Notes that a conversation is a demo, so its removal is told only to those who watch demo conversations. */
export function rememberDemo(conversationId: string): void {
  knownDemos.delete(conversationId);
  knownDemos.add(conversationId);
  if (knownDemos.size > KNOWN_DEMOS_MAX) knownDemos.delete(knownDemos.values().next().value!);
}

/** True for a conversation this process knew as a demo (erased or purged since). */
export function wasDemo(conversationId: string): boolean {
  return knownDemos.has(conversationId);
}

/** Open demo conversations that moved since `since`: the ones that count against the cap. */
export async function countLiveDemos(db: Tx, since: number): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('channel', '=', 'console')
    .where('user_id', 'like', `${TRY_USER_PREFIX}%`)
    .where('status', '=', 'open')
    .where('updated_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Removes demo conversations idle for `idleMs` or more, as the engine erases a person: transcript, messages,
 * timers and links go; a case made in the demo stays, anonymous. Resolves with the ids removed (at most `limit`).
 */
export async function purgeDemos(db: Kysely<Database>, now: number, idleMs: number, limit = 500): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('conversations')
      .select('id')
      .where('channel', '=', 'console')
      .where('user_id', 'like', `${TRY_USER_PREFIX}%`)
      .where('updated_at', '<', now - idleMs)
      .limit(limit)
      .execute();
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return ids;
    for (const id of ids) rememberDemo(id);
    await tx.updateTable('cases').set({ conversation_id: null, updated_at: now }).where('conversation_id', 'in', ids).execute();
    for (const table of ['transcript', 'outbox', 'timers', 'handoff_tokens'] as const) {
      await tx.deleteFrom(table).where('conversation_id', 'in', ids).execute();
    }
    await tx.deleteFrom('conversations').where('id', 'in', ids).execute();
    return ids;
  });
}
