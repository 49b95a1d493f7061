// How the service is doing, per day or week: conversations, cases, first replies, abandonment, withdrawals, partners' actions.
// Counts and durations only: no user id, no text, no conversation id leaves this module.

import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { localTime } from '../core/hours';
import { isDemo } from './demo';
import { StaffActionError } from './errors';

const DAY = 24 * 60 * 60_000;
/** Margin around the asked dates: no time zone is further than this from UTC. */
const ZONE_MARGIN = 15 * 60 * 60_000;
/** A conversation silent this long without reaching the link has been abandoned. */
export const ABANDONED_AFTER = DAY;
/** Steps that end the intake on purpose (not for us, no copy): leaving there is not abandoning. */
const ENDED_STEPS = new Set(['adult_route', 'out_of_scope', 'no_copy']);
export const NEEDS = ['urgent', 'under13', 'sextortion', 'human'] as const;

export interface ReportQuery {
  from: string;
  to: string;
  by: 'day' | 'week';
  timeZone: string;
}

/** The median and 90th percentile of a set of seconds, and how many there were. */
export interface Spread {
  n: number;
  median: number | null;
  p90: number | null;
}

export interface Bucket {
  /** The local date the day or week (Monday) starts. */
  start: string;
  conversations: number;
  byChannel: Record<string, number>;
  byLanguage: Record<string, number>;
  byCountry: Record<string, number>;
  cases: number;
  abandoned: number;
  withdrawals: number;
  removed: number;
  notRemoved: number;
  firstReply: Spread;
}

export interface Report {
  query: ReportQuery;
  buckets: Bucket[];
  totals: Omit<Bucket, 'start'> & { firstReplyByNeed: Record<string, Spread> };
}

/** One conversation as the CSV shows it. */
export interface ConversationFact {
  day: string;
  week: string;
  channel: string;
  language: string;
  country: string;
  askedForPerson: boolean;
  need: string;
  firstReplySeconds: number | null;
  reachedLink: boolean;
  cases: number;
  withdrawn: number;
  abandoned: boolean;
  status: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the dashboard's query; throws StaffActionError(400) naming the field. */
export function parseReportQuery(q: Record<string, string | undefined>, timeZone: string, today: string): ReportQuery {
  const to = q.to ?? today;
  const from = q.from ?? shiftDate(to, -27);
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new StaffActionError(400, 'invalid_report', `${field}: YYYY-MM-DD`);
  }
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;
  if (span < 0) throw new StaffActionError(400, 'invalid_report', 'to: on or after from');
  if (span > 366) throw new StaffActionError(400, 'invalid_report', 'from: at most 366 days before to');
  const by = q.by ?? 'day';
  if (by !== 'day' && by !== 'week') throw new StaffActionError(400, 'invalid_report', 'by: day or week');
  return { from, to, by, timeZone };
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of a local date's week. */
function weekOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return shiftDate(date, -((weekday + 6) % 7));
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

const bump = (map: Record<string, number>, key: string) => void (map[key] = (map[key] ?? 0) + 1);

/** Every conversation begun in the period (demo chats left out), one fact each, oldest first. */
export async function conversationFacts(db: Kysely<Database>, query: ReportQuery, now: number): Promise<ConversationFact[]> {
  const lo = Date.parse(`${query.from}T00:00:00Z`) - ZONE_MARGIN;
  const hi = Date.parse(`${query.to}T00:00:00Z`) + DAY + ZONE_MARGIN;
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'channel', 'user_id', 'locale', 'country', 'step', 'status', 'created_at', 'last_inbound_at', 'updated_at', 'human_requested_at', 'first_reply_at', 'reply_need', 'reached_link'])
    .where('created_at', '>=', lo)
    .where('created_at', '<', hi)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = rows.map((r) => r.id);
  const cases = new Map<string, { cases: number; withdrawn: number }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = await db.selectFrom('cases').select(['conversation_id', 'status']).where('conversation_id', 'in', chunk).where('demo', '=', 0).execute();
    for (const c of found) {
      const entry = cases.get(c.conversation_id!) ?? { cases: 0, withdrawn: 0 };
      entry.cases++;
      if (c.status === 'withdrawn') entry.withdrawn++;
      cases.set(c.conversation_id!, entry);
    }
  }
  const facts: ConversationFact[] = [];
  for (const r of rows) {
    if (isDemo(r.channel, r.user_id)) continue;
    const day = localTime(r.created_at, query.timeZone).date;
    if (day < query.from || day > query.to) continue;
    const own = cases.get(r.id) ?? { cases: 0, withdrawn: 0 };
    const lastSeen = r.last_inbound_at ?? r.created_at;
    facts.push({
      day,
      week: weekOf(day),
      channel: r.channel,
      language: r.locale ?? 'unknown',
      country: r.country ?? 'unknown',
      askedForPerson: r.human_requested_at !== null,
      need: r.first_reply_at !== null ? (r.reply_need ?? 'human') : '',
      firstReplySeconds: r.first_reply_at !== null && r.human_requested_at !== null ? Math.max(0, Math.round((r.first_reply_at - r.human_requested_at) / 1000)) : null,
      reachedLink: r.reached_link === 1,
      cases: own.cases,
      withdrawn: own.withdrawn,
      abandoned: r.reached_link !== 1 && own.cases === 0 && !ENDED_STEPS.has(r.step) && now - lastSeen >= ABANDONED_AFTER,
      status: r.status,
    });
  }
  return facts;
}

/** The report for a period: one bucket per day or week (empty ones included), and totals. */
export async function buildReport(db: Kysely<Database>, query: ReportQuery, now: number): Promise<Report> {
  const facts = await conversationFacts(db, query, now);
  const keyOf = (day: string) => (query.by === 'week' ? weekOf(day) : day);
  const empty = (): Omit<Bucket, 'start'> => ({ conversations: 0, byChannel: {}, byLanguage: {}, byCountry: {}, cases: 0, abandoned: 0, withdrawals: 0, removed: 0, notRemoved: 0, firstReply: spread([]) });
  const buckets = new Map<string, Omit<Bucket, 'start'>>();
  for (let d = query.from; d <= query.to; d = shiftDate(d, 1)) if (!buckets.has(keyOf(d))) buckets.set(keyOf(d), empty());
  const replies = new Map<string, number[]>();
  const byNeed = new Map<string, number[]>(NEEDS.map((n) => [n, []]));
  for (const f of facts) {
    const b = buckets.get(keyOf(f.day))!;
    b.conversations++;
    bump(b.byChannel, f.channel);
    bump(b.byLanguage, f.language);
    bump(b.byCountry, f.country);
    if (f.abandoned) b.abandoned++;
    if (f.firstReplySeconds !== null) {
      (replies.get(keyOf(f.day)) ?? replies.set(keyOf(f.day), []).get(keyOf(f.day))!).push(f.firstReplySeconds);
      (byNeed.get(f.need) ?? byNeed.set(f.need, []).get(f.need)!).push(f.firstReplySeconds);
    }
  }
  for (const [key, values] of replies) buckets.get(key)!.firstReply = spread(values);

  // Cases, withdrawals and partners' answers count when they happened, whichever conversation they belong to.
  const lo = Date.parse(`${query.from}T00:00:00Z`) - ZONE_MARGIN;
  const hi = Date.parse(`${query.to}T00:00:00Z`) + DAY + ZONE_MARGIN;
  const inPeriod = (at: number) => {
    const day = localTime(at, query.timeZone).date;
    return day >= query.from && day <= query.to ? buckets.get(keyOf(day)) : undefined;
  };
  const cases = await db.selectFrom('cases').select(['created_at']).where('demo', '=', 0).where('created_at', '>=', lo).where('created_at', '<', hi).execute();
  for (const c of cases) {
    const b = inPeriod(c.created_at);
    if (b) b.cases++;
  }
  const events = await db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.status', 'e.source', 'e.at'])
    .where('c.demo', '=', 0)
    .where('e.at', '>=', lo)
    .where('e.at', '<', hi)
    .where((eb) => eb.or([eb('e.status', '=', 'withdrawn'), eb.and([eb('e.source', '=', 'partner'), eb('e.status', 'in', ['removed', 'not_removed'])])]))
    .execute();
  for (const e of events) {
    const b = inPeriod(e.at);
    if (!b) continue;
    if (e.status === 'withdrawn') b.withdrawals++;
    else if (e.status === 'removed') b.removed++;
    else b.notRemoved++;
  }

  const totals = { ...empty(), firstReplyByNeed: Object.fromEntries([...byNeed].map(([need, values]) => [need, spread(values)])) };
  for (const b of buckets.values()) {
    for (const field of ['conversations', 'cases', 'abandoned', 'withdrawals', 'removed', 'notRemoved'] as const) totals[field] += b[field];
    for (const field of ['byChannel', 'byLanguage', 'byCountry'] as const) for (const [k, n] of Object.entries(b[field])) totals[field][k] = (totals[field][k] ?? 0) + n;
  }
  totals.firstReply = spread(facts.flatMap((f) => (f.firstReplySeconds !== null ? [f.firstReplySeconds] : [])));
  return { query, buckets: [...buckets].map(([start, b]) => ({ start, ...b })), totals };
}

export const CSV_COLUMNS = ['day', 'week', 'channel', 'language', 'country', 'asked_for_person', 'need', 'first_reply_seconds', 'reached_link', 'cases', 'withdrawn', 'abandoned', 'status'] as const;

/** One line per conversation, a header first. Every value comes from a closed set or is a number, and is quoted anyway. */
export function factsToCsv(facts: ConversationFact[]): string {
  const cell = (v: string | number | boolean | null) => {
    const text = v === null ? '' : String(v);
    return /^[=+\-@]/.test(text) || /[",\n]/.test(text) ? `"${text.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : text;
  };
  const lines = facts.map((f) =>
    [f.day, f.week, f.channel, f.language, f.country, f.askedForPerson, f.need, f.firstReplySeconds, f.reachedLink, f.cases, f.withdrawn, f.abandoned, f.status].map(cell).join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
