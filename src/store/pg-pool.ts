// The PostgreSQL pool: bounded waits, lost connections logged and replaced instead of ending the process, broken ones never reused.

import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { PLANNED_EACH_TIME } from './fixed-sql';
import { isConnectionLost, storeErrorCode } from './unavailable';

export interface PgPoolOptions {
  url: string;
  max: number;
  /** search_path for the pool's sessions. */
  schema?: string | undefined;
  /** How long to wait for a connection (new or from a full pool). */
  connectTimeoutMs: number;
  /** Server-side limit per statement; 0 turns it off. */
  statementTimeoutMs: number;
  /** Told about each lost connection, with its code only. */
  onConnectionError: (fields: { code: string; inUse: boolean }) => void;
}

/** How much longer than the statement timeout the client waits for a database that stopped answering altogether. */
const READ_GRACE_MS = 1_000;
/** Without a statement timeout, a database that never answers is still given up on after this. */
const READ_TIMEOUT_WITHOUT_STATEMENT_TIMEOUT_MS = 60_000;

/** Distinct statements given a name; past this, statements run unnamed (each connection keeps what it prepared). */
const MAX_NAMED_STATEMENTS = 500;
const statementNames = new Map<string, string>();

/**
 * The same few statements run for every event: named, PostgreSQL parses and plans each once per
 * connection and reuses it. Only plain data statements are named, never one marked
 * PLANNED_EACH_TIME (the claims, the poll for due timers); the name is the text's hash, so one name never stands for two texts.
 */
function statementName(sql: string): string | undefined {
  if (sql.startsWith(PLANNED_EACH_TIME)) return undefined;
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS && /^\s*(select|insert|update|delete|with)\b/i.test(sql)) {
    name = 'r_' + createHash('sha256').update(sql).digest('base64url').slice(0, 24);
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * A pg.Pool wrapped for Kysely. node-postgres emits 'error' on a client whose backend went away
 * (pg_terminate_backend, a restart, a pooler closing idle connections); with no listener that
 * ends the process. Every client gets a listener for its whole life, and a client that failed with
 * a lost connection or a read timeout is released as broken, so the pool closes it and opens a
 * fresh one on the next request. Service resumes by itself once the database answers again.
 */
export function createPgPool(options: PgPoolOptions): PostgresPool {
  const inUse = new WeakSet<pg.PoolClient>();
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max,
    // Names our sessions in pg_stat_activity; an application_name in the URL takes precedence.
    application_name: 'reclaim',
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(options.statementTimeoutMs > 0 ? { statement_timeout: options.statementTimeoutMs } : {}),
    query_timeout: options.statementTimeoutMs > 0 ? options.statementTimeoutMs + READ_GRACE_MS : READ_TIMEOUT_WITHOUT_STATEMENT_TIMEOUT_MS,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onConnectionError({ code: storeErrorCode(error), inUse: inUse.has(client) }));
  });
  // The pool re-emits an idle client's error; the client's own listener above has logged it already.
  pool.on('error', () => {});

  return {
    async connect() {
      const client = await pool.connect();
      inUse.add(client);
      let broken = false;
      const wrapped: PostgresPoolClient = {
        query: (async (sql: string, parameters: ReadonlyArray<unknown>) => {
          // After a lost connection or a read timeout nothing more is sent on it: the rollback
          // Kysely tries next fails at once instead of waiting out another timeout.
          if (broken) throw new Error('connection discarded after a lost connection');
          try {
            const name = statementName(sql);
            return await (name ? client.query({ name, text: sql, values: [...parameters] }) : client.query(sql, [...parameters]));
          } catch (error) {
            if (isConnectionLost(error)) broken = true;
            throw error;
          }
        }) as unknown as PostgresPoolClient['query'],
        release(destroy) {
          inUse.delete(client);
          client.release(destroy || broken ? true : undefined);
        },
      };
      return wrapped;
    },
    end: () => pool.end(),
  };
}
