// Change notices (the core's `Changes` port) for live views: in process, and across instances through PostgreSQL LISTEN/NOTIFY.

import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { storeErrorCode } from '../store/unavailable';
import type { Logger } from '../core/logger';
import type { Changes, Topic } from '../core/changes';

/** An in-process bus: one instance (SQLite, the terminal chat, tests). */
export function createChanges(): Changes {
  return createBus(() => {});
}

function createBus(forward: (topic: Topic, id: string) => void, close: () => Promise<void> = async () => {}) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const on = (topic: Topic, listener: (id: string) => void) => {
    emitter.on(topic, listener);
    return () => void emitter.off(topic, listener);
  };
  const bus = {
    emit: (topic: Topic, id: string) => emitter.emit(topic, id),
    publishOn(topic: Topic, id: string) {
      emitter.emit(topic, id);
      forward(topic, id);
    },
    publish: (conversationId: string) => bus.publishOn('change', conversationId),
    subscribeOn: on,
    subscribe: (listener: (conversationId: string) => void) => on('change', listener),
    close,
  };
  return bus;
}

export interface PgChangesOptions {
  url: string;
  /** The schema this deployment (or test) lives in: instances of another schema hear nothing of ours. */
  schema?: string | undefined;
  /** Where NOTIFY is sent from: the pool, so a notice costs no extra connection. */
  db: Kysely<Database>;
  logger: Logger;
  connectTimeoutMs?: number;
}

/** The bus on PostgreSQL, plus what tests need to break its connection on purpose. */
export interface PgChanges extends Changes {
  /** The backend pid of the LISTEN connection, while connected. */
  listenerPid(): number | undefined;
  /** Resolves once the LISTEN connection is up (again). */
  ready(): Promise<void>;
}

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 10_000;

/**
 * Local subscribers hear local publishes at once; every publish is also sent with `pg_notify`
 * (after the commit that caused it: callers publish once their transaction is done), and one
 * dedicated connection per instance LISTENs and fans what other instances sent out to local
 * subscribers. The payload is "<topic>:<instance>:<ids>" (a JSON array of the ids changed in one
 * turn, or a single bare id): ids only, and an instance skips its own.
 * The LISTEN connection is replaced with backoff when it drops (a restart, pg_terminate_backend);
 * notices sent while it was away are lost, which costs a live view one update, not correctness:
 * the queue is re-read on every reconnect of the browser and on the next change of the row.
 */
export function createPgChanges(options: PgChangesOptions): PgChanges {
  const instance = randomBytes(6).toString('hex');
  const channel = options.schema ? `reclaim_changes_${options.schema}` : 'reclaim_changes';
  const { logger } = options;
  let client: pg.Client | undefined;
  let closed = false;
  let delay = RECONNECT_MIN_MS;
  let retry: NodeJS.Timeout | undefined;
  let listening = false;
  let readyWaiters: (() => void)[] = [];

  /** Notices of this turn, by topic: sent together once the turn ends, each id once. */
  const pending = new Map<Topic, Set<string>>();
  const flush = () => {
    for (const [topic, ids] of pending) {
      for (const payload of payloads(topic, instance, [...ids])) {
        // Fire and forget: a lost notice costs one live update; the change itself is committed.
        sql`select pg_notify(${channel}, ${payload})`.execute(options.db).catch((error: unknown) => {
          if (!closed) logger.warn({ code: storeErrorCode(error) }, 'change notice not sent');
        });
      }
    }
    pending.clear();
  };
  const bus = createBus(
    (topic, id) => {
      // One NOTIFY per turn, not per change: each is a commit, and PostgreSQL orders every commit that notifies.
      if (pending.size === 0) setImmediate(flush);
      let ids = pending.get(topic);
      if (!ids) pending.set(topic, (ids = new Set()));
      ids.add(id);
    },
    async () => {
      closed = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      for (const resolve of readyWaiters) resolve();
      readyWaiters = [];
      await current?.end().catch(() => {});
    },
  );

  function scheduleReconnect(which: pg.Client) {
    if (closed || client !== which) return;
    client = undefined;
    listening = false;
    which.end().catch(() => {});
    retry = setTimeout(connect, delay);
    retry.unref();
    logger.warn({ retryInMs: delay }, 'change listener disconnected; reconnecting');
    delay = Math.min(RECONNECT_MAX_MS, delay * 2);
  }

  async function connect() {
    if (closed) return;
    const next = new pg.Client({
      connectionString: options.url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      application_name: 'reclaim-listen',
      keepAlive: true,
    });
    client = next;
    // Without these listeners a dropped connection would end the process.
    next.on('error', (error) => {
      logger.warn({ code: storeErrorCode(error) }, 'change listener connection lost');
      scheduleReconnect(next);
    });
    next.on('end', () => scheduleReconnect(next));
    next.on('notification', (message) => {
      const notice = parseNotice(message.payload ?? '');
      if (!notice || notice.instance === instance) return;
      for (const id of notice.ids) bus.emit(notice.topic, id);
    });
    try {
      await next.connect();
      await next.query(`listen "${channel}"`);
      if (client !== next) return;
      listening = true;
      delay = RECONNECT_MIN_MS;
      for (const resolve of readyWaiters) resolve();
      readyWaiters = [];
    } catch (error) {
      logger.warn({ code: storeErrorCode(error) }, 'change listener could not connect');
      scheduleReconnect(next);
    }
  }
  void connect();

  return {
    ...bus,
    listenerPid: () => (client as unknown as { processID?: number } | undefined)?.processID ?? undefined,
    ready: () => (listening || closed ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve))),
  };
}

/** NOTIFY payloads must stay under 8,000 bytes; ids are split across notices well below that. */
const MAX_PAYLOAD_BYTES = 7_000;

/** The notices that carry `ids`: "<topic>:<instance>:[…ids]", each under the payload limit. */
export function payloads(topic: Topic, instance: string, ids: string[]): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const id of ids) {
    const size = Buffer.byteLength(JSON.stringify(id)) + 1;
    if (part.length > 0 && bytes + size > MAX_PAYLOAD_BYTES) {
      out.push(`${topic}:${instance}:${JSON.stringify(part)}`);
      part = [];
      bytes = 0;
    }
    part.push(id);
    bytes += size;
  }
  if (part.length > 0) out.push(`${topic}:${instance}:${JSON.stringify(part)}`);
  return out;
}

/** Reads a notice; a bare id (an instance of an earlier version) is one id. Anything else is ignored. */
export function parseNotice(payload: string): { topic: Topic; instance: string; ids: string[] } | null {
  const match = /^(change|console):([0-9a-f]+):(.+)$/s.exec(payload);
  if (!match) return null;
  const body = match[3]!;
  let ids: string[] = [body];
  if (body.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === 'string')) return null;
      ids = parsed;
    } catch {
      return null;
    }
  }
  return { topic: match[1] as Topic, instance: match[2]!, ids };
}
