// The StopNCII-compatible exchange: one aggregate record per (signal type, hash value), paged in change order, and platforms' feedback on them.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import type { Dialect } from '../store/database';
import { lockFeed, recordFeedback, type Feedback } from './cases';
import { displayNameOf, type Partner } from './partners';

type Tx = Transaction<Database> | Kysely<Database>;

/** Our (media type, signal type) → the StopNCII signal type. Only these two are known to HMA's StopNCII exchange. */
export const EXCHANGE_TYPES: Readonly<Record<string, 'ImagePDQ' | 'VideoMD5'>> = { 'image/pdq': 'ImagePDQ', 'video/md5': 'VideoMD5' };
const OURS: Record<string, { media: string; signal: string }> = { ImagePDQ: { media: 'image', signal: 'pdq' }, VideoMD5: { media: 'video', signal: 'md5' } };

/** StopNCII's case statuses, from ours. */
const CASE_STATUS: Record<string, string> = { received: 'Received', active: 'Active', withdrawn: 'Withdrawn', deleted: 'Deleted' };

/** Every feedback value HMA's client knows; three of them mean something to the teen. */
export const FEEDBACK_VALUES = ['Unknown', 'None', 'QualityUnknown', 'PendingReview', 'Blocked', 'NotBlocked', 'Withdrawn', 'Deleted'] as const;
export type FeedbackValue = (typeof FEEDBACK_VALUES)[number];
const TOLD: Partial<Record<FeedbackValue, Feedback>> = { PendingReview: 'pending_review', Blocked: 'removed', NotBlocked: 'not_removed' };
const AS_VALUE: Record<string, FeedbackValue> = { pending_review: 'PendingReview', removed: 'Blocked', not_removed: 'NotBlocked' };

/** A signal as the exchange names it. */
export interface ExchangeKey {
  signalType: string;
  hashValue: string;
}

/**
 * Moves these records to the end of the change order (inserting them if new). Takes the feed lock,
 * so on PostgreSQL every writer's numbers become visible in order; `modified_at` never goes back,
 * so every record after a position is at least as new as the one at it, whatever the clocks say.
 */
export async function touchExchange(tx: Tx, dialect: Dialect, keys: ExchangeKey[], at: number): Promise<void> {
  if (keys.length === 0) return;
  await lockFeed(tx, dialect);
  const last = await tx.selectFrom('exchange_records').select(['seq', 'modified_at']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last ? Number(last.seq) : 0;
  const modified = Math.max(at, last ? Number(last.modified_at) : 0);
  const unique = new Map(keys.map((k) => [`${k.signalType}:${k.hashValue}`, k]));
  for (const key of unique.values()) {
    seq += 1;
    await tx
      .insertInto('exchange_records')
      .values({ signal_type: key.signalType, hash_value: key.hashValue, seq, modified_at: modified })
      .onConflict((oc) => oc.columns(['signal_type', 'hash_value']).doUpdateSet({ seq, modified_at: modified }))
      .execute();
  }
}

/** The exchanged hashes of one case (none for a demo case): what a change of the case changes. */
export async function exchangeKeysOfCase(tx: Tx, caseId: string): Promise<ExchangeKey[]> {
  const rows = await tx
    .selectFrom('case_hashes as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['h.media_type', 'h.signal_type', 'h.value'])
    .where('h.case_id', '=', caseId)
    .where('c.demo', '=', 0)
    .orderBy('h.id')
    .execute();
  return rows.flatMap((r) => {
    const signalType = EXCHANGE_TYPES[`${r.media_type}/${r.signal_type}`];
    return signalType ? [{ signalType, hashValue: r.value }] : [];
  });
}

/** A case id as one partner sees it: a MAC under that partner's key, so two platforms' ids share nothing and none is our case number. */
export function partnerCaseId(partner: Pick<Partner, 'hash_id_key'>, caseId: string): string {
  return createHmac('sha256', Buffer.from(partner.hash_id_key, 'base64url')).update(`case:${caseId}`).digest().subarray(0, 16).toString('base64url');
}

/** One record as HMA's client reads it (`StopNCIIHashRecord`). */
export interface HashRecord {
  lastModtimestamp: number;
  signalType: string;
  hashValue: string;
  hashStatus: string;
  caseNumbers: Record<string, string>;
  CSPFeedbacks: { feedbackValue: string; tags: string[]; source: string }[];
}

/** One page as HMA's client reads it (`FetchHashesResponse`). */
export interface FetchPage {
  count: number;
  nextPageToken: string | null;
  nextSetTimestamp: number;
  hasMoreRecords: boolean;
  hashRecords: HashRecord[];
}

export interface FetchRequest {
  /** Seconds; records changed at or after it. */
  startTimestamp: number;
  pageSize: number;
  /** From the previous page of the same window; absent on the first. */
  nextPageToken?: string | undefined;
}

/** A refused page request, naming the parameter. */
export class FetchRequestError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'FetchRequestError';
  }
}

/** Where a window stands: the last seq it may show (fixed on its first page), the last it showed, and that end's time. */
interface Cursor {
  end: number;
  after: number;
  start: number;
  endAt: number;
}

/**
 * One page of the window that began with the first request. The window ends where the list
 * ended at its first page: a record that changes while the partner pages moves past that end,
 * so no hash appears twice in a window, and the next window (from `nextSetTimestamp`) has it.
 * `nextSetTimestamp` is a safe place to resume after every page (HMA stores it after each): all
 * later changes are at least that new; it never goes below `startTimestamp`.
 */
export async function readExchangePage(db: Kysely<Database>, partner: Partner, request: FetchRequest): Promise<FetchPage> {
  const startMs = request.startTimestamp * 1000;
  let cursor: Cursor;
  if (request.nextPageToken) {
    cursor = openToken(partner, request.nextPageToken);
    if (cursor.start !== request.startTimestamp) throw new FetchRequestError('nextPageToken', 'issued for another startTimestamp; start again without it');
  } else {
    const last = await db.selectFrom('exchange_records').select(['seq', 'modified_at']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    cursor = { end: last ? Number(last.seq) : 0, after: 0, start: request.startTimestamp, endAt: last ? Number(last.modified_at) : 0 };
  }
  const rows = await db
    .selectFrom('exchange_records')
    .selectAll()
    .where('seq', '>', cursor.after)
    .where('seq', '<=', cursor.end)
    .where('modified_at', '>=', startMs)
    .orderBy('seq')
    .limit(request.pageSize + 1)
    .execute();
  const page = rows.slice(0, request.pageSize);
  const hasMore = rows.length > request.pageSize;
  const lastRow = page.at(-1);
  const reached = hasMore && lastRow ? Number(lastRow.modified_at) : cursor.endAt;
  const nextSetTimestamp = Math.max(request.startTimestamp, Math.floor(reached / 1000));
  const hashRecords = await aggregate(db, partner, page);
  return {
    count: hashRecords.length,
    nextPageToken: hasMore && lastRow ? sealToken(partner, { ...cursor, after: Number(lastRow.seq) }) : null,
    nextSetTimestamp,
    hasMoreRecords: hasMore,
    hashRecords,
  };
}

/** The records for these rows: every shared case holding the hash, by this partner's ids, and each platform's latest feedback. */
async function aggregate(db: Kysely<Database>, partner: Partner, rows: { signal_type: string; hash_value: string; modified_at: number }[]): Promise<HashRecord[]> {
  if (rows.length === 0) return [];
  const holders = await db
    .selectFrom('case_hashes as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['h.id as hash_id', 'h.media_type', 'h.signal_type', 'h.value', 'c.id as case_id', 'c.status'])
    .where('h.value', 'in', [...new Set(rows.map((r) => r.hash_value))])
    .where('c.demo', '=', 0)
    .where('c.status', '!=', 'received')
    .orderBy('h.id')
    .execute();
  const feedback = holders.length
    ? await db
        .selectFrom('case_events as e')
        .innerJoin('partners as p', 'p.id', 'e.partner_id')
        .select(['e.hash_id', 'e.status', 'p.name', 'p.display_name'])
        .where('e.hash_id', 'in', holders.map((h) => h.hash_id))
        .where('e.status', 'in', Object.keys(AS_VALUE))
        .orderBy('e.id')
        .execute()
    : [];
  return rows.map((row) => {
    const ours = OURS[row.signal_type]!;
    const mine = holders.filter((h) => h.value === row.hash_value && h.media_type === ours.media && h.signal_type === ours.signal);
    const caseNumbers: Record<string, string> = {};
    for (const h of mine) caseNumbers[partnerCaseId(partner, h.case_id)] = CASE_STATUS[h.status] ?? 'Unknown';
    const statuses = Object.values(caseNumbers);
    const hashStatus = statuses.includes('Active') ? 'Active' : statuses.length > 0 && statuses.every((s) => s === 'Deleted') ? 'Deleted' : statuses.length > 0 ? 'Withdrawn' : 'Deleted';
    const ids = new Set(mine.map((h) => h.hash_id));
    const latest = new Map<string, string>();
    for (const f of feedback) if (f.hash_id !== null && ids.has(Number(f.hash_id))) latest.set(displayNameOf(f), AS_VALUE[f.status]!);
    return {
      lastModtimestamp: Math.floor(Number(row.modified_at) / 1000),
      signalType: row.signal_type,
      hashValue: row.hash_value,
      hashStatus,
      caseNumbers,
      CSPFeedbacks: [...latest].map(([source, feedbackValue]) => ({ feedbackValue, tags: [], source })),
    };
  });
}

/** One item of a SubmitFeedback request. */
export interface FeedbackItem {
  hashValue: string;
  feedbackValue: FeedbackValue;
  tags?: string[] | undefined;
  signalType?: string | undefined;
}

/** What became of a SubmitFeedback request. */
export interface FeedbackOutcome {
  /** Reports that are news for a teen: recorded and told once. */
  recorded: number;
  /** Values that carry nothing to tell (None, QualityUnknown, …) or repeat what this platform already said. */
  unchanged: number;
  /** Hash values of no shared case. */
  unknown: number;
}

/**
 * Records a platform's feedback on hash values (StopNCII's feedback has no signal type: a value
 * is looked up among the exchanged types). Each active case holding the hash gets the report, unless
 * this platform's latest report on that hash already says the same (a resend); the news digest tells
 * a platform's report on a case only when it differs from what the teen was last told.
 * The records touched move on in the change order, so other platforms see the new feedback.
 */
export async function recordExchangeFeedback(tx: Tx, dialect: Dialect, partner: Partner, items: FeedbackItem[], at: number): Promise<FeedbackOutcome> {
  const outcome: FeedbackOutcome = { recorded: 0, unchanged: 0, unknown: 0 };
  const touched: ExchangeKey[] = [];
  for (const item of items) {
    const value = item.hashValue.toLowerCase();
    const types = item.signalType ? [item.signalType] : Object.keys(OURS);
    const hashes = await tx
      .selectFrom('case_hashes as h')
      .innerJoin('cases as c', 'c.id', 'h.case_id')
      .select(['h.id', 'h.case_id', 'h.media_type', 'h.signal_type'])
      .where('h.value', '=', value)
      .where('c.demo', '=', 0)
      .where('c.status', '=', 'active')
      .where((eb) => eb.or(types.map((t) => eb.and([eb('h.media_type', '=', OURS[t]!.media), eb('h.signal_type', '=', OURS[t]!.signal)]))))
      .orderBy('h.id')
      .execute();
    if (hashes.length === 0) {
      outcome.unknown += 1;
      continue;
    }
    const status = TOLD[item.feedbackValue];
    if (!status) {
      outcome.unchanged += 1;
      continue;
    }
    let news = false;
    for (const hash of hashes) {
      const previous = await tx
        .selectFrom('case_events')
        .select('status')
        .where('hash_id', '=', hash.id)
        .where('partner_id', '=', partner.id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (previous?.status === status) continue;
      await recordFeedback(tx, { caseId: hash.case_id, hashId: Number(hash.id), partnerId: partner.id, source: 'partner', status, note: null, at });
      touched.push({ signalType: EXCHANGE_TYPES[`${hash.media_type}/${hash.signal_type}`]!, hashValue: value });
      news = true;
    }
    if (news) outcome.recorded += 1;
    else outcome.unchanged += 1;
  }
  await touchExchange(tx, dialect, touched, at);
  return outcome;
}

// Page tokens: the cursor, sealed with a MAC under the partner's key so it cannot be altered or used by another partner.

function tokenMac(partner: Pick<Partner, 'hash_id_key'>, body: string): Buffer {
  return createHmac('sha256', Buffer.from(partner.hash_id_key, 'base64url')).update(`page:${body}`).digest().subarray(0, 16);
}

function sealToken(partner: Partner, cursor: Cursor): string {
  const body = [cursor.end, cursor.after, cursor.start, cursor.endAt].map((n) => n.toString(36)).join('.');
  return `${body}.${tokenMac(partner, body).toString('base64url')}`;
}

function openToken(partner: Partner, token: string): Cursor {
  const match = /^([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  const refused = new FetchRequestError('nextPageToken', 'not a token from a previous page; start again without it');
  if (!match) throw refused;
  const body = match.slice(1, 5).join('.');
  const mac = Buffer.from(match[5]!, 'base64url');
  if (mac.length !== 16 || !timingSafeEqual(mac, tokenMac(partner, body))) throw refused;
  const [end, after, start, endAt] = match.slice(1, 5).map((part) => parseInt(part, 36)) as [number, number, number, number];
  return { end, after, start, endAt };
}
