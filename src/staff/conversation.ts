// One conversation as staff see it: its row, the transcript, and the person's cases with their status history.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { readQueueRow, type QueueRow } from './queue';

type Tx = Transaction<Database> | Kysely<Database>;

/** One transcript line. `direction`: in, out (bot), staff, note (internal), event (what happened). */
export interface TranscriptLine {
  id: number;
  direction: string;
  text: string;
  at: number;
  /** On the person's line that raised an alarm: why (`self_harm`, `immediate_danger`). */
  marker: string | null;
}

/** A case and every status it went through, oldest first. */
export interface CaseView {
  caseNumber: string;
  status: string;
  createdAt: number;
  updatedAt: number;
  history: { status: string; source: string; platform: string | null; note: string | null; at: number }[];
}

export interface ConversationDetail {
  conversation: QueueRow;
  transcript: TranscriptLine[];
  cases: CaseView[];
}

/** The newest lines kept on screen; older ones are still in the store until retention removes them. */
export const TRANSCRIPT_LIMIT = 500;

/** Reads everything staff see of a conversation; undefined when it does not exist (or was erased). */
export async function readConversation(db: Tx, id: string, afterLine = 0): Promise<ConversationDetail | undefined> {
  const conversation = await readQueueRow(db, id);
  if (!conversation) return undefined;
  const lines = await db
    .selectFrom('transcript')
    .select(['id', 'direction', 'text', 'at', 'marker'])
    .where('conversation_id', '=', id)
    .where('id', '>', afterLine)
    .orderBy('id', 'desc')
    .limit(TRANSCRIPT_LIMIT)
    .execute();
  const cases = await db.selectFrom('cases').selectAll().where('conversation_id', '=', id).orderBy('created_at', 'desc').execute();
  const events = cases.length
    ? await db
        .selectFrom('case_events as e')
        .leftJoin('partners as p', 'p.id', 'e.partner_id')
        .select(['e.case_id', 'e.status', 'e.source', 'e.note', 'e.at', 'p.name as platform'])
        .where('e.case_id', 'in', cases.map((c) => c.id))
        .orderBy('e.id')
        .execute()
    : [];
  return {
    conversation,
    transcript: await withStaffNames(db, lines.reverse()),
    cases: cases.map((c) => ({
      caseNumber: c.case_number,
      status: c.status,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      history: events
        .filter((e) => e.case_id === c.id)
        // A report recorded by staff names its platform in the note (it is not a partner of the API).
        .map((e) => ({ status: e.status, source: e.source, platform: e.platform ?? (e.source === 'staff' ? e.note : null), note: e.note, at: e.at })),
    })),
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The engine notes staff by account id ("taken over by <id>"); staff read each other's e-mail addresses instead. */
async function withStaffNames(db: Tx, lines: TranscriptLine[]): Promise<TranscriptLine[]> {
  const ids = new Set(lines.filter((l) => l.direction === 'event').flatMap((l) => l.text.match(UUID) ?? []));
  if (ids.size === 0) return lines;
  const accounts = await db.selectFrom('staff_accounts').select(['id', 'email']).where('id', 'in', [...ids]).execute();
  const names = new Map(accounts.map((a) => [a.id, a.email]));
  return lines.map((l) => (l.direction === 'event' ? { ...l, text: l.text.replace(UUID, (id) => names.get(id) ?? id) } : l));
}
