// Partner platforms: API keys shown once and stored as hashes, and per-partner opaque hash ids.

import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, PartnersTable } from '../store/schema';
import type { Selectable } from 'kysely';

export type Partner = Selectable<PartnersTable>;

const KEY_PREFIX = 'rcl_';
const SUBSCRIPTION_PREFIX = 'rcs_';

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A fresh key for one partner's hash ids: 32 random bytes, base64url. */
function newHashIdKey(): string {
  return randomBytes(32).toString('base64url');
}

/** What a new partner is given, once: the API key and the subscription key of its StopNCII-style credentials. */
export interface NewPartner {
  partner: Partner;
  /** The API key: `Authorization: Bearer` on /api/partner/v1, and `x-functions-key` on the exchange. */
  key: string;
  /** Sent as `Ocp-Apim-Subscription-Key` on the exchange, beside the key. */
  subscriptionKey: string;
}

export interface AddPartnerOptions {
  /** The name the teen reads ("Instagram"); by default the short name. */
  displayName?: string | undefined;
  now?: number;
}

/** What a display name may be, as the person adding one reads it. */
export const DISPLAY_NAME_RULE = 'a display name is at most 64 characters, without control characters or < >';

/** True for no display name (blank counts as none) or one people can be shown as it is. */
export function isDisplayName(value: string | undefined): boolean {
  const display = value?.trim() || null;
  return display === null || (display.length <= 64 && !/[\p{C}<>]/u.test(display));
}

/** Adds a partner and returns its secrets: the only time they exist outside the partner's hands. */
export async function addPartner(db: Kysely<Database>, name: string, options: AddPartnerOptions | number = {}): Promise<NewPartner> {
  const { displayName, now = Date.now() } = typeof options === 'number' ? { now: options } : options;
  const clean = name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u.test(clean)) throw new Error('a partner name is 1–64 letters, digits, spaces, dots, dashes or underscores');
  if (!isDisplayName(displayName)) throw new Error(DISPLAY_NAME_RULE);
  const display = displayName?.trim() || null;
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const subscriptionKey = SUBSCRIPTION_PREFIX + randomBytes(24).toString('base64url');
  const partner: Partner = {
    id: randomUUID(),
    name: clean,
    key_hash: hashKey(key),
    hash_id_key: newHashIdKey(),
    created_at: now,
    revoked_at: null,
    display_name: display,
    subscription_key_hash: hashKey(subscriptionKey),
    last_fetch_at: null,
    last_feedback_at: null,
  };
  await db.insertInto('partners').values(partner).execute();
  return { partner, key, subscriptionKey };
}

/** The name people read: the display name, or the short name. */
export function displayNameOf(partner: Pick<Partner, 'name' | 'display_name'>): string {
  return partner.display_name ?? partner.name;
}

/** The partners taking part now (whose key works): the same text in both dialects, run by the engine for every message that names them. */
export const PARTICIPATING = 'select "name", "display_name" from "partners" where "revoked_at" is null';

/** The platforms of PARTICIPATING's rows, by the names people read, in alphabetical order. */
export function platformNames(rows: Pick<Partner, 'name' | 'display_name'>[]): string[] {
  return [...new Set(rows.map(displayNameOf))].sort((a, b) => a.localeCompare(b));
}

/** The platforms taking part now (partners whose key works), by the names people read, in alphabetical order. */
export async function participatingPlatforms(db: Kysely<Database>): Promise<string[]> {
  return platformNames((await db.executeQuery<Pick<Partner, 'name' | 'display_name'>>(CompiledQuery.raw(PARTICIPATING, []))).rows);
}

/** Remembers when a partner last fetched or gave feedback, for `reclaim partner list`. */
export async function notePartnerActivity(db: Kysely<Database>, partnerId: string, what: 'fetch' | 'feedback', at: number): Promise<void> {
  await db.updateTable('partners').set(what === 'fetch' ? { last_fetch_at: at } : { last_feedback_at: at }).where('id', '=', partnerId).execute();
}

/**
 * The partner holding both keys of its StopNCII-style credentials, or null. Both are looked up by
 * hash and compared in constant time; a partner added before the exchange has no subscription key.
 */
export async function partnerForExchangeKeys(db: Kysely<Database>, functionKey: string, subscriptionKey: string): Promise<Partner | null> {
  if (!subscriptionKey.startsWith(SUBSCRIPTION_PREFIX) || subscriptionKey.length > 128) return null;
  const partner = await partnerForKey(db, functionKey);
  if (!partner?.subscription_key_hash) return null;
  const digest = Buffer.from(hashKey(subscriptionKey));
  const stored = Buffer.from(partner.subscription_key_hash);
  return stored.length === digest.length && timingSafeEqual(stored, digest) ? partner : null;
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

/** One row of the partner feed: a hash shared (`add`) or withdrawn (`remove`). */
export interface FeedRow {
  seq: number;
  op: string;
  at: number;
  id: number;
  signal_type: string;
  media_type: string;
  value: string;
  quality: number | null;
}

/**
 * The feed as every partner-facing export reads it, past `after`, in sequence order. A demo case's hashes
 * are left out; only a tombstone for one that was shared before demo cases were told apart gets through.
 */
export async function readFeed(db: Kysely<Database>, after: number, limit: number): Promise<FeedRow[]> {
  return db
    .selectFrom('hash_feed as f')
    .innerJoin('case_hashes as h', 'h.id', 'f.hash_id')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['f.seq', 'f.op', 'f.at', 'h.id', 'h.signal_type', 'h.media_type', 'h.value', 'h.quality'])
    .where('f.seq', '>', after)
    .where((eb) => eb.or([eb('c.demo', '=', 0), eb('f.op', '=', 'remove')]))
    .orderBy('f.seq')
    .limit(limit)
    .execute();
}

/** The hash a partner gives feedback on, with its case; undefined for an unknown hash or one from the public demo. */
export async function sharedHash(db: Kysely<Database>, hashId: number): Promise<{ id: number; case_id: string; media_type: string; signal_type: string; value: string } | undefined> {
  return db
    .selectFrom('case_hashes as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['h.id', 'h.case_id', 'h.media_type', 'h.signal_type', 'h.value'])
    .where('h.id', '=', hashId)
    .where('c.demo', '=', 0)
    .executeTakeFirst();
}

/**
 * A hash id as one partner sees it: the row id encrypted (AES-256, one block) under a random key
 * of that partner's, with eight zero bytes as a check. Two platforms' ids for one hash share
 * nothing, the feed's order and size stay hidden, and an id decrypts only for its own partner.
 */
export function partnerHashId(partner: Pick<Partner, 'hash_id_key'>, hashId: number): string {
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(BigInt(hashId), 0);
  const cipher = createCipheriv('aes-256-ecb', idKey(partner), null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
}

/** The row id behind a partner's hash id, or null when the id was not issued to this partner. */
export function parsePartnerHashId(partner: Pick<Partner, 'id' | 'hash_id_key'>, value: string): number | null {
  if (LEGACY_ID.test(value)) return parseLegacyHashId(partner, value);
  if (!/^[A-Za-z0-9_-]{22}$/.test(value)) return null;
  const sealed = Buffer.from(value, 'base64url');
  // base64url has several spellings of the last character; only the one we issue counts.
  if (sealed.length !== 16 || sealed.toString('base64url') !== value) return null;
  const decipher = createDecipheriv('aes-256-ecb', idKey(partner), null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
  if (!timingSafeEqual(block.subarray(8), ZERO_CHECK)) return null;
  const hashId = block.readBigUInt64BE(0);
  return hashId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(hashId) : null;
}

const ZERO_CHECK = Buffer.alloc(8);

function idKey(partner: Pick<Partner, 'hash_id_key'>): Buffer {
  const key = Buffer.from(partner.hash_id_key, 'base64url');
  if (key.length !== 32) throw new Error('partner hash id key must be 32 bytes');
  return key;
}

/** Ids issued before per-partner keys (`<row id>.<mac>`): still accepted as feedback, never issued again. */
const LEGACY_ID = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16})$/;

function parseLegacyHashId(partner: Pick<Partner, 'id'>, value: string): number | null {
  const hashId = parseInt(LEGACY_ID.exec(value)![1]!, 36);
  const mac = createHmac('sha256', partner.id).update(String(hashId)).digest('base64url').slice(0, 16);
  const a = Buffer.from(`${hashId.toString(36)}.${mac}`);
  const b = Buffer.from(value);
  return a.length === b.length && timingSafeEqual(a, b) ? hashId : null;
}
