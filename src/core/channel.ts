// The port every channel implements: verify and parse webhooks, render and send messages, say what it can do.

import type { ChannelName, InboundEvent } from './events';
import type { RenderedMessage } from './messages';
import type { Logger } from './logger';

/** What a channel can do, so the core can adapt without knowing the platform. */
export interface ChannelCapabilities {
  /** Most choices one message can carry as buttons (LINE and Messenger quick replies: 13). */
  maxChoices: number;
  /** Longest choice label the platform shows without cutting it. */
  maxLabelLength: number;
  /** The bot may delete a message the person sent (Telegram). */
  deletesMedia: boolean;
  /** Replies to an event can use a free, short-lived reply token (LINE). */
  replyTokens: boolean;
  /** Bot messages are allowed only within 24 hours of the person's last message (Messenger). */
  messagingWindowMs?: number;
  /** Sends per second the platform allows us overall, for the outbox worker's pacing. */
  ratePerSecond: number;
}

/** Who a message goes to, and what we know of the conversation. */
export interface Recipient {
  conversationId: string;
  userId: string;
  /** Last time the person wrote; Messenger uses it for the 24-hour window. */
  lastInboundAt: number | null;
}

export interface SendOptions {
  signal: AbortSignal;
  /** A LINE reply token still fresh for this message, if any. */
  replyToken?: string | undefined;
  /** Stable across retries of the same outbox row (LINE X-Line-Retry-Key). */
  idempotencyKey: string;
  /** For the adapter's own lines about this send: they carry the trace of the event that queued it. */
  log?: Logger;
}

/** Hands parsed events to the engine; resolves once they are committed to the inbox (durable), before they are processed. */
export type Ingest = (events: InboundEvent[]) => Promise<void>;

/**
 * One messaging platform. Adapters own their platform's formats and SDK: nothing
 * platform-specific leaves `src/channels/<name>/`.
 */
export interface ChannelAdapter {
  readonly name: ChannelName;
  readonly capabilities: ChannelCapabilities;
  /**
   * Handles a webhook request end to end: verify (401/403 before any parsing), parse,
   * ingest, answer. Responds 2xx only after `ingest` resolved (the events are durable; the engine
   * processes them after the answer); a store failure answers 5xx so the platform redelivers. Work that may be slow (acknowledging a button, deleting a media
   * message) happens after the answer.
   */
  webhook?(request: Request, ingest: Ingest): Promise<Response>;
  /** Sends one rendered message. Throws PlatformError or NetworkError. */
  send(message: RenderedMessage, to: Recipient, options: SendOptions): Promise<void>;
  /** Releases timers and sockets. */
  close?(): Promise<void>;
}
