// Handoff tokens: single-use links, 256 random bits, only their SHA-256 stored, valid for 60 minutes.

import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { LINK_TTL } from '../../flows/intake';

type Tx = Transaction<Database> | Kysely<Database>;

/** SHA-256 of a token, hex: what the store keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh token, base64url (43 characters, URL-fragment safe). */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Issues a link token for a conversation. Older unused links of the conversation stop working,
 * except those minted for the same outbox message (`outboxId`): a platform may have delivered an
 * earlier attempt that it answered late, so every link a retry leaves in the chat must keep
 * working, and using any one of them spends them all.
 */
export async function issueHandoffToken(tx: Tx, conversationId: string, now: number, outboxId: number | null = null): Promise<string> {
  const token = createToken();
  await tx
    .deleteFrom('handoff_tokens')
    .where('conversation_id', '=', conversationId)
    .where('used_at', 'is', null)
    .$if(outboxId !== null, (q) => q.where((w) => w.or([w('outbox_id', 'is', null), w('outbox_id', '!=', outboxId)])))
    .execute();
  await tx
    .insertInto('handoff_tokens')
    .values({ token_hash: hashToken(token), conversation_id: conversationId, outbox_id: outboxId, created_at: now, expires_at: now + LINK_TTL, used_at: null })
    .execute();
  return token;
}

/**
 * Spends a link: the token and every sibling minted for the same message, in one go. Resolves
 * false when the link was already used (through any sibling). `lock` (PostgreSQL) takes the rows
 * in one order, so two submissions racing with two siblings of one link cannot both win.
 */
export async function spendHandoffToken(tx: Tx, token: { token_hash: string; outbox_id: number | null }, now: number, lock = false): Promise<boolean> {
  const link = await tx
    .selectFrom('handoff_tokens')
    .select(['token_hash', 'used_at'])
    .$if(token.outbox_id === null, (q) => q.where('token_hash', '=', token.token_hash))
    .$if(token.outbox_id !== null, (q) => q.where('outbox_id', '=', token.outbox_id))
    .orderBy('token_hash')
    .$if(lock, (q) => q.forUpdate())
    .execute();
  if (!link.some((t) => t.token_hash === token.token_hash) || link.some((t) => t.used_at !== null)) return false;
  await tx.updateTable('handoff_tokens').set({ used_at: now }).where('token_hash', 'in', link.map((t) => t.token_hash)).execute();
  return true;
}

/** The handoff link of the contract: the token rides in the fragment, so it never reaches a server log or a Referer. */
export function handoffUrl(publicBaseUrl: string, token: string, locale: string | null): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/hash#t=${token}${locale ? `&l=${encodeURIComponent(locale)}` : ''}`;
}
