// Staff actions on a conversation: each checked, done and written to the audit log in one transaction, then announced.

import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Engine, HandleResult } from '../engine/engine';
import type { Changes } from '../core/changes';
import type { Store } from '../store/database';
import type { Database } from '../store/schema';
import { engineTx } from '../store/engine-store';
import { writeAudit, type AuditAction } from './audit';
import { readConversation, type ConversationDetail } from './conversation';
import { StaffActionError } from './errors';
import { refuse, type ConversationAction } from './policy';
import { FLAGS, type StaffFlag } from './queue';
import { recordStaffCaseReport, STAFF_REPORT_STATUSES } from './case-reports';
import { normalizeText } from '../core/text';

type Tx = Transaction<Database> | Kysely<Database>;

/** The person acting, as the session knows them. */
export interface Actor {
  id: string;
  email: string;
  role: string;
  ip: string | null;
}

/** Longest reply or note: a chat message, not a letter (Telegram's own limit is 4096). */
export const MAX_TEXT_LENGTH = 2000;

export interface StaffActionsOptions {
  store: Store;
  engine: Engine;
  changes: Changes;
  now?: () => number;
}

/** Everything staff can do to a conversation. Each method throws StaffActionError when refused. */
export interface StaffActions {
  /**
   * Reads a conversation and records the opening. `afterLine` fetches only newer lines (a live
   * refresh); it is recorded too unless this person already opened the conversation since `openedSince`
   * (their sign-in), so no way of reading a transcript escapes the log.
   */
  open(actor: Actor, conversationId: string, afterLine?: number, openedSince?: number): Promise<ConversationDetail>;
  takeover(actor: Actor, conversationId: string): Promise<void>;
  reply(actor: Actor, conversationId: string, text: unknown): Promise<void>;
  handback(actor: Actor, conversationId: string): Promise<void>;
  close(actor: Actor, conversationId: string): Promise<void>;
  note(actor: Actor, conversationId: string, text: unknown): Promise<void>;
  setFlag(actor: Actor, conversationId: string, flag: unknown, on: unknown): Promise<void>;
  recordCaseStatus(actor: Actor, conversationId: string, input: { caseNumber?: unknown; platform?: unknown; status?: unknown }): Promise<void>;
  /**
   * A supervisor hands the conversation to someone: offered to them while nobody holds it, or, when someone
   * does, held by them from now on (a shift ends, someone is stuck). The person in the chat sees nothing.
   */
  assign(actor: Actor, conversationId: string, staffId: unknown): Promise<void>;
  /** A supervisor's note to the person holding the conversation: in the transcript for staff, never sent to the chat. */
  whisper(actor: Actor, conversationId: string, text: unknown): Promise<void>;
  /**
   * A supervisor reads the conversation silently: nothing about it changes and nobody holding it is told.
   * Only the audit log records the reading, as it records every reading.
   */
  observe(actor: Actor, conversationId: string, afterLine?: number, observedSince?: number): Promise<ConversationDetail>;
}

/** Checks that text is a non-empty string within the limit; returns it trimmed. */
function cleanText(text: unknown, field: string): string {
  const value = typeof text === 'string' ? normalizeText(text).trim() : '';
  if (value === '') throw new StaffActionError(400, 'text_required', `${field}: required`);
  if ([...value].length > MAX_TEXT_LENGTH) throw new StaffActionError(400, 'text_too_long', `${field}: at most ${MAX_TEXT_LENGTH} characters`);
  return value;
}

/**
 * Records a reading of a conversation, once per sign-in: the first load (`afterLine` 0) always,
 * a live refresh only when this person has no such line since `since` (their sign-in).
 */
async function auditReadOnce(tx: Transaction<Database>, actor: Actor, conversationId: string, action: 'open_conversation' | 'observe_conversation', afterLine: number, since: number, at: number): Promise<void> {
  const seen =
    afterLine > 0 &&
    (await tx
      .selectFrom('staff_audit')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .where('staff_id', '=', actor.id)
      .where('action', '=', action)
      .where('at', '>=', since)
      .limit(1)
      .executeTakeFirst());
  if (!seen) await writeAudit(tx, { at, staffId: actor.id, staffEmail: actor.email, action, conversationId, ip: actor.ip });
}

/** Creates the actions over a store, the engine and the change bus. */
export function createStaffActions(options: StaffActionsOptions): StaffActions {
  const { store, engine, changes } = options;
  const now = options.now ?? Date.now;
  const isPg = store.dialect === 'postgres';

  /** Locks the conversation (PostgreSQL), checks the rules, runs `work`, writes the audit row: one transaction. */
  async function act(
    actor: Actor,
    conversationId: string,
    action: ConversationAction,
    auditAction: AuditAction,
    work: (tx: Tx, at: number) => Promise<{ result?: HandleResult; detail?: Record<string, string | number | boolean | null> }>,
  ): Promise<void> {
    const at = now();
    const outcome = await store.db.transaction().execute(async (tx) => {
      const conversation = await tx
        .selectFrom('conversations')
        .select(['status', 'held_by'])
        .where('id', '=', conversationId)
        .$if(isPg, (q) => q.forUpdate())
        .executeTakeFirst();
      if (!conversation) throw new StaffActionError(404, 'not_found');
      const refusal = refuse({ action, conversation, actor });
      if (refusal) throw new StaffActionError(refusal.status, refusal.code);
      const done = await work(tx, at);
      await writeAudit(tx, {
        at,
        staffId: actor.id,
        staffEmail: actor.email,
        action: auditAction,
        conversationId,
        ip: actor.ip,
        ...(done.detail ? { detail: done.detail } : {}),
      });
      return done;
    });
    if (outcome.result) engine.committed(outcome.result);
    else changes.publish(conversationId);
  }

  const engineAction = (type: 'takeover' | 'reply' | 'handback' | 'close') => (actor: Actor, conversationId: string, text?: string) =>
    act(actor, conversationId, type, type, async (tx, at) => {
      const result = await engine.handleIn(engineTx(tx, store), {
        type: 'staff',
        action: type,
        conversationId,
        staffId: actor.id,
        ...(text !== undefined ? { text } : {}),
        dedupeKey: `staff:${randomUUID()}`,
        at,
      });
      // The audit records that a reply was sent and how long it was, never what it said.
      return { result, ...(text !== undefined ? { detail: { length: [...text].length } } : {}) };
    });

  const takeover = engineAction('takeover');
  const reply = engineAction('reply');
  const handback = engineAction('handback');
  const close = engineAction('close');

  return {
    async assign(actor, conversationId, staffId) {
      if (typeof staffId !== 'string' || staffId === '') throw new StaffActionError(400, 'invalid_staff', 'staffId: required');
      await act(actor, conversationId, 'assign', 'assign', async (tx, at) => {
        const target = await tx.selectFrom('staff_accounts').select(['id', 'email', 'disabled']).where('id', '=', staffId).executeTakeFirst();
        if (!target || target.disabled === 1) throw new StaffActionError(400, 'invalid_staff', 'staffId: no such active account');
        const held = await tx.selectFrom('conversations').select(['held_by']).where('id', '=', conversationId).executeTakeFirstOrThrow();
        if (held.held_by) await tx.updateTable('conversations').set({ held_by: target.id, assigned_to: null, assigned_at: null }).where('id', '=', conversationId).execute();
        else await tx.updateTable('conversations').set({ assigned_to: target.id, assigned_at: at }).where('id', '=', conversationId).execute();
        await tx.insertInto('transcript').values({ conversation_id: conversationId, direction: 'event', text: `${held.held_by ? 'handed' : 'offered'} to ${target.id} by ${actor.id}`, at }).execute();
        return { detail: { to: target.id, held: held.held_by !== null } };
      });
    },
    async whisper(actor, conversationId, text) {
      const value = cleanText(text, 'text');
      await act(actor, conversationId, 'whisper', 'whisper', async (tx, at) => {
        await tx.insertInto('transcript').values({ conversation_id: conversationId, direction: 'whisper', text: `${actor.email}: ${value}`, at }).execute();
        return { detail: { length: [...value].length } };
      });
    },
    async observe(actor, conversationId, afterLine = 0, observedSince = 0) {
      const at = now();
      return store.db.transaction().execute(async (tx) => {
        const conversation = await tx.selectFrom('conversations').select(['status', 'held_by']).where('id', '=', conversationId).executeTakeFirst();
        if (!conversation) throw new StaffActionError(404, 'not_found');
        const refusal = refuse({ action: 'observe', conversation, actor });
        if (refusal) throw new StaffActionError(refusal.status, refusal.code);
        const found = await readConversation(tx, conversationId, afterLine);
        if (!found) throw new StaffActionError(404, 'not_found');
        // A live refresh is on the log once per sign-in, as with opening.
        await auditReadOnce(tx, actor, conversationId, 'observe_conversation', afterLine, observedSince, at);
        return found;
      });
    },
    async open(actor, conversationId, afterLine = 0, openedSince = 0) {
      const at = now();
      const detail = await store.db.transaction().execute(async (tx) => {
        const found = await readConversation(tx, conversationId, afterLine);
        if (!found) throw new StaffActionError(404, 'not_found');
        await auditReadOnce(tx, actor, conversationId, 'open_conversation', afterLine, openedSince, at);
        return found;
      });
      return detail;
    },
    takeover: (actor, id) => takeover(actor, id),
    reply: (actor, id, text) => reply(actor, id, cleanText(text, 'text')),
    handback: (actor, id) => handback(actor, id),
    close: (actor, id) => close(actor, id),
    async note(actor, conversationId, text) {
      const value = cleanText(text, 'text');
      await act(actor, conversationId, 'note', 'note', async (tx, at) => {
        await tx.insertInto('transcript').values({ conversation_id: conversationId, direction: 'note', text: `${actor.email}: ${value}`, at }).execute();
        return {};
      });
    },
    async setFlag(actor, conversationId, flag, on) {
      if (typeof flag !== 'string' || !(FLAGS as readonly string[]).includes(flag)) throw new StaffActionError(400, 'invalid_flag', `flag: one of ${FLAGS.join(', ')}`);
      if (typeof on !== 'boolean') throw new StaffActionError(400, 'invalid_flag', 'on: true or false');
      const column = flag as StaffFlag;
      await act(actor, conversationId, 'flag', on ? 'flag_set' : 'flag_cleared', async (tx, at) => {
        await tx.updateTable('conversations').set({ [column]: on ? 1 : 0 }).where('id', '=', conversationId).execute();
        await tx.insertInto('transcript').values({ conversation_id: conversationId, direction: 'event', text: `${on ? 'flag set' : 'flag cleared'}: ${column} by ${actor.email}`, at }).execute();
        return { detail: { flag: column } };
      });
    },
    async recordCaseStatus(actor, conversationId, input) {
      const caseNumber = typeof input.caseNumber === 'string' ? input.caseNumber.trim().toUpperCase() : '';
      const platform = typeof input.platform === 'string' ? input.platform.trim() : '';
      const status = input.status;
      if (!/^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(caseNumber)) throw new StaffActionError(400, 'invalid_case', 'caseNumber: XXXX-XXXX');
      if (platform.length < 2 || platform.length > 60) throw new StaffActionError(400, 'invalid_platform', 'platform: 2 to 60 characters');
      if (typeof status !== 'string' || !(STAFF_REPORT_STATUSES as readonly string[]).includes(status)) {
        throw new StaffActionError(400, 'invalid_status', `status: one of ${STAFF_REPORT_STATUSES.join(', ')}`);
      }
      await act(actor, conversationId, 'case_status', 'case_status', async (tx, at) => {
        const found = await tx.selectFrom('cases').select(['id']).where('case_number', '=', caseNumber).where('conversation_id', '=', conversationId).executeTakeFirst();
        if (!found) throw new StaffActionError(404, 'case_not_found');
        await recordStaffCaseReport(tx, { caseId: found.id, platform, status: status as (typeof STAFF_REPORT_STATUSES)[number], at });
        await tx.insertInto('transcript').values({ conversation_id: conversationId, direction: 'event', text: `case ${caseNumber}: ${status} at ${platform}, recorded by ${actor.email}`, at }).execute();
        return { detail: { caseNumber, platform, status } };
      });
    },
  };
}
