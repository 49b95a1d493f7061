// Inbound events: what every channel turns its platform payloads into, and what the engine consumes.

/** Channels Reclaim can talk through. `console` is the local simulator (terminal and browser). */
export type ChannelName = 'telegram' | 'line' | 'messenger' | 'console';

/**
 * What kind of thing the person sent. Media is never downloaded; only its arrival is recorded.
 * `left` is the platform telling us the person blocked or left the bot: nothing more is sent.
 */
export type InboundKind = 'text' | 'choice' | 'media' | 'unsupported' | 'start' | 'left';

/**
 * One normalised message from a person on a channel.
 * `dedupeKey` is unique per platform event (Telegram update_id, LINE webhookEventId, Messenger mid),
 * so a redelivered event is processed once.
 */
export interface InboundEvent {
  type: 'inbound';
  channel: ChannelName;
  /** The platform's id for the person (chat id, LINE userId, PSID). Never shown in full to staff. */
  userId: string;
  dedupeKey: string;
  kind: InboundKind;
  /** Message text, when kind is text. Never logged. */
  text?: string;
  /** Choice id from a button payload, when kind is choice. */
  choiceId?: string;
  /** BCP 47 tag the platform offered (Telegram language_code, LINE profile, Messenger locale). */
  localeHint?: string;
  /** Milliseconds since the epoch, when the platform says it happened (or when we received it). */
  at: number;
  /** Channel-specific delivery hints kept with outgoing replies (e.g. a LINE reply token). */
  reply?: { token: string; expiresAt: number };
}

/** A submission of hashes made on the person's device arrived for their conversation. */
export interface SubmittedEvent {
  type: 'submitted';
  conversationId: string;
  caseNumber: string;
  fileCount: number;
  /** The case came from the public demo: it is never shared, and the confirmation says so. */
  demo?: boolean;
  dedupeKey: string;
  at: number;
}

/** A durable timer fell due. `dueAt` identifies which scheduling of the timer it was. */
export interface TimeoutEvent {
  type: 'timeout';
  conversationId: string;
  name: TimerName;
  dueAt: number;
  dedupeKey: string;
  at: number;
}

/** A staff action on a conversation. */
export interface StaffEvent {
  type: 'staff';
  conversationId: string;
  action: 'takeover' | 'handback' | 'reply' | 'close';
  staffId: string;
  text?: string;
  dedupeKey: string;
  at: number;
}

/** A case's status changed (shared with platforms, matched, removed, withdrawn). */
export interface CaseStatusEvent {
  type: 'case_status';
  conversationId: string;
  caseNumber: string;
  /** i18n key describing the change, e.g. `status.removed`. */
  key: string;
  params?: Record<string, string | number>;
  dedupeKey: string;
  at: number;
}

/** Everything the engine can be asked to handle. */
export type EngineEvent = InboundEvent | SubmittedEvent | TimeoutEvent | StaffEvent | CaseStatusEvent;

/** Durable timers a conversation can hold, one of each at a time. `digest` gathers case news told together. */
export type TimerName = 'reminder' | 'link_expiry' | 'idle' | 'digest';
