// Opens the store: SQLite (better-sqlite3, WAL) by default, PostgreSQL when a DATABASE_URL is given.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type DatabaseIntrospector, type DatabaseMetadata, type SchemaMetadata, type TableMetadata } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { migrateToLatest } from './migrations';
import { createPgPool } from './pg-pool';
import { startCheckpointer, type Checkpointer } from './checkpointer';

export { isStoreUnavailable, storeErrorCode } from './unavailable';

export type Dialect = 'sqlite' | 'postgres';

export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite. */
  databaseUrl?: string | undefined;
  /** SQLite file; default `${dataDir}/reclaim.db`. `:memory:` is allowed for throwaway stores. */
  sqlitePath?: string;
  dataDir?: string;
  /** PostgreSQL schema to use (created if missing); lets tests run side by side in one database. */
  pgSchema?: string;
  pgPoolSize?: number;
  /** How long to wait for a PostgreSQL connection; default 5 s. */
  pgConnectTimeoutMs?: number;
  /** Longest a PostgreSQL statement may run; default 10 s, 0 for no limit. */
  pgStatementTimeoutMs?: number;
  /**
   * SQLite file only: checkpoint the write-ahead log from a thread of its own instead of inside
   * commits (src/store/checkpointer.ts). For a long-running server; short commands leave it off.
   */
  backgroundCheckpoints?: boolean;
  /** Told about lost PostgreSQL connections (codes only, never query text). */
  onConnectionError?: (fields: { code: string; inUse: boolean }) => void;
}

export const DEFAULT_PG_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_PG_STATEMENT_TIMEOUT_MS = 10_000;

/** An open database with the dialect it speaks. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * SQLite: runs a statement on the file's one connection at once, through the same cache of
   * prepared statements as Kysely's queries, without Kysely's layers around it (compiling,
   * plugins, the connection's queue, freezing the result): for the engine's fixed statements
   * inside a transaction Kysely already holds. Absent on PostgreSQL.
   */
  direct?: (text: string, parameters: readonly unknown[]) => unknown[];
  /** True when the database answers a trivial query within `timeoutMs` (default 2 s). */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

// PostgreSQL returns bigint as a string to avoid precision loss; epoch milliseconds fit a double exactly.
pg.types.setTypeParser(20, (value) => Number(value));

/** Opens (and migrates) the store described by the options. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl;
  let store: Store;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const schema = options.pgSchema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('invalid PostgreSQL schema name');
    const connectTimeoutMs = options.pgConnectTimeoutMs ?? DEFAULT_PG_CONNECT_TIMEOUT_MS;
    // The schema is created by the migrations, under their lock: instances starting together never race to create it.
    const pool = createPgPool({
      url,
      max: options.pgPoolSize ?? 10,
      schema,
      connectTimeoutMs,
      statementTimeoutMs: options.pgStatementTimeoutMs ?? DEFAULT_PG_STATEMENT_TIMEOUT_MS,
      onConnectionError: options.onConnectionError ?? (() => {}),
    });
    const db = new Kysely<Database>({ dialect: new ReclaimPostgresDialect({ pool }) });
    store = makeStore(db, 'postgres');
  } else {
    const path = options.sqlitePath ?? join(options.dataDir ?? './data', 'reclaim.db');
    if (path !== ':memory:') mkdirSync(options.sqlitePath ? join(path, '..') : (options.dataDir ?? './data'), { recursive: true });
    const file = new SqliteDatabase(path);
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
    file.pragma('busy_timeout = 5000');
    // Checkpoints fsync; doing them every ~40 MB of WAL instead of every 4 MB keeps commits cheap.
    file.pragma('wal_autocheckpoint = 10000');
    file.pragma('foreign_keys = ON');
    // Every ORDER BY over a UNION, IN list and sort builds a temporary B-tree. Left on "file", each
    // one sets up a pager of its own: ~0.3 ms per statement, most of the cost of a claim.
    file.pragma('temp_store = MEMORY');
    let checkpointer: Checkpointer | undefined;
    if (options.backgroundCheckpoints && path !== ':memory:') {
      file.pragma('wal_autocheckpoint = 0');
      // Once restarted, the log file is cut back to 64 MB rather than keeping a burst's size on disk.
      file.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
      checkpointer = startCheckpointer(path, {
        onFailure() {
          // The thread cannot checkpoint: SQLite's own checkpoints take over, so the log never grows without bound.
          if (file.open) file.pragma('wal_autocheckpoint = 10000');
        },
      });
    }
    const cached = withStatementCache(file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
    store = makeStore(db, 'sqlite', checkpointer);
    store.direct = (text, parameters) => {
      const statement = cached.prepare(text);
      if (statement.reader) return statement.all(parameters);
      statement.run(parameters);
      return [];
    };
  }
  await migrateToLatest(store.db, store.dialect, store.dialect === 'postgres' ? options.pgSchema : undefined);
  return store;
}

/**
 * PostgreSQL with an introspector that lists tables from the catalogs alone. Kysely's own asks
 * `has_schema_privilege` of every schema's name while scanning them, and a schema that another
 * deployment or a parallel test drops during the scan fails it ("schema … does not exist"),
 * failing our migrations although our schema is there. The migrator only asks which tables exist.
 */
class ReclaimPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CatalogIntrospector(db);
  }
}

class CatalogIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, ns.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      where c.relkind in ('r', 'v', 'p') and ns.nspname !~ '^pg_' and ns.nspname <> 'information_schema'
      order by ns.nspname, c.relname`.execute(this.db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

function makeStore(db: Kysely<Database>, dialect: Dialect, checkpointer?: Checkpointer): Store {
  return {
    db,
    dialect,
    async ping(timeoutMs = 2_000) {
      // A silent database would hold the probe until the pool's own timeouts; readiness answers sooner.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      try {
        return await Promise.race([sql`select 1`.execute(db).then(() => true, () => false), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query afresh; better-sqlite3 statements can be reused, and the engine
 * runs the same dozen statements for every event. Caching them halves the cost of an event.
 */
function withStatementCache(file: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(query: string) {
      let statement = cache.get(query);
      if (!statement) {
        statement = file.prepare(query);
        if (cache.size > 500) cache.clear();
        cache.set(query, statement);
      }
      return statement;
    },
    close() {
      cache.clear();
      file.close();
    },
  };
}

/** Drops a test schema and everything in it. */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  await runOnce(url, `drop schema if exists ${schema} cascade`, DEFAULT_PG_CONNECT_TIMEOUT_MS);
}

/** Runs one statement on a connection of its own; a connection lost meanwhile fails the call instead of the process. */
async function runOnce(url: string, statement: string, connectTimeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}
