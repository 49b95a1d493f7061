// Table types for Kysely. Times are epoch milliseconds (bigint on PostgreSQL, integer on SQLite);
// flags are 0/1 integers so that one set of queries serves both databases.

import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface ConversationsTable {
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
  /** The platform said the person blocked the bot: nothing more is sent. */
  unreachable: number;
  /** Staff account holding the conversation; while set the bot stays silent. */
  held_by: string | null;
  status: string;
  last_inbound_at: number | null;
  created_at: number;
  updated_at: number;
  /** The last case event the person was told about. */
  news_cursor: Generated<number>;
  /** Why the conversation is urgent (a RiskKind: self_harm, immediate_danger); null when urgent was set by hand or is off. */
  urgent_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** Where the person lives: an ISO 3166 code, `ZZ` for elsewhere or not said; null while unknown. */
  country: ColumnType<string | null, string | null | undefined, string | null>;
  /** The agent a waiting conversation is offered to (not yet taken). */
  assigned_to: Nullable;
  assigned_at: NullableNumber;
  /** When the person first asked for a person (or danger raised the flag) since the last close. */
  human_requested_at: NullableNumber;
  /** When a person from the team first replied after that; with the need it answered (urgent, under13, sextortion, human). */
  first_reply_at: NullableNumber;
  reply_need: Nullable;
  /** 1 once the person was sent the hashing link. */
  reached_link: ColumnType<number | null, number | null | undefined, number | null>;
  /** When the person left a message out of hours: the first shift back reads it first. */
  message_left_at: NullableNumber;
  /** When the waiting alert was last raised again for this conversation. */
  alerted_at: NullableNumber;
}

type Nullable = ColumnType<string | null, string | null | undefined, string | null>;
type NullableNumber = ColumnType<number | null, number | null | undefined, number | null>;

export interface ProcessedEventsTable {
  key: string;
  at: number;
}

export interface TranscriptTable {
  id: Generated<number>;
  conversation_id: string;
  /** in: from the person; out: from the bot; staff: from a person on our team; note: internal; event: what happened. */
  direction: string;
  text: string;
  at: number;
  /** Set on the person's line that raised an alarm: the RiskKind it suggested. */
  marker: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OutboxTable {
  id: Generated<number>;
  conversation_id: string;
  channel: string;
  user_id: string;
  /** A RenderedMessage as JSON. Handoff links are issued at delivery, so no token is ever stored here. */
  message: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  reply_token: string | null;
  reply_expires_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  /** Claims that took this message over from a lease run out: deliveries the death of a process cut off (migration 015). */
  interrupted: Generated<number>;
}

export interface TimersTable {
  conversation_id: string;
  name: string;
  due_at: number;
  lease_until: number | null;
  /** Claims that took this timer over from a lease run out: firings the death of a process cut off (migration 015). */
  interrupted: Generated<number>;
}

export interface HandoffTokensTable {
  /** SHA-256 of the token, hex. The token itself exists only in the link sent to the person. */
  token_hash: string;
  conversation_id: string;
  /** The outbox message whose sending minted it; its retries mint siblings, and one use spends them all. */
  outbox_id: number | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface CasesTable {
  id: string;
  case_number: string;
  /** Null once the person erased their conversation: the case stays, anonymous. */
  conversation_id: string | null;
  locale: string | null;
  status: string;
  /** 1 for a case made in the public demo (try the bot): it is never shared with platforms. */
  demo: Generated<number>;
  created_at: number;
  updated_at: number;
  /** scrypt of the PIN shown once at submission; null for cases made before PINs. */
  pin_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseHashesTable {
  /** Monotonic: the partner feed pages by it. */
  id: Generated<number>;
  case_id: string;
  /** ThreatExchange-style signal type: pdq, md5, sha256, vpdq; with the media type. */
  signal_type: string;
  media_type: string;
  value: string;
  quality: number | null;
  created_at: number;
}

export interface PartnersTable {
  id: string;
  name: string;
  /** SHA-256 of the API key; the key itself is shown once, when the partner is added. */
  key_hash: string;
  /** Random key that encrypts the hash ids this partner sees (base64url, 32 bytes). */
  hash_id_key: string;
  created_at: number;
  revoked_at: number | null;
  /** The name people read (the teen, the platform's own staff): "Instagram". Null: the short name. */
  display_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256 of the subscription key of the partner's StopNCII-style credentials; null for partners added before the exchange. */
  subscription_key_hash: ColumnType<string | null, string | null | undefined, string | null>;
  last_fetch_at: ColumnType<number | null, number | null | undefined, number | null>;
  last_feedback_at: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The StopNCII-compatible exchange: one row per (signal type, hash value); `seq` moves to the end on every change. */
export interface ExchangeRecordsTable {
  /** ImagePDQ or VideoMD5: the signal types hash-matching tools subscribed to StopNCII know. */
  signal_type: string;
  hash_value: string;
  /** Unique and increasing in commit order (writers take the feed lock). */
  seq: number;
  /** Never less than any earlier row's: a checkpoint in seconds then never skips a later change. */
  modified_at: number;
}

export interface HashFeedTable {
  /** Partners page by this: rows appear in commit order (writers serialise on the feed). */
  seq: Generated<number>;
  hash_id: number;
  /** add: shared with platforms; remove: withdrawn or deleted, a tombstone for platforms to delete. */
  op: string;
  at: number;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  hash_id: number | null;
  partner_id: string | null;
  /** system, partner, staff */
  source: string;
  /** received, active, withdrawn, deleted (case); pending_review, removed, not_removed (feedback). */
  status: string;
  note: string | null;
  at: number;
}

export interface Database {
  conversations: ConversationsTable;
  processed_events: ProcessedEventsTable;
  transcript: TranscriptTable;
  outbox: OutboxTable;
  timers: TimersTable;
  handoff_tokens: HandoffTokensTable;
  cases: CasesTable;
  case_hashes: CaseHashesTable;
  partners: PartnersTable;
  hash_feed: HashFeedTable;
  case_events: CaseEventsTable;
  exchange_records: ExchangeRecordsTable;
  staff_accounts: StaffAccountsTable;
  staff_sessions: StaffSessionsTable;
  staff_audit: StaffAuditTable;
  inbox: InboxTable;
  rate_limits: RateLimitsTable;
  outbound_pacing: OutboundPacingTable;
  console_deliveries: ConsoleDeliveriesTable;
  helpline_settings: HelplineSettingsTable;
  audit_purge: AuditPurgeTable;
}

/** One setting of the helpline (`hours`, `retention`, `waiting`) as JSON. */
export interface HelplineSettingsTable {
  key: string;
  value: string;
  updated_at: number;
  updated_by: string | null;
}

/** SQLite only: present while the retention job purges the audit log older than `until`. */
export interface AuditPurgeTable {
  until: number;
}

/** A helpline staff account. Roles: agent, supervisor, admin (each includes the one before). */
export interface StaffAccountsTable {
  id: string;
  /** Lower-cased; the login name. */
  email: string;
  role: string;
  /** `scrypt$N$r$p$salt$hash`, base64url parts. */
  password_hash: string;
  /** Set for a one-time password from the CLI: the account must choose its own before anything else. */
  must_change_password: number;
  disabled: number;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
  /** 1 while the agent takes new conversations. */
  available: Generated<number>;
  /** How many conversations at once they are offered, set by a supervisor. */
  capacity: Generated<number>;
}

export interface StaffSessionsTable {
  /** SHA-256 of the cookie token, hex. The token itself exists only in the browser. */
  token_hash: string;
  staff_id: string;
  created_at: number;
  last_seen_at: number;
  /** Absolute end, however active the session is. */
  expires_at: number;
  revoked_at: number | null;
}

/** Append-only: no query updates or deletes it, and database triggers refuse it. */
export interface StaffAuditTable {
  id: Generated<number>;
  at: number;
  /** Null for attempts by nobody known (a failed login on an unknown address). */
  staff_id: string | null;
  staff_email: string | null;
  action: string;
  conversation_id: string | null;
  /** Small JSON of what was done (a flag name, a case number); never message text or secrets. */
  detail: string | null;
  ip: string | null;
}

/** Events acknowledged to a platform and not processed yet. */
export interface InboxTable {
  id: Generated<number>;
  person: string;
  dedupe_key: string;
  event: string;
  received_at: number;
  lease_until: number | null;
  attempts: Generated<number>;
}

/** A fixed window of one limited key; the key is a SHA-256 (hex) of what is limited, never an address or e-mail. */
export interface RateLimitsTable {
  key: string;
  count: number;
  reset_at: number;
}

/** A token bucket per outbound channel, refilled at the platform's rate and shared by every instance. */
export interface OutboundPacingTable {
  channel: string;
  tokens: number;
  updated_at: number;
}

/** A demo reply waiting for its page on another instance: the rendered message sealed with the demo key. */
export interface ConsoleDeliveriesTable {
  id: Generated<number>;
  user_id: string;
  sealed: string;
  at: number;
}

export type ConversationRow = Selectable<ConversationsTable>;
export type NewConversation = Insertable<ConversationsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type CaseRow = Selectable<CasesTable>;
