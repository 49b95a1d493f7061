// Partner platforms: API keys shown once and stored as hashes, and per-partner opaque hash ids.

import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PartnersTable } from '../store/schema';
import type { Selectable } from 'kysely';

export type Partner = Selectable<PartnersTable>;

const KEY_PREFIX = 'rcl_';

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Adds a partner and returns its API key: the only time the key exists outside the partner's hands. */
export async function addPartner(db: Kysely<Database>, name: string, now = Date.now()): Promise<{ partner: Partner; key: string }> {
  const clean = name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u.test(clean)) throw new Error('a partner name is 1–64 letters, digits, spaces, dots, dashes or underscores');
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const partner: Partner = { id: randomUUID(), name: clean, key_hash: hashKey(key), created_at: now, revoked_at: null };
  await db.insertInto('partners').values(partner).execute();
  return { partner, key };
}

/** Revokes a partner's key; its later requests are refused. */
export async function revokePartner(db: Kysely<Database>, name: string, now = Date.now()): Promise<boolean> {
  const result = await db.updateTable('partners').set({ revoked_at: now }).where('name', '=', name).where('revoked_at', 'is', null).returning('id').execute();
  return result.length > 0;
}

/** The partner holding this key, or null. The lookup is by hash; the final comparison is constant-time. */
export async function partnerForKey(db: Kysely<Database>, key: string): Promise<Partner | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 128) return null;
  const digest = hashKey(key);
  const partner = await db.selectFrom('partners').selectAll().where('key_hash', '=', digest).where('revoked_at', 'is', null).executeTakeFirst();
  if (!partner) return null;
  return timingSafeEqual(Buffer.from(partner.key_hash), Buffer.from(digest)) ? partner : null;
}

/**
 * A hash id as one partner sees it: the row id with a MAC keyed by that partner. Two platforms
 * cannot correlate their ids, and one cannot report on an id it was never given.
 */
export function partnerHashId(partner: Pick<Partner, 'id'>, hashId: number): string {
  const mac = createHmac('sha256', partner.id).update(String(hashId)).digest('base64url').slice(0, 16);
  return `${hashId.toString(36)}.${mac}`;
}

/** The row id behind a partner's hash id, or null when the id was not issued to this partner. */
export function parsePartnerHashId(partner: Pick<Partner, 'id'>, value: string): number | null {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16})$/.exec(value);
  if (!match) return null;
  const hashId = parseInt(match[1]!, 36);
  const expected = partnerHashId(partner, hashId);
  const a = Buffer.from(expected);
  const b = Buffer.from(value);
  return a.length === b.length && timingSafeEqual(a, b) ? hashId : null;
}
