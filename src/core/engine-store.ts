// The store port of the engine: every read and write one event needs, with nothing about SQL in it.

import type { TimerName } from './events';
import type { HelplineHours } from './hours';

/** A conversation as the engine reads it. */
export interface ConversationRecord {
  id: string;
  channel: string;
  user_id: string;
  locale: string | null;
  snapshot: string;
  flow_version: number;
  step: string;
  urgent: number;
  under13: number;
  sextortion: number;
  human: number;
  unreachable: number;
  held_by: string | null;
  status: string;
  last_inbound_at: number | null;
  created_at: number;
  updated_at: number;
  urgent_reason?: string | null;
  /** Where the person lives (ISO code, `ZZ` for elsewhere or not said), once known. */
  country?: string | null;
  /** The agent a waiting conversation is offered to. */
  assigned_to?: string | null;
  assigned_at?: number | null;
  /** When a person was first asked for (or danger raised the flag); reports measure the first reply from it. */
  human_requested_at?: number | null;
  first_reply_at?: number | null;
  /** The need the first reply answered: urgent, under13, sextortion or human. */
  reply_need?: string | null;
  /** 1 once the hashing link was sent. */
  reached_link?: number | null;
  /** When the person left a message out of hours. */
  message_left_at?: number | null;
  alerted_at?: number | null;
}

/** What one event changes on its conversation. */
export type ConversationChanges = Partial<Omit<ConversationRecord, 'id' | 'channel' | 'user_id' | 'created_at'>>;

/** A line of the transcript staff read. */
export interface TranscriptLine {
  conversation_id: string;
  direction: string;
  text: string;
  at: number;
  marker: string | null;
}

/** A message queued for delivery. */
export interface QueuedMessage {
  conversation_id: string;
  channel: string;
  user_id: string;
  /** The rendered message, as JSON. */
  message: string;
  reply_token: string | null;
  reply_expires_at: number | null;
  created_at: number;
}

/** A case with the latest report of each platform on it, for the `status` answer. */
export interface CaseSummary {
  caseNumber: string;
  status: string;
  createdAt: number;
  feedback: { platform: string; status: string; at: number }[];
}

/** One piece of case news for the person: a status key and its parameters. */
export interface NewsItem {
  key: string;
  params: Record<string, string | number>;
  at: number;
}

/** Everything written at the end of one event, in one go. */
/** A timer set (`dueAt`) or cancelled (`null`) by an event: the last word of the event per timer. */
export interface TimerWrite {
  conversationId: string;
  name: TimerName;
  dueAt: number | null;
}

export interface EventWrites {
  transcript: TranscriptLine[];
  outbox: QueuedMessage[];
  /**
   * The queued messages are written already leased until this time to the delivery of this
   * process, which sends them straight after the commit instead of claiming them (see
   * `HandedMessages`); `write` then returns their ids, in the order given.
   */
  lease?: number;
  /** Applied after the rest of the event's reads; an erased conversation has none. */
  timers?: TimerWrite[];
  /** Absent when the conversation was erased. */
  conversation?: { id: string; changes: ConversationChanges };
}

/** What a send needs of the conversation a message goes to. */
export interface Recipient {
  id: string;
  locale: string | null;
  last_inbound_at: number | null;
  unreachable: number;
}

/**
 * Messages an event queued for a conversation with nothing else waiting, written leased to this
 * process's delivery: handed to it after the commit, they go without a claim (a write and a
 * commit of its own) and without reading their conversation again. If the process dies first,
 * the lease runs out and any instance's claim sends them, as it would a claim left behind.
 */
export interface HandedMessages {
  /** The messages as stored, with their ids, in queue order. */
  rows: (QueuedMessage & { id: number })[];
  /** The `lease_until` they were written with: the delivery's proof that they are still its own. */
  lease: number;
  /** Their conversation as the event left it. */
  recipient: Recipient;
}

/** The engine's view of one open transaction. */
export interface EngineTx {
  /** Records an event's (hashed) key; false when it was seen before. */
  claimKey(key: string, at: number): Promise<boolean>;
  /** Who from the team holds the conversation, locking it for the event; undefined when it is gone. */
  heldBy(conversationId: string): Promise<string | null | undefined>;
  /** The conversation, locked for this event. */
  conversationById(id: string): Promise<ConversationRecord | undefined>;
  conversationByUser(channel: string, userId: string): Promise<ConversationRecord | undefined>;
  /**
   * `claimKey` and then, for a new key, `conversationByUser`: what every message does first. With
   * `newRow`, a person who has no conversation gets one made from it; the conversation is still
   * undefined if a racing first message made theirs meanwhile (`createConversation` settles that).
   * On PostgreSQL one statement (one round trip) does all of it.
   */
  claimAndFind(
    key: string,
    at: number,
    channel: string,
    userId: string,
    newRow?: () => ConversationRecord,
  ): Promise<{ fresh: boolean; conversation: ConversationRecord | undefined }>;
  /** Creates the conversation, or returns the one a racing first message created. */
  createConversation(row: ConversationRecord): Promise<ConversationRecord>;
  scheduleTimer(conversationId: string, name: TimerName, dueAt: number): Promise<void>;
  cancelTimer(conversationId: string, name: TimerName): Promise<void>;
  /** Removes a timer that fell due (it is carried out with this event). */
  removeDueTimer(conversationId: string, name: string, dueAt: number): Promise<void>;
  /** Leaves a due timer for later: its lease is released. */
  releaseTimer(conversationId: string, name: string, dueAt: number): Promise<void>;
  /** Whether any message of the conversation is waiting (to be sent, or held): a new one queues behind it. */
  hasWaiting(conversationId: string): Promise<boolean>;
  /** The person left: nothing waiting for them is sent. */
  dropUndelivered(conversationId: string): Promise<void>;
  /** Messages held outside a platform's messaging window may go now. */
  releaseHeld(conversationId: string): Promise<void>;
  /** The person's cases, newest first, each with the latest report of each platform: one round trip. */
  casesWithFeedback(conversationId: string): Promise<CaseSummary[]>;
  withdrawCase(conversationId: string, caseNumber: string, at: number): Promise<void>;
  /** The platforms taking part now, by their display names. */
  participatingPlatforms(): Promise<string[]>;
  /** Takes the case news not told yet. */
  takeNews(conversationId: string): Promise<NewsItem[]>;
  /** Erases the conversation and all of the person's traces; their cases stay, anonymous. */
  erase(conversationId: string, at: number): Promise<void>;
  /** Writes what an event did; the ids of its queued messages when they were written leased (`writes.lease`), else none. */
  write(writes: EventWrites): Promise<number[]>;
  /** The helpline's operating hours as an admin set them; null when none are set (always open). */
  openingHours(): Promise<HelplineHours | null>;
  /** Runs `work` so that, if it throws, everything it wrote is undone and the rest of the transaction stays. */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

/** Opens engine transactions. */
export interface EngineStore {
  /** True when one writer at a time commits (SQLite): events are then committed together in batches. */
  readonly singleWriter: boolean;
  transaction<T>(work: (tx: EngineTx) => Promise<T>): Promise<T>;
}
