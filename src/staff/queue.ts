// The staff queue: open conversations ordered by need (urgent, under 13, sextortion, asked for a person, then waiting time).

import type { Kysely, Transaction } from 'kysely';
import type { ConversationRow, Database } from '../store/schema';
import { isDemo, TRY_USER_PREFIX } from './demo';
import { maskUserId } from './mask';

type Tx = Transaction<Database> | Kysely<Database>;

/** Flags in the order they rank a conversation. */
export const FLAGS = ['urgent', 'under13', 'sextortion', 'human'] as const;
export type StaffFlag = (typeof FLAGS)[number];

/** One row of the queue. The channel user id appears only masked. */
export interface QueueRow {
  id: string;
  channel: string;
  user: string;
  locale: string | null;
  /** Where the person lives (ISO code, `ZZ` for elsewhere or not said), null while not known. */
  country?: string | null;
  step: string;
  flags: StaffFlag[];
  /** Why it is urgent, when the bot raised it: `self_harm` or `immediate_danger`. */
  urgentReason?: string | null;
  status: string;
  /** The person blocked the bot: nothing more can reach them. */
  unreachable: boolean;
  /** When the person last wrote; the queue waits on it. */
  waitingSince: number;
  heldBy: { id: string; email: string } | null;
  updatedAt: number;
  /** From the public try-the-bot page: not a person in need, kept out of the queue unless asked for. */
  demo: boolean;
  /** Offered to this person and not taken yet. */
  assignedTo?: { id: string; email: string } | null;
  /** When the person left a message out of hours. */
  messageLeftAt?: number | null;
  /** When the waiting alert was last raised again: a change tells every dashboard to alert once more. */
  alertedAt?: number | null;
}

/** Waiting for a person from the team: open, asked for one (or in danger), held by nobody. The offer list. */
export function needsPerson(row: Pick<QueueRow, 'status' | 'flags' | 'heldBy'>): boolean {
  return row.status === 'open' && row.heldBy === null && (row.flags.includes('urgent') || row.flags.includes('human'));
}

/** The offer list's order: urgent first, then who has waited longest. */
export function compareOffers(a: QueueRow, b: QueueRow): number {
  return Number(b.flags.includes('urgent')) - Number(a.flags.includes('urgent')) || a.waitingSince - b.waitingSince || a.id.localeCompare(b.id);
}

/** At most this many rows: a queue longer than that needs more staff, not a longer list. */
export const QUEUE_LIMIT = 300;

/** The rank of a row: lower comes first. Exposed so the dashboard and tests agree with the query. */
export function compareQueueRows(a: QueueRow, b: QueueRow): number {
  for (const flag of FLAGS) {
    const d = Number(b.flags.includes(flag)) - Number(a.flags.includes(flag));
    if (d !== 0) return d;
  }
  return a.waitingSince - b.waitingSince || a.id.localeCompare(b.id);
}

function baseQuery(db: Tx) {
  return db
    .selectFrom('conversations as c')
    .leftJoin('staff_accounts as a', 'a.id', 'c.held_by')
    .leftJoin('staff_accounts as o', 'o.id', 'c.assigned_to')
    .select([
      'c.id',
      'c.channel',
      'c.user_id',
      'c.locale',
      'c.country',
      'c.step',
      'c.urgent',
      'c.urgent_reason',
      'c.under13',
      'c.sextortion',
      'c.human',
      'c.unreachable',
      'c.held_by',
      'c.status',
      'c.last_inbound_at',
      'c.created_at',
      'c.updated_at',
      'a.email as held_by_email',
      'c.assigned_to',
      'o.email as assigned_email',
      'c.message_left_at',
      'c.alerted_at',
    ]);
}

type Joined = Pick<ConversationRow, 'id' | 'channel' | 'user_id' | 'locale' | 'country' | 'step' | 'urgent' | 'urgent_reason' | 'under13' | 'sextortion' | 'human' | 'unreachable' | 'held_by' | 'status' | 'last_inbound_at' | 'created_at' | 'updated_at'> & {
  held_by_email: string | null;
  assigned_to: string | null;
  assigned_email: string | null;
  message_left_at: number | null;
  alerted_at: number | null;
};

function toRow(row: Joined): QueueRow {
  return {
    id: row.id,
    channel: row.channel,
    user: maskUserId(row.user_id),
    locale: row.locale,
    country: row.country,
    step: row.step,
    flags: FLAGS.filter((flag) => row[flag] === 1),
    urgentReason: row.urgent === 1 ? row.urgent_reason : null,
    status: row.status,
    unreachable: row.unreachable === 1,
    waitingSince: row.last_inbound_at ?? row.created_at,
    heldBy: row.held_by ? { id: row.held_by, email: row.held_by_email ?? row.held_by } : null,
    updatedAt: row.updated_at,
    demo: isDemo(row.channel, row.user_id),
    assignedTo: row.assigned_to && !row.held_by ? { id: row.assigned_to, email: row.assigned_email ?? row.assigned_to } : null,
    messageLeftAt: row.message_left_at,
    alertedAt: row.alerted_at,
  };
}

/** Open conversations, most in need first; demo conversations only when asked for. */
export async function readQueue(db: Tx, options: { limit?: number; demo?: boolean } = {}): Promise<QueueRow[]> {
  const rows = await baseQuery(db)
    .where('c.status', '=', 'open')
    .$if(!options.demo, (q) => q.where((eb) => eb.or([eb('c.channel', '!=', 'console'), eb('c.user_id', 'not like', `${TRY_USER_PREFIX}%`)])))
    .orderBy('c.urgent', 'desc')
    .orderBy('c.under13', 'desc')
    .orderBy('c.sextortion', 'desc')
    .orderBy('c.human', 'desc')
    .orderBy((eb) => eb.fn.coalesce('c.last_inbound_at', 'c.created_at'), 'asc')
    .orderBy('c.id')
    .limit(options.limit ?? QUEUE_LIMIT)
    .execute();
  return rows.map(toRow);
}

/** One conversation as a queue row, open or not; undefined once erased. */
export async function readQueueRow(db: Tx, id: string): Promise<QueueRow | undefined> {
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** How the queue names a conversation: the masked person and the channel. */
export interface ConversationLabel {
  user: string;
  channel: string;
  demo: boolean;
}

/** Labels for the given conversations (erased ones are absent), so other screens name them as the queue does. */
export async function readConversationLabels(db: Tx, ids: string[]): Promise<Record<string, ConversationLabel>> {
  if (ids.length === 0) return {};
  const rows = await db.selectFrom('conversations').select(['id', 'channel', 'user_id']).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((r) => [r.id, { user: maskUserId(r.user_id), channel: r.channel, demo: isDemo(r.channel, r.user_id) }]));
}
