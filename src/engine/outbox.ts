// The outbox worker: delivers committed messages through their channel, in order per conversation, with retries.

import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import type { ChannelName } from '../core/events';
import type { RenderedMessage } from '../core/messages';
import { NetworkError, PlatformError } from '../core/errors';
import type { ChannelAdapter } from '../core/channel';
import type { Store } from '../store/database';
import type { ConversationsTable, Database, OutboxRow } from '../store/schema';
import { handoffUrl, issueHandoffToken } from './tokens';
import { createSharedPacer } from './pacing';
import { claimingPerDialect, PLANNED_EACH_TIME, placeholders, shapes } from '../store/fixed-sql';
import { traced, type Logger } from '../core/logger';
import type { HandedMessages, Recipient } from '../core/engine-store';
import type { HandOver } from './engine';

export interface OutboxWorkerOptions {
  store: Store;
  channels: ReadonlyMap<ChannelName, ChannelAdapter>;
  publicBaseUrl: string;
  logger: Logger;
  now?: () => number;
  random?: () => number;
  /** Attempts before a message is given up as failed. */
  maxAttempts?: number;
  /** Deliveries of one message cut off by the end of the process (its lease ran out) before it is given up as failed. */
  maxInterruptions?: number;
  /** How long a claimed row is ours before another worker may take it. */
  leaseMs?: number;
  batchSize?: number;
  /** Per send; a hung platform call must not hold the conversation forever. */
  sendTimeoutMs?: number;
  /** Conversations delivered to at the same time; each slot is freed as soon as its conversation is done. */
  concurrency?: number;
  /**
   * While deliveries are under way, claims are at least this far apart (default 5 ms), so that
   * one claim takes what several commits queued instead of one claim per commit. An idle worker
   * claims at once.
   */
  claimSpacingMs?: number;
  /** Told of every failed delivery attempt, for `/metrics`. */
  metrics?: { deliveryFailed(platform: string, reason: string): void };
}

/**
 * Delivers pending messages; `wake()` after a commit, `start()` for polling (retries, other
 * instances). As the engine's `HandOver`, it also takes an event's messages straight from the
 * commit, written already leased to it.
 */
export interface OutboxWorker extends HandOver {
  /** Claims and delivers one batch; resolves with the number of rows attempted. */
  runOnce(): Promise<number>;
  /** Waits for deliveries under way, then delivers until nothing is due. */
  drain(): Promise<void>;
  /** Messages were queued (for `conversationId`, if given) and not handed over: claim them. */
  wake(conversationId?: string): void;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/** Whether the waiting row `alias` may be sent now: not leased at `?`, and no earlier message of its conversation held, or waiting and not yet due (`?`) or leased (`?`). */
const claimable = (alias: string) =>
  `("${alias}"."lease_until" is null or "${alias}"."lease_until" < ?) and not exists (
        select 1 from "outbox" as "p"
        where "p"."conversation_id" = "${alias}"."conversation_id" and "p"."id" < "${alias}"."id" and "p"."status" in ('pending', 'held')
          and ("p"."status" = 'held' or "p"."next_attempt_at" > ? or "p"."lease_until" >= ?))`;

/**
 * Claims the first messages that may be sent now, in queue order, for `lease_until = ?` (now +
 * lease): order per conversation never overtakes. Two parts, each read from the index of waiting
 * rows by due time then id (migration 014), so that a claim costs the batch and not the queue:
 * messages due at once (due time 0: every new one) are walked in id order and the walk stops at the
 * batch; retries due by now are a range of the index, as few as the failures of the last minutes.
 * The first of both by id are taken. On PostgreSQL, rows another instance is claiming are skipped,
 * not waited for. A row taken over from a lease that ran out (its sender died or stalled) counts
 * one more interruption. Parameters: see `claimParameters`.
 */
export const CLAIM = claimingPerDialect(
  (lock) =>
    `update "outbox" set "lease_until" = ?, "interrupted" = "interrupted" + case when "lease_until" is null then 0 else 1 end where "id" in (
    select "id" from (
      select "o"."id" from "outbox" as "o"
      where "o"."status" = 'pending' and "o"."next_attempt_at" = 0 and ${claimable('o')}
      order by "o"."id" limit ?${lock}) as "fresh"
    union all
    select "id" from (
      select "r"."id" from "outbox" as "r"
      where "r"."status" = 'pending' and "r"."next_attempt_at" > 0 and "r"."next_attempt_at" <= ? and ${claimable('r')}
      order by "r"."id" limit ?${lock}) as "retried"
    order by "id" limit ?) returning *`,
);

/** What a send needs of a message's conversation (`Recipient`), read once per claim: one statement, not one per message. */
const RECIPIENT_COLUMNS = ['id', 'locale', 'last_inbound_at', 'unreachable'] as const satisfies readonly (keyof Recipient & keyof ConversationsTable)[];

/**
 * On PostgreSQL the claim also brings back each message's conversation as `recipient` (null for an
 * erased one): one round trip instead of two. SQLite cannot update inside WITH, and a second
 * statement (RECIPIENTS) costs it no round trip.
 */
const CLAIM_WITH_RECIPIENTS =
  PLANNED_EACH_TIME +
  `with "claimed" as (${CLAIM.postgres.slice(PLANNED_EACH_TIME.length)}) ` +
  `select "claimed".*, case when "c"."id" is null then null else json_build_object(${RECIPIENT_COLUMNS.map((column) => `'${column}', "c"."${column}"`).join(', ')}) end as "recipient" ` +
  `from "claimed" left join "conversations" as "c" on "c"."id" = "claimed"."conversation_id"`;

/** The claim's parameters, in the order of its text, for a lease until `until`, the time `t` and `batch` rows. */
export const claimParameters = (until: number, t: number, batch: number) => [until, t, t, t, batch, t, t, t, t, batch, batch];

/** The conversations of one claim, read right after it (SQLite). */
const RECIPIENTS = shapes((count) => `select ${RECIPIENT_COLUMNS.map((column) => `"${column}"`).join(', ')} from "conversations" where "id" in (${placeholders(count)})`);

/**
 * Messages delivered: `sent_at = ?` for the ids listed. Only the worker holding a row's lease
 * marks it, so `attempts + 1` is the attempt that got through.
 */
const SENT = shapes((count) => `update "outbox" set "status" = 'sent', "sent_at" = ?, "lease_until" = null, "attempts" = "attempts" + 1, "reply_token" = null, "last_error" = null where "id" in (${placeholders(count)})`);

/** Conversations the worker delivers to at once, unless told otherwise. */
export const DEFAULT_CONCURRENCY = 32;

/** Rows claimed for each free delivery slot: an answer is one to three messages. */
const ROWS_PER_SLOT = 3;

/** A delivery whose record failed is recorded again after these pauses before it is sent again. */
const RECORD_RETRY_MS = [50, 250, 1_000];

/** Marks are gathered for one turn of the event loop, and at most this many go in one statement. */
const SENT_PER_STATEMENT = 64;

/** A worker busy with a channel takes this many tokens of its pacing at once (a tenth of a second's worth, 1–16). */
function tokensPerTake(rate: number): number {
  return Math.max(1, Math.min(16, Math.floor(rate / 10)));
}
/** Tokens taken ahead and not used within this time are let go: they were meant for a burst, not for later. */
const RESERVE_MS = 100;

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * A message is given up after its delivery was cut off this many times in a row (an attempt that
 * ends, delivered or failed, starts the count again): its send, or something on its way out,
 * ends the process every time, as an event can in the inbox (MAX_ATTEMPTS there).
 */
export const MAX_INTERRUPTIONS = 5;

/**
 * From this many interruptions in a row a message is sent alone. A process that died once (a
 * deployment's kill, running out of memory under a burst) says little about any one message:
 * what it was sending goes out again as usual. One that died again while sending the same
 * message points at it, and at anything sent beside it: each of those is then sent alone.
 */
export const ALONE_AFTER = 2;

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 5 minutes, each between half and the full delay. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Creates the worker. Nothing runs until `runOnce`, `drain`, `wake` or `start` is called. */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, channels, logger } = options;
  const db = store.db;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 10;
  const maxInterruptions = options.maxInterruptions ?? MAX_INTERRUPTIONS;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 100;
  const sendTimeoutMs = options.sendTimeoutMs ?? 15_000;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const claimSpacingMs = options.claimSpacingMs ?? 5;
  let lastClaimAt = -Infinity;
  const buckets = new Map<string, TokenBucket>();
  const pacer = createSharedPacer(store);
  /** Tokens of each channel's shared bucket already taken by this worker, and until when they may be used. */
  const reserve = new Map<string, { tokens: number; until: number }>();
  /** Each channel's take from the shared bucket under way here, if any. */
  const taking = new Map<string, Promise<boolean>>();
  const markSent = sentRecorder();
  let timer: NodeJS.Timeout | undefined;
  /** Deliveries under way, one per conversation. */
  const active = new Map<string, Promise<void>>();
  /** Messages handed over from commits that found no free slot (or their conversation busy), in the order handed. */
  let handed: { rows: OutboxRow[]; recipient: Recipient; lease: number }[] = [];
  /**
   * Whether a claim may find something. With messages handed over, a finished delivery no longer
   * means work is waiting in the table. On SQLite (one process per database) a claim is wanted
   * after a wake from outside (a commit that handed nothing over, the poll), after a claim that
   * filled its batch or gave rows back, after a claimed delivery (what was queued behind it) and
   * after a handed one that had messages queued behind it (`behind`). On PostgreSQL another
   * instance may have queued behind any of our deliveries: every finished delivery claims, as before.
   */
  let claimWanted = true;
  /** Conversations with messages queued behind a delivery of ours under way or handed over (SQLite). */
  const behind = new Set<string>();
  const everyDeliveryClaims = store.dialect === 'postgres';
  /**
   * A claim met a message whose delivery was cut off ALONE_AFTER times in a row (`interrupted`):
   * the process may have died of that very send. Such a message is sent with nothing else under
   * way in this process, so that if it kills the process again it takes no other message with it
   * (each of those would count an interruption it did not cause). While this is set nothing else
   * starts; once the worker is empty, the next claim keeps one such message and gives back the rest.
   */
  let alone = false;
  let claiming: Promise<unknown> = Promise.resolve();
  let pumping: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  /** Claims a batch; on PostgreSQL with its conversations as a send needs them (else read by `recipients`). */
  async function claim(limit: number): Promise<{ rows: OutboxRow[]; conversations?: Map<string, Recipient> }> {
    lastClaimAt = performance.now();
    const t = now();
    // Fixed text, statuses as literals: the planner can use the partial indexes of waiting (014) and blocking (013) rows.
    const text = store.dialect === 'postgres' ? CLAIM_WITH_RECIPIENTS : CLAIM.sqlite;
    const { rows } = await db.executeQuery<OutboxRow & { recipient?: Recipient | null }>(CompiledQuery.raw(text, claimParameters(t + leaseMs, t, limit)));
    rows.sort((a, b) => a.id - b.id);
    if (store.dialect !== 'postgres') return { rows };
    const conversations = new Map<string, Recipient>();
    const claimed = rows.map(({ recipient, ...row }) => {
      if (recipient) conversations.set(recipient.id, recipient);
      return row;
    });
    return { rows: claimed, conversations };
  }

  /**
   * The conversations of claimed rows as a send needs them (an erased one is missing): `known` when
   * the claim brought them (PostgreSQL), else read. Not knowing who they are for, none of them is
   * sent now: if the read fails, the rows go back for the next claim.
   */
  async function recipients(rows: OutboxRow[], known: Map<string, Recipient> | undefined): Promise<Map<string, Recipient>> {
    if (known) return known;
    const ids = [...new Set(rows.map((r) => r.conversation_id))];
    if (ids.length === 0) return new Map();
    try {
      const read = await db.executeQuery<Recipient>(CompiledQuery.raw(RECIPIENTS(store.dialect, ids.length), ids));
      return new Map(read.rows.map((r) => [r.id, r]));
    } catch (error) {
      await letGo(rows.map((r) => r.id)).catch(() => undefined);
      throw error;
    }
  }

  /** Lets waiting rows go for the next claim; with `until`, only those still leased to us until then. */
  function letGo(ids: number[], until?: number) {
    const waiting = db.updateTable('outbox').set({ lease_until: null }).where('id', 'in', ids).where('status', '=', 'pending');
    return (until === undefined ? waiting : waiting.where('lease_until', '=', until)).execute();
  }

  /**
   * Records deliveries: the marks asked for in one turn of the event loop go to the database in
   * one statement (one commit for many sends). Each caller waits for its own mark, so a
   * conversation's next message is sent only after the one before is recorded; if the statement
   * fails, every mark in it fails, and those messages are retried as any failed send is.
   */
  function sentRecorder() {
    let waiting: { id: number; done: (error?: unknown) => void }[] = [];
    const flush = async () => {
      const marks = waiting;
      waiting = [];
      for (let i = 0; i < marks.length; i += SENT_PER_STATEMENT) {
        const part = marks.slice(i, i + SENT_PER_STATEMENT);
        try {
          await db.executeQuery(CompiledQuery.raw(SENT(store.dialect, part.length), [now(), ...part.map((m) => m.id)]));
          for (const m of part) m.done();
        } catch (error) {
          for (const m of part) m.done(error);
        }
      }
    };
    return (id: number) =>
      new Promise<void>((resolve, reject) => {
        if (waiting.length === 0) setImmediate(() => void flush());
        waiting.push({ id, done: (error) => (error === undefined ? resolve() : reject(error)) });
      });
  }

  /**
   * The rows of one conversation that this worker claimed, and proof that they are still ours.
   * The lease is renewed in the background while a send is under way (a slow platform, a paced
   * channel), and every renewal is a compare-and-set on the value we last wrote: a worker whose
   * lease ran out (a stalled process, a lost connection) finds another value there, stops, and
   * never sends a message that another worker has taken over.
   */
  function holdLease(rows: OutboxRow[]) {
    let until = rows[0]?.lease_until ?? now() + leaseMs;
    let lost = false;
    let renewing: Promise<void> | null = null;
    let next = 0;
    const renew = (): Promise<void> => {
      renewing ??= (async () => {
        const ids = rows.slice(next).map((r) => r.id);
        const current = ids[0];
        if (ids.length === 0 || lost) return;
        const fresh = now() + leaseMs;
        const kept = await db
          .updateTable('outbox')
          .set({ lease_until: fresh })
          .where('id', 'in', ids)
          .where('status', '=', 'pending')
          .where('lease_until', '=', until)
          .returning('id')
          .execute();
        // The row being sent may have been marked sent meanwhile; any other missing row was taken over.
        const still = new Set(kept.map((k) => k.id));
        if (ids.some((id) => id !== current && !still.has(id))) lost = true;
        else until = fresh;
      })()
        .catch(() => {
          /* unknown outcome: the next check before a send decides */
        })
        .finally(() => {
          renewing = null;
        });
      return renewing;
    };
    const heartbeat = setInterval(() => void renew(), Math.max(50, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    return {
      /** Whether the row at `index` may be sent now: renews first when less than half the lease is left. */
      async mayStart(index: number): Promise<boolean> {
        next = index;
        if (renewing) await renewing;
        if (!lost && now() > until - leaseMs / 2) await renew();
        return !lost && now() < until;
      },
      /** Gives the rows from `index` on back at once, if they are still ours. */
      async release(index: number): Promise<void> {
        clearInterval(heartbeat);
        await renewing;
        const ids = rows.slice(index).map((r) => r.id);
        if (lost || ids.length === 0) return;
        await letGo(ids, until);
      },
      end(): void {
        clearInterval(heartbeat);
      },
    };
  }

  async function deliverConversation(rows: OutboxRow[], conversation: Recipient | undefined) {
    const lease = holdLease(rows);
    try {
      for (const [index, row] of rows.entries()) {
        // Stopping: what is not started yet goes back at once, so another instance sends it now
        // rather than after the lease; the send under way (if any) finished before we got here.
        if (stopped) return await lease.release(index);
        // Another worker took this conversation over (our lease ran out): it sends the rest.
        if (!(await lease.mayStart(index))) return;
        // Read once: the send needs it, and log lines about it carry the trace of the event that queued it.
        const message = JSON.parse(row.message) as RenderedMessage & { trace?: unknown };
        const ok = await deliver(row, message, conversation, traced(logger, typeof message.trace === 'string' ? message.trace : undefined));
        // A failed message holds back the rest of its conversation, to keep them in order.
        if (!ok) return await lease.release(index + 1);
      }
    } finally {
      lease.end();
    }
  }

  async function deliver(row: OutboxRow, message: RenderedMessage, conversation: Recipient | undefined, log: Logger): Promise<boolean> {
    const adapter = channels.get(row.channel as ChannelName);
    const t = now();
    if (!adapter) {
      options.metrics?.deliveryFailed(row.channel, 'channel_disabled');
      await finish(row, 'failed', `channel ${row.channel} is not enabled`);
      return false;
    }
    if (conversation?.unreachable) {
      options.metrics?.deliveryFailed(row.channel, 'unreachable');
      await finish(row, 'failed', 'person unreachable (blocked the bot)');
      return false;
    }
    if (message.link?.kind === 'handoff' && !message.link.url) {
      // Issued now, at the last moment, so the token exists in plain text only inside the sent message.
      // Tied to this row: if an earlier attempt reached the person after all, its link keeps working.
      const token = await issueHandoffToken(db as Kysely<Database>, row.conversation_id, t, row.id);
      message.link = { ...message.link, url: handoffUrl(options.publicBaseUrl, token, conversation?.locale ?? null) };
    }
    const replyToken = row.attempts === 0 && row.reply_token && (row.reply_expires_at ?? 0) > t ? row.reply_token : undefined;
    // The send's deadline: a controller and a plain timer cleared after the send. AbortSignal.timeout
    // holds its timer through a weak reference and a finalizer; through grammY against a loopback
    // Bot API it cost 15–20 cpu-µs more per message than this (four alternating rounds of 20,000).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DOMException(`send timed out after ${sendTimeoutMs} ms`, 'TimeoutError')), sendTimeoutMs);
    try {
      await pace(adapter);
      await adapter.send(message, { conversationId: row.conversation_id, userId: row.user_id, lastInboundAt: conversation?.last_inbound_at ?? row.created_at }, {
        signal: deadline.signal,
        replyToken,
        // Read only by channels that send it (LINE's X-Line-Retry-Key): a SHA-256 per message otherwise spent for nothing.
        get idempotencyKey() {
          return retryKey(row);
        },
        log,
      });
    } catch (error) {
      return failed(row, adapter, error, log);
    } finally {
      clearTimeout(timer);
    }
    try {
      if (!conversation) {
        // The farewell after an erasure: once delivered, nothing of the person may remain.
        await db.deleteFrom('outbox').where('id', '=', row.id).execute();
        return true;
      }
      await markSent(row.id);
    } catch (error) {
      return unrecorded(row, error, log);
    }
    log.info({ channel: row.channel, outbox: row.id, attempts: row.attempts + 1 }, 'message delivered');
    return true;
  }

  /**
   * Sent, but the store would not record it. The record is tried again a few times (a store
   * that comes back within a second or two costs nothing); after that the message stays waiting
   * and goes again after a backoff (at least once, as after a crash), holding back the rest of
   * its conversation, and after `maxAttempts` it is given up. If even that cannot be written, the
   * lease runs out and another claim sends it again.
   */
  async function unrecorded(row: OutboxRow, error: unknown, log: Logger): Promise<boolean> {
    for (const delay of RECORD_RETRY_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await markSent(row.id);
        log.info({ channel: row.channel, outbox: row.id, attempts: row.attempts + 1 }, 'message delivered');
        return true;
      } catch (again) {
        error = again;
      }
    }
    const attempts = row.attempts + 1;
    const description = `not recorded: ${describeError(error)}`;
    log.warn({ channel: row.channel, outbox: row.id, attempts, error: description }, 'delivery not recorded; the message will be sent again');
    if (attempts >= maxAttempts) {
      await finish(row, 'failed', description, attempts).catch(() => undefined);
      return false;
    }
    await db
      .updateTable('outbox')
      .set({ attempts, next_attempt_at: now() + backoffDelay(attempts, random), lease_until: null, last_error: description, interrupted: 0 })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .execute()
      .catch(() => undefined);
    return false;
  }

  async function failed(row: OutboxRow, adapter: ChannelAdapter, error: unknown, log: Logger): Promise<boolean> {
    const attempts = row.attempts + 1;
    const description = describeError(error);
    options.metrics?.deliveryFailed(adapter.name, failureReason(error));
    if (error instanceof PlatformError && error.details.blocked) {
      log.info({ channel: adapter.name, outbox: row.id }, 'person blocked the bot; marking unreachable');
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('conversations').set({ unreachable: 1 }).where('id', '=', row.conversation_id).execute();
        await tx
          .updateTable('outbox')
          .set({ status: 'failed', last_error: 'person unreachable (blocked the bot)', lease_until: null })
          .where('conversation_id', '=', row.conversation_id)
          .where('status', 'in', ['pending', 'held'])
          .execute();
      });
      return false;
    }
    if (error instanceof PlatformError && error.details.hold) {
      // Outside the platform's messaging window: wait for the person's next message.
      await db.updateTable('outbox').set({ status: 'held', lease_until: null, attempts, last_error: description, interrupted: 0 }).where('id', '=', row.id).execute();
      return false;
    }
    const retryable = error instanceof NetworkError || (error instanceof PlatformError && error.retryable) || isTimeout(error);
    if (!retryable || attempts >= maxAttempts) {
      log.warn({ channel: adapter.name, outbox: row.id, attempts, error: description }, 'message not delivered');
      await finish(row, 'failed', description, attempts);
      return false;
    }
    const retryAfterMs = error instanceof PlatformError && error.details.retryAfter !== undefined ? error.details.retryAfter * 1000 : undefined;
    const delay = retryAfterMs ?? backoffDelay(attempts, random);
    // The attempt ended, so the process survives this message: interruptions count again from none.
    await db
      .updateTable('outbox')
      .set({ attempts, next_attempt_at: now() + delay, lease_until: null, last_error: description, interrupted: 0 })
      .where('id', '=', row.id)
      .execute();
    return false;
  }

  function finish(row: OutboxRow, status: string, lastError: string, attempts = row.attempts) {
    return db.updateTable('outbox').set({ status, last_error: lastError, lease_until: null, attempts }).where('id', '=', row.id).execute();
  }

  /**
   * A platform's rate is shared by every instance (src/engine/pacing.ts). The console channel
   * reaches no platform and is paced here only; if the database cannot pace, this process paces alone.
   * Deliveries run side by side, but each channel has at most one take from the shared bucket under
   * way here: the others wait for it and share what it brought, instead of queueing on the bucket's
   * row lock one upsert each.
   */
  async function pace(adapter: ChannelAdapter) {
    if (adapter.name === 'console') return bucketFor(adapter).take();
    for (;;) {
      const held = reserve.get(adapter.name);
      if (held && held.tokens > 0 && now() < held.until) {
        held.tokens -= 1;
        return;
      }
      const pending = taking.get(adapter.name);
      if (pending) {
        await pending;
        continue;
      }
      const take = refill(adapter);
      taking.set(adapter.name, take);
      try {
        if (!(await take)) return bucketFor(adapter).take();
      } finally {
        taking.delete(adapter.name);
      }
    }
  }

  /** Takes tokens from the shared bucket into this worker's reserve; false when the database cannot pace. */
  async function refill(adapter: ChannelAdapter): Promise<boolean> {
    try {
      const taken = await pacer.take(adapter.name, adapter.capabilities.ratePerSecond, tokensPerTake(adapter.capabilities.ratePerSecond));
      reserve.set(adapter.name, { tokens: taken, until: now() + RESERVE_MS });
      return true;
    } catch {
      /* the local bucket paces instead; the send itself will meet the database's trouble */
      return false;
    }
  }

  function bucketFor(adapter: ChannelAdapter): TokenBucket {
    let bucket = buckets.get(adapter.name);
    if (!bucket) {
      bucket = new TokenBucket(adapter.capabilities.ratePerSecond);
      buckets.set(adapter.name, bucket);
    }
    return bucket;
  }

  /**
   * Claims what is due and starts one delivery per conversation, up to `concurrency` at once,
   * without waiting for them: a slow platform call holds back only its own conversation.
   * Claims run one at a time; rows that find no free slot are released at once for the next claim.
   */
  function dispatch(force = false): Promise<{ rows: number; started: Promise<void>[] }> {
    const next = claiming.then(async () => {
      const started: Promise<void>[] = [];
      // Messages handed over from commits go first: they are ours already.
      let count = startHanded(started);
      if (stopped || active.size >= concurrency || !(force || claimWanted)) return { rows: count, started };
      // A message cut off again waits for the worker to be empty.
      if (alone && active.size > 0) return { rows: count, started };
      claimWanted = false;
      const limit = claimLimit();
      const claimed = await claim(limit);
      const { conversations: known } = claimed;
      // A full batch may have left more behind it.
      if (claimed.rows.length >= limit) claimWanted = true;
      const rows = await withoutGivenUp(claimed.rows);
      const suspect = rows.find((r) => r.interrupted >= ALONE_AFTER);
      if (suspect) {
        const isolated = await isolate(rows, suspect, known);
        return { rows: count + isolated.rows, started: [...started, ...isolated.started] };
      }
      alone = false;
      const conversations = await recipients(rows, known);
      const groups = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const group = groups.get(row.conversation_id) ?? [];
        group.push(row);
        groups.set(row.conversation_id, group);
      }
      const released: number[] = [];
      for (const [conversationId, group] of groups) {
        const recipient = conversations.get(conversationId);
        // A conversation already in flight here is never delivered to twice at once.
        if (active.has(conversationId)) {
          released.push(...group.map((r) => r.id));
          continue;
        }
        if (active.size >= concurrency) {
          // Leased to this worker already: it waits for a slot here, as messages handed over by a
          // commit do, rather than being written back for a later claim to lease again.
          if (recipient && handed.length < handedLimit) handed.push({ rows: group, recipient, lease: group[0]!.lease_until ?? 0 });
          else released.push(...group.map((r) => r.id));
          continue;
        }
        started.push(startDelivery(conversationId, group, recipient, true));
        count += group.length;
      }
      if (released.length > 0) {
        claimWanted = true;
        await letGo(released);
      }
      return { rows: count, started };
    });
    claiming = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /**
   * Rows a claim takes: as many as the free slots can start (a slot takes one conversation, whose
   * reply is a few messages), at most a batch. With a backlog, a slot frees at a time; a claim of a
   * whole batch then leased 100 rows to start two and gave the rest back, two writes of each row.
   */
  function claimLimit(): number {
    // Called only with a slot free (dispatch returns first when none is).
    return Math.min(batchSize, (concurrency - active.size) * ROWS_PER_SLOT);
  }

  /**
   * Gives up the claimed messages whose delivery was cut off `maxInterruptions` times: what the
   * platform may have received of them is unknown, and another try would end the process again.
   * The rest of their conversations goes on. Returns the others.
   */
  async function withoutGivenUp(rows: OutboxRow[]): Promise<OutboxRow[]> {
    if (!rows.some((r) => r.interrupted >= maxInterruptions)) return rows;
    const kept: OutboxRow[] = [];
    for (const row of rows) {
      if (row.interrupted < maxInterruptions) {
        kept.push(row);
        continue;
      }
      logger.warn({ channel: row.channel, outbox: row.id, interrupted: row.interrupted }, 'message given up: its delivery ended the process every time');
      options.metrics?.deliveryFailed(row.channel, 'interrupted');
      await finish(row, 'failed', `delivery cut off ${row.interrupted} times (the process sending it stopped)`);
    }
    return kept;
  }

  /**
   * A claim holding a message cut off again (`suspect`): from now on nothing else starts. With
   * the worker empty, the suspect (after any earlier message of its conversation in the claim) is
   * delivered alone; everything else claimed, and what commits handed over, goes back for later
   * claims. With deliveries under way, everything goes back and the suspect is claimed again once
   * they are done.
   */
  async function isolate(rows: OutboxRow[], suspect: OutboxRow, known: Map<string, Recipient> | undefined): Promise<{ rows: number; started: Promise<void>[] }> {
    alone = true;
    claimWanted = true;
    const kept = active.size === 0 ? rows.filter((r) => r.conversation_id === suspect.conversation_id && r.id <= suspect.id) : [];
    const back = rows.filter((r) => !kept.includes(r)).map((r) => r.id);
    const left = handed;
    handed = [];
    await releaseHanded(left);
    if (back.length > 0) await letGo(back);
    if (kept.length === 0) return { rows: 0, started: [] };
    const conversations = await recipients(kept, known);
    logger.warn({ channel: suspect.channel, outbox: suspect.id, interrupted: suspect.interrupted }, 'delivering alone a message whose delivery was cut off again');
    return { rows: kept.length, started: [startDelivery(suspect.conversation_id, kept, conversations.get(suspect.conversation_id), true, true)] };
  }

  /** Starts delivering to one conversation in a slot of its own; `claimed` when its messages came from a claim, `isolated` when nothing else may run beside it. */
  function startDelivery(conversationId: string, group: OutboxRow[], recipient: Recipient | undefined, claimed: boolean, isolated = false): Promise<void> {
    const delivery = deliverConversation(group, recipient)
      .catch((error: unknown) => logger.error({ error: error instanceof Error ? error.message : String(error) }, 'outbox delivery failed'))
      .finally(() => {
        active.delete(conversationId);
        if (isolated) alone = false;
        if (behind.delete(conversationId) || claimed || everyDeliveryClaims) claimWanted = true;
        // A free slot: messages handed over go straight into it; what may wait in the table is claimed next.
        startHanded();
        if (claimWanted || handed.length > 0) pumpSoon();
      });
    active.set(conversationId, delivery);
    return delivery;
  }

  /** Starts what was handed over while slots are free, skipping conversations in flight; the number of messages started. */
  function startHanded(started?: Promise<void>[]): number {
    if (stopped || alone || handed.length === 0) return 0;
    let count = 0;
    const waiting: typeof handed = [];
    for (const entry of handed) {
      const conversationId = entry.recipient.id;
      if (active.has(conversationId) || active.size >= concurrency) {
        waiting.push(entry);
        continue;
      }
      const delivery = startDelivery(conversationId, entry.rows, entry.recipient, false);
      started?.push(delivery);
      count += entry.rows.length;
    }
    handed = waiting;
    return count;
  }

  /** Gives messages handed over but not started back to any claim, if they are still ours. */
  async function releaseHanded(entries: typeof handed) {
    for (const { rows, lease: until } of entries) {
      await letGo(rows.map((r) => r.id), until).catch((error: unknown) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'handed messages not released; they wait for their lease'));
    }
  }

  /** Handed over while slots are full, at most this many conversations wait here; beyond it, commits leave their messages to claims. */
  const handedLimit = concurrency;

  function lease(): number | null {
    return stopped || alone || handed.length >= handedLimit ? null : now() + leaseMs;
  }

  function take({ rows, lease: until, recipient }: HandedMessages) {
    const entry = {
      // Object.assign, not a spread: on Node 20 `{ ...m, more }` takes a slow path in V8.
      rows: rows.map((m): OutboxRow => Object.assign({}, m, { status: 'pending' as const, attempts: 0, next_attempt_at: 0, lease_until: until, last_error: null, sent_at: null, interrupted: 0 })),
      recipient,
      lease: until,
    };
    if (stopped || alone) {
      // Leased before the worker began sending a message alone: it goes to a later claim.
      void releaseHanded([entry]);
      return;
    }
    handed.push(entry);
    startHanded();
  }

  async function runOnce(): Promise<number> {
    const { rows, started } = await dispatch(true);
    await Promise.all(started);
    return rows;
  }

  async function drain() {
    // Deliveries already under way (woken by a commit) finish first, so callers see every message sent.
    for (;;) {
      await pumping;
      const { rows } = await dispatch(true);
      if (rows === 0 && active.size === 0 && handed.length === 0) return;
      if (active.size > 0) await Promise.race(active.values());
    }
  }

  async function pump() {
    // Keep claiming while slots are free and there is something to start; finished deliveries wake us again.
    do {
      // Busy: let a few more commits queue their messages, and take them in one claim.
      const wait = active.size > 0 ? lastClaimAt + claimSpacingMs - performance.now() : 0;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    } while (!stopped && active.size < concurrency && (await dispatch()).rows > 0);
  }

  function wake(conversationId?: string) {
    // Queued behind a delivery of ours: claimable once it is done, and claimed then.
    if (conversationId !== undefined && !everyDeliveryClaims && (active.has(conversationId) || handed.some((entry) => entry.recipient.id === conversationId))) {
      behind.add(conversationId);
      return;
    }
    claimWanted = true;
    pumpSoon();
  }

  /** Runs the pump unless it runs already (then it goes round once more). */
  function pumpSoon() {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = (async () => {
      do {
        again = false;
        try {
          await pump();
        } catch (error) {
          logger.error({ error: error instanceof Error ? error.message : String(error) }, 'outbox worker failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      pumping = null;
    });
  }

  return {
    runOnce,
    drain,
    wake,
    lease,
    take,
    start(intervalMs = 1_000) {
      stopped = false;
      // Retries falling due, leases left by a stopped process, messages queued by another.
      timer = setInterval(() => wake(), intervalMs);
      timer.unref();
    },
    async stop() {
      // Shutdown lets the sends under way finish; rows claimed but not started are released for other instances.
      stopped = true;
      if (timer) clearInterval(timer);
      await pumping;
      await Promise.all(active.values());
      // Handed over but never started: another instance (or the next start) sends them now rather than after the lease.
      const left = handed;
      handed = [];
      await releaseHanded(left);
    },
  };
}

/** A stable UUID-shaped key per outbox row, so a retried push is recognised by the platform (LINE X-Line-Retry-Key). */
function retryKey(row: OutboxRow): string {
  const hex = createHash('sha256').update(`reclaim-outbox:${row.id}:${row.created_at}:${row.conversation_id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What a failed attempt records in `last_error`. */
function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}

/** A failure's kind, as a metric label: a short fixed word, never the platform's own message. */
function failureReason(error: unknown): string {
  if (error instanceof PlatformError) {
    if (error.details.blocked) return 'blocked';
    if (error.details.hold) return 'window_closed';
    if (error.status === 429) return 'rate_limited';
    return error.retryable ? 'platform_error' : 'rejected';
  }
  if (error instanceof NetworkError) return 'network';
  if (isTimeout(error)) return 'timeout';
  return 'error';
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Paces sends to a channel's allowed rate, allowing a one-second burst. */
class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(private readonly rate: number) {
    this.tokens = rate;
  }
  async take(): Promise<void> {
    for (;;) {
      const t = Date.now();
      this.tokens = Math.min(this.rate, this.tokens + ((t - this.last) / 1000) * this.rate);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - this.tokens) / this.rate) * 1000)));
    }
  }
}
