// The engine: one event in, its effects committed with it. Dedupe, find the conversation, apply the rules of each kind of event.

import { FLOW_VERSION } from '../../flows/intake';
import { dedupeTime, type EngineEvent, type InboundEvent, type TimeoutEvent } from '../core/events';
import type { ConversationRecord, EngineStore, EngineTx, HandedMessages } from '../core/engine-store';
import { localeStart } from '../core/locales';
import { timeOrderedId } from '../core/ids';
import type { Store } from '../store/database';
import { toEngineStore } from '../store/engine-store';
import type { Translator } from './i18n';
import { EventRun } from './effects';
import { startingSnapshot } from './flow-runner';
import { captionRisk, interpret } from './interpret';
import { describeInbound } from './transcript-lines';
import { createCommitter } from './commit';
import { formatOpening, isOpen, nextOpening } from '../core/hours';
import { COMMANDS, type FlowEvent } from '../../flows/intake';

/** What happened to one event. */
export interface HandleResult {
  /** The event's key was seen before: nothing was done. */
  duplicate: boolean;
  conversationId: string | null;
  /** Outbox rows written, so a caller can wake the delivery worker. */
  queued: number;
  /** Those rows, when they were written leased to this process's delivery, to hand to it after the commit. */
  handed?: HandedMessages;
}

/** The delivery of this process, as the engine sees it. */
export interface HandOver {
  /** The lease for messages it would take straight from a commit now, or null when it takes none. */
  lease(): number | null;
  /** Takes messages written leased to it, once their transaction committed. */
  take(handed: HandedMessages): void;
}

export interface EngineOptions {
  /** The engine's store port; a Kysely store is wrapped in it. */
  store: EngineStore | Store;
  translator: Translator;
  /** Told after every commit that queued messages for a conversation and handed none over, so delivery starts at once. */
  onQueued?: (conversationId: string | null) => void;
  /**
   * Delivery in this process: an event's messages for a conversation with nothing else waiting
   * are written leased to it and handed over after the commit, so they go without being claimed.
   */
  handOver?: HandOver;
  /** Told after every commit that changed a conversation (the staff dashboard listens). */
  onChange?: (conversationId: string) => void;
}

/** Runs the flow for events, each with all of its effects or none. */
export interface Engine {
  handle(event: EngineEvent): Promise<HandleResult>;
  /** The same inside a caller's transaction (a submission creates its case and tells the chat atomically, the inbox removes the event). */
  handleIn(tx: EngineTx, event: EngineEvent): Promise<HandleResult>;
  /** Called by the caller after its transaction commits. */
  committed(result: HandleResult): void;
}

/** A little under the shortest messaging window a platform imposes (Messenger: 24 hours). */
const HELD_AFTER_SILENCE_MS = 23 * 60 * 60_000;

const NOTHING: HandleResult = { duplicate: false, conversationId: null, queued: 0 };
const DUPLICATE: HandleResult = { duplicate: true, conversationId: null, queued: 0 };

/** Creates an engine over a store and a translator. */
export function createEngine(options: EngineOptions): Engine {
  const { translator, handOver } = options;
  const store = toEngineStore(options.store);

  async function handleIn(tx: EngineTx, event: EngineEvent): Promise<HandleResult> {
    if (event.type === 'timeout' && (await waitsForHandback(tx, event))) return NOTHING;
    let conversation: ConversationRecord | undefined;
    if (event.type === 'inbound') {
      // Someone who left gets no conversation made for them; anyone else's first message makes one.
      const newRow = event.kind === 'left' ? undefined : () => newConversation(event);
      const found = await tx.claimAndFind(event.dedupeKey, dedupeTime(event), event.channel, event.userId, newRow);
      if (!found.fresh) return DUPLICATE;
      conversation = found.conversation ?? (newRow ? await tx.createConversation(newRow()) : undefined);
    } else {
      if (!(await tx.claimKey(event.dedupeKey, dedupeTime(event)))) return DUPLICATE;
      conversation = await tx.conversationById(event.conversationId);
    }
    if (!conversation) return NOTHING;

    const run = new EventRun(tx, conversation, event.at, translator, event.type === 'inbound' ? event.trace : undefined);
    if (event.type === 'inbound') await inbound(tx, run, event);
    else if (event.type === 'staff') await staff(run, event);
    else if (event.type === 'timeout') {
      // Claimed timers are removed here, in the same transaction as their effects.
      await tx.removeDueTimer(conversation.id, event.name, event.dueAt);
      if (event.name === 'digest') await run.news();
      else await run.flow({ type: 'TIMEOUT', name: event.name, dueAt: event.dueAt, at: event.at });
    } else if (event.type === 'submitted') {
      run.note(`submitted ${event.fileCount} file(s) as case ${event.caseNumber}`);
      await run.flow({ type: 'SUBMITTED', caseNumber: event.caseNumber, ...(event.demo ? { demo: true } : {}), at: event.at });
    } else {
      await run.flow({ type: 'CASE_STATUS', key: event.key, params: { caseNumber: event.caseNumber, ...event.params }, at: event.at });
    }
    const handed = await run.save(handOver && (() => handOver.lease()));
    return { duplicate: false, conversationId: conversation.id, queued: run.queued, ...(handed ? { handed } : {}) };
  }

  /** A first message's conversation, as it is stored before the message runs through it. */
  function newConversation(event: InboundEvent): ConversationRecord {
    // The platform's hint picks the nearest offered language (said so when it is only the nearest).
    const start = localeStart(event.localeHint, translator.locales);
    return {
      id: timeOrderedId(),
      channel: event.channel,
      user_id: event.userId,
      locale: start.locale,
      snapshot: startingSnapshot(start),
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
  }

  /**
   * A timer that falls due while a person from the team holds the conversation neither speaks nor
   * moves the flow: it stays, released, and fires once the bot has the conversation back (the
   * hand-back re-asks the step and renews its deadlines, so only what is still relevant is left).
   */
  async function waitsForHandback(tx: EngineTx, event: TimeoutEvent): Promise<boolean> {
    if (!(await tx.heldBy(event.conversationId))) return false;
    await tx.releaseTimer(event.conversationId, event.name, event.dueAt);
    return true;
  }

  async function inbound(tx: EngineTx, run: EventRun, event: InboundEvent) {
    const { conversation, changes } = run;
    if (event.kind === 'left') {
      // The person blocked the bot: stop sending until they come back (any message of theirs clears this).
      changes.unreachable = 1;
      run.note('the person blocked or left the bot');
      await tx.dropUndelivered(conversation.id);
      return;
    }
    changes.last_inbound_at = event.at;
    run.useReplyToken(event.reply);
    if (conversation.status === 'closed') changes.status = 'open';
    // A message held outside a platform's 24-hour window can go now. Only a person silent for
    // about a day can have one, so the common case skips the query.
    if (event.at - (conversation.last_inbound_at ?? 0) >= HELD_AFTER_SILENCE_MS) await tx.releaseHeld(conversation.id);
    if (conversation.unreachable) changes.unreachable = 0;

    // Only a real country signal (Messenger's th_TH) is taken; the person is never asked twice.
    if (event.countryHint && !run.context.country) await run.flow({ type: 'COUNTRY', country: event.countryHint, at: event.at });
    const flowEvent = await withHours(tx, leftMessage(event, interpret(event, run.context, translator), run.context.leavingMessage === true), run.context.locale);
    const caption = captionRisk(event, run.context.locale);
    const riskKind = flowEvent.type === 'RISK' ? flowEvent.kind : (caption ?? undefined);
    // Staff see which line raised the alarm, and why.
    run.transcript('in', describeInbound(event, (id) => translator.t(run.context.locale, `choice.${id}`)), riskKind ?? null);
    if (caption && !conversation.held_by) await run.flow({ type: 'RISK', kind: caption, at: event.at });
    if (riskKind) {
      // A person holding the conversation keeps the bot silent, but danger still raises the flag.
      run.needsPerson();
      changes.urgent = 1;
      changes.urgent_reason = riskKind;
    }
    if (conversation.held_by) return;
    await run.flow(flowEvent);
  }

  async function staff(run: EventRun, event: Extract<EngineEvent, { type: 'staff' }>) {
    const { changes } = run;
    switch (event.action) {
      case 'takeover':
        changes.held_by = event.staffId;
        changes.assigned_to = null;
        changes.alerted_at = null;
        changes.human = 0;
        run.note(`taken over by ${event.staffId}`);
        run.send(translator.render({ key: 'human.joined' }, run.context.locale), 'out');
        break;
      case 'reply':
        if (!run.conversation.first_reply_at && run.conversation.human_requested_at) {
          changes.first_reply_at = event.at;
          changes.reply_need = (['urgent', 'under13', 'sextortion', 'human'] as const).find((flag) => run.conversation[flag] === 1) ?? 'human';
        }
        run.send({ text: event.text ?? '', choices: [], fromStaff: true }, 'staff');
        break;
      case 'handback':
        changes.held_by = null;
        changes.assigned_to = null;
        run.note(`handed back by ${event.staffId}`);
        await run.flow({ type: 'HANDBACK', at: event.at });
        break;
      case 'close':
        changes.held_by = null;
        changes.status = 'closed';
        changes.human = 0;
        changes.urgent = 0;
        changes.urgent_reason = null;
        changes.assigned_to = null;
        changes.alerted_at = null;
        changes.message_left_at = null;
        run.note(`closed by ${event.staffId}`);
        break;
    }
  }

  /**
   * Out of hours, the words after "you can leave a message" are that message, whatever they look like; danger
   * and commands still act as always, and a pressed button is a button.
   */
  function leftMessage(event: InboundEvent, flowEvent: FlowEvent, leaving: boolean): FlowEvent {
    if (!leaving || event.kind !== 'text' || flowEvent.type === 'RISK') return flowEvent;
    if (flowEvent.type === 'CHOICE' && (COMMANDS as readonly string[]).includes(flowEvent.id)) return flowEvent;
    return { type: 'MESSAGE_LEFT', at: event.at };
  }

  /** A request for a person off shift carries when the team is back, in the person's language and the helpline's time. */
  async function withHours(tx: EngineTx, flowEvent: FlowEvent, locale: string | null): Promise<FlowEvent> {
    if (flowEvent.type !== 'CHOICE' || (flowEvent.id !== 'human' && flowEvent.id !== 'crisis:person')) return flowEvent;
    // Read in the event's transaction, so an admin's change holds at once on every instance.
    const hours = await tx.openingHours();
    if (!hours || isOpen(hours, flowEvent.at)) return flowEvent;
    const back = nextOpening(hours, flowEvent.at);
    return { ...flowEvent, away: { back: back === null ? '' : formatOpening(back, hours.timeZone, locale) } };
  }

  function committed(result: HandleResult) {
    if (result.handed && handOver) handOver.take(result.handed);
    else if (result.queued > 0) options.onQueued?.(result.conversationId);
    if (result.conversationId) options.onChange?.(result.conversationId);
  }

  const committer = createCommitter(store, handleIn, committed);

  return { handleIn, committed, handle: (event) => committer.submit(event) };
}
