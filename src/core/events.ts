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
  /** ISO 3166 country, only where the platform really says where the person is (Messenger's `th_TH`). */
  countryHint?: string;
  /** Milliseconds since the epoch, when the platform says it happened (checked to be believable), or when we received it. */
  at: number;
  /**
   * When it reached us, by our own clock. The dedupe key ages from this, not from the platform's
   * timestamp, so a body signed long ago and replayed is still recognised after a purge.
   */
  receivedAt?: number;
  /** Channel-specific delivery hints kept with outgoing replies (e.g. a LINE reply token). */
  reply?: { token: string; expiresAt: number };
  /** Follows the event through the logs, from webhook to reply; the inbox sets it from the dedupe key (see `traceFor`). */
  trace?: string;
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

/**
 * Platform events older than this are acknowledged and skipped. It stays well inside the week that
 * retention keeps dedupe keys, so a captured signed body replayed after its key was purged is
 * refused by its age instead; platforms stop redelivering long before (LINE and Meta: hours).
 */
export const MAX_EVENT_AGE_MS = 3 * 24 * 60 * 60_000;
/** Platform clocks may run a little ahead of ours; an event from further in the future is not believable. */
export const MAX_EVENT_SKEW_MS = 10 * 60_000;

/** True when a platform timestamp (epoch milliseconds) is a whole number within the believable window around `receivedAt`. */
export function isPlausibleEventTime(timestamp: number, receivedAt: number): boolean {
  return Number.isSafeInteger(timestamp) && timestamp >= receivedAt - MAX_EVENT_AGE_MS && timestamp <= receivedAt + MAX_EVENT_SKEW_MS;
}

/** The time an event's dedupe key is stored with (and aged from by retention): when it reached us. */
export function dedupeTime(event: EngineEvent): number {
  return event.type === 'inbound' && event.receivedAt !== undefined ? event.receivedAt : event.at;
}
