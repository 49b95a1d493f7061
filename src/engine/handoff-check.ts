// Whether a handoff link still works, read without spending it: the hashing page asks before anyone picks a file.

import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { hashToken } from './tokens';

/** What a link is now. Only a submission spends it; looking never changes a row. */
export type HandoffLinkState = { state: 'valid'; expiresAt: number } | { state: 'unknown' } | { state: 'used' } | { state: 'expired' };

/** Looks the token up by its hash, with the same rules as a submission (used first, then expiry). */
export async function checkHandoffToken(db: Kysely<Database>, token: string, now: number): Promise<HandoffLinkState> {
  const row = await db
    .selectFrom('handoff_tokens')
    .select(['expires_at', 'used_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { state: 'unknown' };
  if (row.used_at !== null) return { state: 'used' };
  if (row.expires_at <= now) return { state: 'expired' };
  return { state: 'valid', expiresAt: Number(row.expires_at) };
}
