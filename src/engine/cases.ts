// The case lifecycle: received → active (shared) → withdrawn | deleted, platform feedback, and the news digest.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema';
import type { Dialect } from '../store/database';
import { exchangeKeysOfCase, touchExchange } from './exchange';

type Tx = Transaction<Database> | Kysely<Database>;

/** Case news told to the person together when it comes close in time. */
export const DIGEST_DELAY_MS = Number(process.env.STATUS_DIGEST_SECONDS ?? 60) * 1000;

/** Feedback a platform can give on one hash (the hash-sharing programmes' PendingReview / Blocked / NotBlocked). */
export const FEEDBACK = ['pending_review', 'removed', 'not_removed'] as const;
export type Feedback = (typeof FEEDBACK)[number];

/** Statuses of a case as a whole. */
export type CaseStatus = 'received' | 'active' | 'withdrawn' | 'deleted';

/** The source of a change made on the case page, with the case number and PIN (a parent, or the person on another device). */
export const CASE_PAGE = 'lookup';

/** The feed's writers take this lock so that rows become visible in sequence order (PostgreSQL sequences are not commit-ordered). */
export async function lockFeed(tx: Tx, dialect: Dialect) {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(tx);
}

async function appendFeed(tx: Tx, dialect: Dialect, caseId: string, op: 'add' | 'remove', at: number) {
  // A demo case's hashes came from anyone on the internet: they never enter the feed, whatever its status.
  const hashes = await tx
    .selectFrom('case_hashes as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select('h.id')
    .where('h.case_id', '=', caseId)
    .where('c.demo', '=', 0)
    .orderBy('h.id')
    .execute();
  if (hashes.length === 0) return;
  await lockFeed(tx, dialect);
  await tx.insertInto('hash_feed').values(hashes.map((h) => ({ hash_id: h.id, op, at }))).execute();
  await touchExchange(tx, dialect, await exchangeKeysOfCase(tx, caseId), at);
}

/** Records a status of the whole case, with its history row, and queues the news for the person. */
export async function setCaseStatus(tx: Tx, dialect: Dialect, caseId: string, status: CaseStatus, at: number, source = 'system', note: string | null = null): Promise<void> {
  const current = await tx.selectFrom('cases').select(['status', 'conversation_id', 'demo']).where('id', '=', caseId).executeTakeFirst();
  if (!current || current.status === status) return;
  if (current.status === 'withdrawn' || current.status === 'deleted') return; // final
  await tx.updateTable('cases').set({ status, updated_at: at }).where('id', '=', caseId).execute();
  await tx.insertInto('case_events').values({ case_id: caseId, hash_id: null, partner_id: null, source, status, note, at }).execute();
  if (status === 'active') await appendFeed(tx, dialect, caseId, 'add', at);
  if ((status === 'withdrawn' || status === 'deleted') && current.status === 'active') await appendFeed(tx, dialect, caseId, 'remove', at);
  if (current.conversation_id && newsKey(status, source, current.demo)) await scheduleDigest(tx, current.conversation_id, at);
}

/** Records a platform's feedback on one hash and queues the news for the person. */
export async function recordFeedback(tx: Tx, input: { caseId: string; hashId: number; partnerId: string | null; source: string; status: Feedback; note: string | null; at: number }): Promise<void> {
  await tx
    .insertInto('case_events')
    .values({ case_id: input.caseId, hash_id: input.hashId, partner_id: input.partnerId, source: input.source, status: input.status, note: input.note, at: input.at })
    .execute();
  const row = await tx.selectFrom('cases').select('conversation_id').where('id', '=', input.caseId).executeTakeFirst();
  if (row?.conversation_id) await scheduleDigest(tx, row.conversation_id, input.at);
}

/** A digest timer, unless one is already waiting (news that comes close together is told once). */
export async function scheduleDigest(tx: Tx, conversationId: string, at: number): Promise<void> {
  await tx
    .insertInto('timers')
    .values({ conversation_id: conversationId, name: 'digest', due_at: at + DIGEST_DELAY_MS, lease_until: null })
    .onConflict((oc) => oc.columns(['conversation_id', 'name']).doNothing())
    .execute();
}

/** One piece of news for the person: a status key and its parameters. */
export interface CaseNews {
  key: string;
  params: Record<string, string | number>;
  at: number;
}

const NEWS_KEYS: Record<string, string> = {
  active: 'status.shared',
  pending_review: 'status.matched',
  removed: 'status.removed',
  not_removed: 'status.not_removed',
};

/**
 * What the person is told of a case event, if anything. A withdrawal in the chat was answered there;
 * one on the case page happened out of their sight, so it is news. A demo case was never shared, so
 * there is nothing to tell of its withdrawal.
 */
function newsKey(status: string, source: string, demo: number): string | undefined {
  if (status === 'withdrawn') return source === CASE_PAGE && !demo ? 'status.withdrawn_on_page' : undefined;
  return NEWS_KEYS[status];
}

/**
 * Takes the news not yet told for a conversation's cases and moves the conversation's cursor past
 * it (the history itself is never written to). Only what is still true is told: of a case withdrawn
 * or deleted since, only a withdrawal on the case page; no case status that a later one replaced;
 * and of one platform's reports on a case (a match on three hashes, then a removal) only the latest.
 */
export async function takeNews(tx: Tx, conversationId: string): Promise<CaseNews[]> {
  const conversation = await tx.selectFrom('conversations').select('news_cursor').where('id', '=', conversationId).executeTakeFirst();
  if (!conversation) return [];
  const rows = await tx
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .leftJoin('partners as p', 'p.id', 'e.partner_id')
    // A platform's own report names it; a report staff recorded for a platform carries the name in its note.
    .select((eb) => ['e.id', 'e.status', 'e.source', 'e.at', 'c.case_number', 'c.status as case_status', 'c.demo', eb.fn.coalesce('p.display_name', 'p.name', 'e.note').as('platform')])
    .where('c.conversation_id', '=', conversationId)
    .where('e.id', '>', conversation.news_cursor)
    .orderBy('e.id')
    .execute();
  const last = rows.at(-1);
  if (last) await tx.updateTable('conversations').set({ news_cursor: last.id }).where('id', '=', conversationId).execute();
  const told = await toldFeedback(tx, conversationId, conversation.news_cursor, rows);
  const latest = new Map<string, { row: (typeof rows)[number]; key: string }>();
  for (const row of rows) {
    const key = newsKey(row.status, row.source, row.demo);
    const over = row.case_status === 'withdrawn' || row.case_status === 'deleted';
    if (over && row.status !== 'withdrawn') continue;
    const feedback = (FEEDBACK as readonly string[]).includes(row.status);
    if (!feedback && row.status !== row.case_status) continue; // the case has moved on since
    if (!key) continue;
    const id = feedback ? `${row.case_number}|${row.platform ?? ''}` : `${row.case_number}|`;
    // Told in the order of the latest reports.
    latest.delete(id);
    latest.set(id, { row, key });
  }
  return [...latest.entries()]
    // A platform repeating what the person was already told (the same report on another hash, a resend) is no news.
    .filter(([id, { row }]) => told.get(id) !== row.status)
    .map(([, { row, key }]) => ({ key, params: { caseNumber: row.case_number, platform: row.platform ?? '' }, at: row.at }));
}

/** What each platform last reported on these cases before `cursor` (already told): `case number|platform` → status. */
async function toldFeedback(tx: Tx, conversationId: string, cursor: number, rows: { status: string; case_number: string }[]): Promise<Map<string, string>> {
  const told = new Map<string, string>();
  const cases = [...new Set(rows.filter((r) => (FEEDBACK as readonly string[]).includes(r.status)).map((r) => r.case_number))];
  if (cases.length === 0) return told;
  const earlier = await tx
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .leftJoin('partners as p', 'p.id', 'e.partner_id')
    .select((eb) => ['e.status', 'c.case_number', eb.fn.coalesce('p.display_name', 'p.name', 'e.note').as('platform')])
    .where('c.conversation_id', '=', conversationId)
    .where('c.case_number', 'in', cases)
    .where('e.status', 'in', [...FEEDBACK])
    .where('e.id', '<=', cursor)
    .orderBy('e.id')
    .execute();
  for (const row of earlier) told.set(`${row.case_number}|${row.platform ?? ''}`, row.status);
  return told;
}
