// The audit log: who did what, when, to which conversation. Written in the transaction of the act; never changed.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';

type Tx = Transaction<Database> | Kysely<Database>;

/** Every action the log knows. Opening a transcript is one: reading is an act on a person's data. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_changed',
  'open_conversation',
  'takeover',
  'reply',
  'handback',
  'close',
  'note',
  'flag_set',
  'flag_cleared',
  'case_status',
  'read_audit',
  'account_created',
  'account_updated',
  'password_reset',
  'partner_added',
  'partner_revoked',
  'assign',
  'whisper',
  'observe_conversation',
  'availability_set',
  'capacity_set',
  'settings_changed',
  'report_read',
  'report_exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One thing someone did. `detail` is small and never carries message text, passwords or tokens. */
export interface AuditEntry {
  at: number;
  staffId: string | null;
  staffEmail: string | null;
  action: AuditAction;
  conversationId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
  ip?: string | null;
}

/** Appends an entry, inside the caller's transaction so that the act and its record commit together. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('staff_audit')
    .values({
      at: entry.at,
      staff_id: entry.staffId,
      staff_email: entry.staffEmail,
      action: entry.action,
      conversation_id: entry.conversationId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: entry.ip ?? null,
    })
    .execute();
}

/** What a supervisor may filter the log by. `before` pages backwards by id. */
export interface AuditFilter {
  staffId?: string;
  action?: string;
  conversationId?: string;
  since?: number;
  until?: number;
  before?: number;
  limit?: number;
}

/** One entry as the dashboard shows it. */
export interface AuditView {
  id: number;
  at: number;
  staffId: string | null;
  staffEmail: string | null;
  action: string;
  conversationId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

/** Entries matching the filter, newest first (at most 500). */
export async function readAudit(db: Tx, filter: AuditFilter = {}): Promise<AuditView[]> {
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
  const rows = await db
    .selectFrom('staff_audit')
    .selectAll()
    .$if(filter.staffId !== undefined, (q) => q.where('staff_id', '=', filter.staffId!))
    .$if(filter.action !== undefined, (q) => q.where('action', '=', filter.action!))
    .$if(filter.conversationId !== undefined, (q) => q.where('conversation_id', '=', filter.conversationId!))
    .$if(filter.since !== undefined, (q) => q.where('at', '>=', filter.since!))
    .$if(filter.until !== undefined, (q) => q.where('at', '<', filter.until!))
    .$if(filter.before !== undefined, (q) => q.where('id', '<', filter.before!))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    staffId: row.staff_id,
    staffEmail: row.staff_email,
    action: row.action,
    conversationId: row.conversation_id,
    detail: parseDetail(row.detail),
    ip: row.ip,
  }));
}

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return null;
  }
}
