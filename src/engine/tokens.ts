// Handoff tokens: single-use, 256 random bits, only their SHA-256 stored, valid for 60 minutes.

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

/** Issues a link token for a conversation; older unused links of that conversation stop working. */
export async function issueHandoffToken(tx: Tx, conversationId: string, now: number): Promise<string> {
  const token = createToken();
  await tx.deleteFrom('handoff_tokens').where('conversation_id', '=', conversationId).where('used_at', 'is', null).execute();
  await tx
    .insertInto('handoff_tokens')
    .values({ token_hash: hashToken(token), conversation_id: conversationId, created_at: now, expires_at: now + LINK_TTL, used_at: null })
    .execute();
  return token;
}

/** The handoff link of the contract: the token rides in the fragment, so it never reaches a server log or a Referer. */
export function handoffUrl(publicBaseUrl: string, token: string, locale: string | null): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/hash#t=${token}${locale ? `&l=${encodeURIComponent(locale)}` : ''}`;
}
