// The staff queue: open conversations ordered by need (urgent, under 13, sextortion, asked for a person, then waiting time).

import type { Kysely, Transaction } from 'kysely';
import type { ConversationRow, Database } from '../store/schema';
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
    .select([
      'c.id',
      'c.channel',
      'c.user_id',
      'c.locale',
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
    ]);
}

type Joined = Pick<ConversationRow, 'id' | 'channel' | 'user_id' | 'locale' | 'step' | 'urgent' | 'urgent_reason' | 'under13' | 'sextortion' | 'human' | 'unreachable' | 'held_by' | 'status' | 'last_inbound_at' | 'created_at' | 'updated_at'> & {
  held_by_email: string | null;
};

function toRow(row: Joined): QueueRow {
  return {
    id: row.id,
    channel: row.channel,
    user: maskUserId(row.user_id),
    locale: row.locale,
    step: row.step,
    flags: FLAGS.filter((flag) => row[flag] === 1),
    urgentReason: row.urgent === 1 ? row.urgent_reason : null,
    status: row.status,
    unreachable: row.unreachable === 1,
    waitingSince: row.last_inbound_at ?? row.created_at,
    heldBy: row.held_by ? { id: row.held_by, email: row.held_by_email ?? row.held_by } : null,
    updatedAt: row.updated_at,
  };
}

/** Open conversations, most in need first. */
export async function readQueue(db: Tx, limit = QUEUE_LIMIT): Promise<QueueRow[]> {
  const rows = await baseQuery(db)
    .where('c.status', '=', 'open')
    .orderBy('c.urgent', 'desc')
    .orderBy('c.under13', 'desc')
    .orderBy('c.sextortion', 'desc')
    .orderBy('c.human', 'desc')
    .orderBy((eb) => eb.fn.coalesce('c.last_inbound_at', 'c.created_at'), 'asc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

/** One conversation as a queue row, open or not; undefined once erased. */
export async function readQueueRow(db: Tx, id: string): Promise<QueueRow | undefined> {
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toRow(row) : undefined;
}
