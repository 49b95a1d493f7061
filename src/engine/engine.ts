// The engine: one event in, one transaction out. Restore the snapshot, run the flow, persist what it said.

import { createHash, randomUUID } from 'node:crypto';
import { createActor } from 'xstate';
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  FLOW_VERSION,
  intakeMachine,
  offeredChoices,
  shownChoices,
  typedLanguageChoice,
  type Effect,
  type FlowContext,
  type FlowEvent,
} from '../../flows/intake';
import { dedupeTime, type EngineEvent, type InboundEvent, type TimeoutEvent } from '../core/events';
import type { RenderedMessage } from '../core/messages';
import { localeStart } from '../core/locales';
import { detectRisk } from '../core/risk';
import { renderContacts } from '../core/contacts/render';
import { toFlowEvent, understand } from '../understand';
import type { Database, ConversationRow } from '../store/schema';
import type { Store } from '../store/database';
import type { Translator } from './i18n';
import { FlowError } from '../core/errors';
import { currentTrace } from './logger';
import { latestFeedback, setCaseStatus, takeNews } from './cases';

type Tx = Transaction<Database> | Kysely<Database>;

/** What happened to one event. */
export interface HandleResult {
  /** The event's key was seen before: nothing was done. */
  duplicate: boolean;
  conversationId: string | null;
  /** Outbox rows written, so a caller can wake the delivery worker. */
  queued: number;
}

export interface EngineOptions {
  store: Store;
  translator: Translator;
  /** Told after every commit that queued messages, so delivery starts at once. */
  onQueued?: () => void;
  /** Told after every commit that changed a conversation (the staff dashboard listens). */
  onChange?: (conversationId: string) => void;
}

/** Runs the flow for events, each in one store transaction. */
export interface Engine {
  handle(event: EngineEvent): Promise<HandleResult>;
  /** The same inside a caller's transaction (a submission creates its case and tells the chat atomically). */
  handleIn(tx: Tx, event: EngineEvent): Promise<HandleResult>;
  /** Called by the caller after its transaction commits. */
  committed(result: HandleResult): void;
}

/** A little under the shortest messaging window a platform imposes (Messenger: 24 hours). */
const HELD_AFTER_SILENCE_MS = 23 * 60 * 60_000;

/** Most events one SQLite transaction carries. */
const MAX_BATCH = 64;

const FLAG_COLUMNS = { urgent: 'urgent', under13: 'under13', sextortion: 'sextortion', human: 'human' } as const;

/** Creates an engine over a store and a translator. */
export function createEngine(options: EngineOptions): Engine {
  const { store, translator } = options;
  const isPg = store.dialect === 'postgres';

  async function handleIn(tx: Tx, event: EngineEvent): Promise<HandleResult> {
    if (event.type === 'timeout' && (await waitsForHandback(tx, event))) return { duplicate: false, conversationId: null, queued: 0 };
    // Keys are stored hashed: some platforms' keys embed the person's id, and erasure must leave nothing of them.
    const inserted = await tx
      .insertInto('processed_events')
      .values({ key: createHash('sha256').update(event.dedupeKey).digest('base64url'), at: dedupeTime(event) })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    if (inserted.length === 0) return { duplicate: true, conversationId: null, queued: 0 };

    const conversation =
      event.type !== 'inbound'
        ? await lockById(tx, event.conversationId)
        : event.kind === 'left'
          ? await lockByUser(tx, event.channel, event.userId)
          : await findOrCreate(tx, event);
    if (!conversation) return { duplicate: false, conversationId: null, queued: 0 };

    const run = new Run(tx, conversation, event.at);
    if (event.type === 'inbound') await run.inbound(event);
    else if (event.type === 'staff') await run.staff(event);
    else if (event.type === 'timeout') {
      // Claimed timers are removed here, in the same transaction as their effects.
      await tx.deleteFrom('timers').where('conversation_id', '=', conversation.id).where('name', '=', event.name).where('due_at', '=', event.dueAt).execute();
      if (event.name === 'digest') await run.news();
      else await run.flow({ type: 'TIMEOUT', name: event.name, dueAt: event.dueAt, at: event.at });
    } else if (event.type === 'submitted') {
      run.note(`submitted ${event.fileCount} file(s) as case ${event.caseNumber}`);
      await run.flow({ type: 'SUBMITTED', caseNumber: event.caseNumber, ...(event.demo ? { demo: true } : {}), at: event.at });
    } else {
      await run.flow({ type: 'CASE_STATUS', key: event.key, params: { caseNumber: event.caseNumber, ...event.params }, at: event.at });
    }
    await run.save();
    return { duplicate: false, conversationId: conversation.id, queued: run.queued };
  }

  async function findOrCreate(tx: Tx, event: InboundEvent): Promise<ConversationRow> {
    const existing = await lockByUser(tx, event.channel, event.userId);
    if (existing) return existing;
    const start = localeStart(event.localeHint, translator.locales);
    const locale = start.locale;
    const actor = createActor(intakeMachine, { input: start });
    actor.start();
    const row = {
      id: randomUUID(),
      channel: event.channel,
      user_id: event.userId,
      locale,
      snapshot: JSON.stringify(actor.getPersistedSnapshot()),
      flow_version: FLOW_VERSION,
      step: 'new',
      urgent: 0,
      under13: 0,
      sextortion: 0,
      human: 0,
      unreachable: 0,
      held_by: null,
      status: 'open',
      last_inbound_at: event.at,
      created_at: event.at,
      updated_at: event.at,
    };
    actor.stop();
    // Two first messages racing on PostgreSQL: the loser finds the winner's row after the conflict.
    const [inserted] = await tx.insertInto('conversations').values(row).onConflict((oc) => oc.columns(['channel', 'user_id']).doNothing()).returningAll().execute();
    if (inserted) return inserted;
    const created = await lockByUser(tx, event.channel, event.userId);
    if (!created) throw new FlowError('conversation vanished while being created');
    return created;
  }

  /**
   * A timer that falls due while a person from the team holds the conversation neither speaks nor
   * moves the flow: it stays, released, and fires once the bot has the conversation back (the
   * hand-back re-asks the step and renews its deadlines, so only what is still relevant is left).
   */
  async function waitsForHandback(tx: Tx, event: TimeoutEvent): Promise<boolean> {
    const row = await tx.selectFrom('conversations').select('held_by').where('id', '=', event.conversationId).$if(isPg, (q) => q.forUpdate()).executeTakeFirst();
    if (!row?.held_by) return false;
    await tx.updateTable('timers').set({ lease_until: null }).where('conversation_id', '=', event.conversationId).where('name', '=', event.name).where('due_at', '=', event.dueAt).execute();
    return true;
  }

  function lockByUser(tx: Tx, channel: string, userId: string) {
    return tx
      .selectFrom('conversations')
      .selectAll()
      .where('channel', '=', channel)
      .where('user_id', '=', userId)
      .$if(isPg, (q) => q.forUpdate())
      .executeTakeFirst();
  }

  function lockById(tx: Tx, id: string) {
    return tx.selectFrom('conversations').selectAll().where('id', '=', id).$if(isPg, (q) => q.forUpdate()).executeTakeFirst();
  }

  /** The work of one event on one conversation. */
  class Run {
    queued = 0;
    /** One actor per event: restored from the row, sent the event, persisted, stopped. */
    private actor: ReturnType<typeof restore>;
    private said = 0;
    /** Written in two multi-row inserts when the event is saved. */
    private transcriptRows: { conversation_id: string; direction: string; text: string; at: number; marker: string | null }[] = [];
    private outboxRows: ReturnType<typeof outboxRow>[] = [];
    private changes: Partial<ConversationRow> = {};
    private erased = false;
    private replyToken: { token: string; expiresAt: number } | undefined;

    constructor(
      private tx: Tx,
      private conversation: ConversationRow,
      private at: number,
    ) {
      this.actor = restore(conversation);
    }

    get context(): FlowContext {
      return this.actor.getSnapshot().context;
    }

    async inbound(event: InboundEvent) {
      if (event.kind === 'left') {
        // The person blocked the bot: stop sending until they come back (any message of theirs clears this).
        this.changes.unreachable = 1;
        this.note('the person blocked or left the bot');
        await this.tx.updateTable('outbox').set({ status: 'failed', last_error: 'person left' }).where('conversation_id', '=', this.conversation.id).where('status', 'in', ['pending', 'held']).execute();
        return;
      }
      this.changes.last_inbound_at = event.at;
      this.replyToken = event.reply;
      if (this.conversation.status === 'closed') this.changes.status = 'open';
      // A message held outside a platform's 24-hour window can go now. Only a person silent for
      // about a day can have one, so the common case skips the query.
      const silentFor = event.at - (this.conversation.last_inbound_at ?? 0);
      if (silentFor >= HELD_AFTER_SILENCE_MS) {
        await this.tx
          .updateTable('outbox')
          .set({ status: 'pending', next_attempt_at: 0 })
          .where('conversation_id', '=', this.conversation.id)
          .where('status', '=', 'held')
          .execute();
      }
      if (this.conversation.unreachable) this.changes.unreachable = 0;

      // Only a real country signal (Messenger's th_TH) is taken; the person is never asked twice.
      if (event.countryHint && !this.context.country) await this.flow({ type: 'COUNTRY', country: event.countryHint, at: event.at });
      const flowEvent = this.interpret(event);
      // Words sent with a photo (a caption) are checked for danger like any message.
      const captionRisk = event.kind === 'media' && event.text !== undefined ? detectRisk(event.text, this.context.locale) : null;
      const riskKind = flowEvent.type === 'RISK' ? flowEvent.kind : captionRisk?.kind;
      // Staff see which line raised the alarm, and why.
      this.transcript('in', describeInbound(event, (id) => translator.t(this.context.locale, `choice.${id}`)), riskKind ?? null);
      if (captionRisk && !this.conversation.held_by) await this.flow({ type: 'RISK', kind: captionRisk.kind, at: event.at });
      if (riskKind) {
        // A person holding the conversation keeps the bot silent, but danger still raises the flag.
        this.changes.urgent = 1;
        this.changes.urgent_reason = riskKind;
      }
      if (this.conversation.held_by) return;
      await this.flow(flowEvent);
    }

    private interpret(event: InboundEvent): FlowEvent {
      const at = event.at;
      switch (event.kind) {
        case 'media':
          return { type: 'MEDIA', at };
        case 'unsupported':
          return { type: 'UNSUPPORTED', at };
        case 'choice':
          return { type: 'CHOICE', id: event.choiceId ?? '', at };
        case 'start':
        case 'left':
          return { type: 'TEXT', at };
        case 'text': {
          const text = event.text ?? '';
          const risk = detectRisk(text, this.context.locale);
          if (risk) return { type: 'RISK', kind: risk.kind, at };
          // At the language step a language named in any script picks it ("ไทย", "vietnamese", "vi").
          const language = typedLanguageChoice(this.context, text);
          if (language) return { type: 'CHOICE', id: language, at };
          // Labels, numbers and ids choose as before; then typed answers in any language (src/understand).
          const choices = shownChoices(this.context);
          return toFlowEvent(understand(text, { choices, words: translator.choiceWords([...new Set([...choices, ...offeredChoices(this.context)])]) }), text, at);
        }
      }
    }

    async staff(event: Extract<EngineEvent, { type: 'staff' }>) {
      switch (event.action) {
        case 'takeover':
          this.changes.held_by = event.staffId;
          this.changes.human = 0;
          this.note(`taken over by ${event.staffId}`);
          await this.send(translator.render({ key: 'human.joined' }, this.context.locale), 'out');
          break;
        case 'reply':
          await this.send({ text: event.text ?? '', choices: [], fromStaff: true }, 'staff');
          break;
        case 'handback':
          this.changes.held_by = null;
          this.note(`handed back by ${event.staffId}`);
          await this.flow({ type: 'HANDBACK', at: event.at });
          break;
        case 'close':
          this.changes.held_by = null;
          this.changes.status = 'closed';
          this.changes.human = 0;
          this.changes.urgent = 0;
          this.changes.urgent_reason = null;
          this.note(`closed by ${event.staffId}`);
          break;
      }
    }

    async flow(event: FlowEvent) {
      this.actor.send(event);
      const effects = this.context.out.slice(this.said);
      this.said += effects.length;
      for (const effect of effects) await this.apply(effect);
    }

    private async apply(effect: Effect) {
      const id = this.conversation.id;
      switch (effect.type) {
        case 'say': {
          // Contacts come from the directory, for the person's country, in the person's words.
          const locale = this.context.locale;
          const intent = effect.contacts
            ? { ...effect, params: { ...effect.params, contacts: renderContacts(translator.t, locale, this.context.country, effect.contacts) } }
            : effect;
          await this.send(translator.render(intent, locale), 'out');
          return;
        }
        case 'flag':
          this.changes[FLAG_COLUMNS[effect.flag]] = 1;
          if (effect.reason) this.changes.urgent_reason = effect.reason;
          return;
        case 'schedule':
          await this.tx
            .insertInto('timers')
            .values({ conversation_id: id, name: effect.name, due_at: effect.at, lease_until: null })
            .onConflict((oc) => oc.columns(['conversation_id', 'name']).doUpdateSet({ due_at: effect.at, lease_until: null }))
            .execute();
          return;
        case 'cancel':
          await this.tx.deleteFrom('timers').where('conversation_id', '=', id).where('name', '=', effect.name).execute();
          return;
        case 'status':
          await this.send(await this.statusMessage(), 'out');
          return;
        case 'withdraw': {
          const found = await this.tx.selectFrom('cases').select('id').where('case_number', '=', effect.caseNumber).where('conversation_id', '=', id).executeTakeFirst();
          if (found) await setCaseStatus(this.tx, store.dialect, found.id, 'withdrawn', this.at, 'person');
          this.note(`withdrew case ${effect.caseNumber}`);
          return;
        }
        case 'erase':
          await this.erase();
          return;
      }
    }

    /** Case news gathered by the digest timer, told in one message. */
    async news() {
      const locale = this.context.locale;
      const news = await takeNews(this.tx, this.conversation.id);
      if (news.length === 0) return;
      const lines = news.map((n) => '• ' + translator.t(locale, n.key, { ...n.params, date: formatDate(n.at, locale) }));
      await this.flow({ type: 'CASE_STATUS', key: 'status.digest', params: { lines: lines.join('\n') }, at: this.at });
    }

    private async statusMessage(): Promise<RenderedMessage> {
      const locale = this.context.locale;
      const cases = await this.tx
        .selectFrom('cases')
        .select(['id', 'case_number', 'status', 'created_at'])
        .where('conversation_id', '=', this.conversation.id)
        .orderBy('created_at', 'desc')
        .orderBy('case_number', 'desc')
        .execute();
      if (cases.length === 0) return translator.render({ key: 'status.none', choices: ['human'] }, locale);
      const lines: string[] = [];
      for (const c of cases) {
        lines.push(
          translator.t(locale, 'status.case', {
            caseNumber: c.case_number,
            date: formatDate(c.created_at, locale),
            state: translator.t(locale, `status.state_${c.status}`),
          }),
        );
        for (const f of await latestFeedback(this.tx, c.id)) {
          const key = f.status === 'pending_review' ? 'status.matched' : `status.${f.status}`;
          lines.push('  • ' + translator.t(locale, key, { caseNumber: c.case_number, platform: f.platform, date: formatDate(f.at, locale) }));
        }
      }
      const rendered = translator.render({ key: 'status.header', choices: ['handoff:new_link', 'human'] }, locale);
      return { ...rendered, text: [rendered.text, ...lines].join('\n') };
    }

    /** Erases the person: conversation, transcript, messages, timers, links. Their cases stay, anonymous. */
    private async erase() {
      const id = this.conversation.id;
      this.erased = true;
      this.transcriptRows = [];
      this.outboxRows = [];
      this.queued = 0;
      await this.tx.updateTable('cases').set({ conversation_id: null, updated_at: this.at }).where('conversation_id', '=', id).execute();
      for (const table of ['transcript', 'outbox', 'timers', 'handoff_tokens'] as const) {
        await this.tx.deleteFrom(table).where('conversation_id', '=', id).execute();
      }
      await this.tx.deleteFrom('conversations').where('id', '=', id).execute();
      // The farewell goes out after erasure, addressed directly: it is the last thing we hold of them.
      this.outboxRows.push(outboxRow(this.conversation, translator.render({ key: 'delete.done' }, this.context.locale), this.at, undefined));
      this.queued++;
    }

    async send(message: RenderedMessage, direction: 'out' | 'staff') {
      this.transcript(direction, describeOutbound(message));
      // A LINE reply token serves the first reply message of this event only.
      const reply = this.replyToken;
      this.replyToken = undefined;
      this.outboxRows.push(outboxRow(this.conversation, message, this.at, reply));
      this.queued++;
    }

    /** Queues a transcript line; written with the others when the event is saved. */
    transcript(direction: string, text: string, marker: string | null = null) {
      this.transcriptRows.push({ conversation_id: this.conversation.id, direction, text, at: this.at, marker });
    }

    note(text: string) {
      this.transcript('event', text);
    }

    async save() {
      const snapshot = this.actor.getSnapshot();
      const persisted = snapshot.status === 'active' ? (this.actor.getPersistedSnapshot() as unknown as { context: FlowContext }) : null;
      this.actor.stop();
      if (this.transcriptRows.length > 0) await this.tx.insertInto('transcript').values(this.transcriptRows).execute();
      if (this.outboxRows.length > 0) await this.tx.insertInto('outbox').values(this.outboxRows).execute();
      if (this.erased) return;
      // Effects were carried out in this transaction; the stored snapshot never carries them.
      if (persisted) persisted.context = { ...persisted.context, out: [] };
      await this.tx
        .updateTable('conversations')
        .set({
          ...this.changes,
          ...(persisted ? { snapshot: JSON.stringify(persisted), flow_version: FLOW_VERSION } : {}),
          locale: this.context.locale,
          step: this.context.step,
          country: this.context.country ?? null,
          updated_at: this.at,
        })
        .where('id', '=', this.conversation.id)
        .execute();
    }
  }

  function committed(result: HandleResult) {
    if (result.queued > 0) options.onQueued?.();
    if (result.conversationId) options.onChange?.(result.conversationId);
  }

  /**
   * SQLite has one writer, and a commit costs more than the event itself. Events that arrive
   * while a commit is under way are processed together in the next transaction, each inside its
   * own savepoint: a failing event rolls back alone, and every caller is answered only after the
   * commit that holds its event (group commit). PostgreSQL runs events side by side instead.
   */
  const pending: { event: EngineEvent; resolve: (r: HandleResult) => void; reject: (e: unknown) => void }[] = [];
  let writing = false;

  async function writeBatches() {
    writing = true;
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, MAX_BATCH);
        if (batch.length === 1) {
          const [only] = batch;
          try {
            const result = await store.db.transaction().execute((tx) => handleIn(tx, only!.event));
            committed(result);
            only!.resolve(result);
          } catch (error) {
            only!.reject(error);
          }
          continue;
        }
        const done: { item: (typeof batch)[number]; result: HandleResult }[] = [];
        const trx = await store.db.startTransaction().execute();
        try {
          for (const [i, item] of batch.entries()) {
            await sql`savepoint ${sql.raw(`e${i}`)}`.execute(trx);
            try {
              done.push({ item, result: await handleIn(trx, item.event) });
              await sql`release savepoint ${sql.raw(`e${i}`)}`.execute(trx);
            } catch (error) {
              await sql`rollback to savepoint ${sql.raw(`e${i}`)}`.execute(trx);
              item.reject(error);
            }
          }
          await trx.commit().execute();
        } catch (error) {
          await trx.rollback().execute().catch(() => undefined);
          for (const { item } of done) item.reject(error);
          continue;
        }
        for (const { item, result } of done) {
          committed(result);
          item.resolve(result);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    handleIn,
    committed,
    async handle(event) {
      if (store.dialect !== 'sqlite') {
        const result = await store.db.transaction().execute((tx) => handleIn(tx, event));
        committed(result);
        return result;
      }
      return new Promise<HandleResult>((resolve, reject) => {
        pending.push({ event, resolve, reject });
        if (!writing) void writeBatches();
      });
    },
  };
}

/** Restores a conversation's flow; a snapshot of another flow version restarts at welcome, keeping language and cases. */
function restore(conversation: ConversationRow) {
  let persisted: { context?: Partial<FlowContext> } | null = null;
  try {
    persisted = JSON.parse(conversation.snapshot);
  } catch {
    persisted = null;
  }
  const actor =
    conversation.flow_version === FLOW_VERSION && persisted
      ? createActor(intakeMachine, { snapshot: persisted as never, input: {} })
      : createActor(intakeMachine, {
          input: { locale: conversation.locale, cases: Array.isArray(persisted?.context?.cases) ? persisted.context.cases : [] },
        });
  actor.start();
  return actor;
}

function outboxRow(conversation: ConversationRow, message: RenderedMessage, at: number, reply: { token: string; expiresAt: number } | undefined) {
  return {
    conversation_id: conversation.id,
    channel: conversation.channel,
    user_id: conversation.user_id,
    message: JSON.stringify({ ...message, locale: undefined, trace: currentTrace() }),
    status: 'pending',
    attempts: 0,
    // Due at once, whatever the clock of the instance that delivers it says.
    next_attempt_at: 0,
    lease_until: null,
    reply_token: reply?.token ?? null,
    reply_expires_at: reply?.expiresAt ?? null,
    last_error: null,
    created_at: at,
    sent_at: null,
  };
}

/** What the transcript keeps of an inbound event: text as written; media only as a fact. */
function describeInbound(event: InboundEvent, label: (id: string) => string): string {
  switch (event.kind) {
    case 'text':
      return event.text ?? '';
    case 'choice':
      // Staff read the label the person tapped; the id stays for anyone tracing the flow.
      return `[${label(event.choiceId ?? '')}] (${event.choiceId ?? ''})`;
    case 'media':
      return event.text ? `[media received and not kept] ${event.text}` : '[media received and not kept]';
    case 'unsupported':
      return '[sticker, voice, location or file: not kept]';
    case 'start':
      return '[started]';
    case 'left':
      return '[left]';
  }
}

function describeOutbound(message: RenderedMessage): string {
  const parts = [message.text];
  if (message.link) parts.push(`[${message.link.label}: single-use link]`);
  if (message.choices.length) parts.push(message.choices.map((c) => `[${c.label}]`).join(' '));
  return parts.join('\n');
}

function formatDate(at: number, locale: string | null): string {
  return new Intl.DateTimeFormat(locale ?? 'en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}
