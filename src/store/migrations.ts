// Schema migrations, written once for SQLite and PostgreSQL, applied in order on every start.

import { createHash } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './migrations/columns';
import { core } from './migrations/001-core';
import { cases } from './migrations/002-cases';
import { staff } from './migrations/003-staff';
import { delivery } from './migrations/004-delivery';
import { crisis } from './migrations/005-crisis';
import { demo } from './migrations/006-demo';
import { inbox } from './migrations/007-inbox';
import { sharedLimits } from './migrations/008-shared-limits';
import { country } from './migrations/009-country';
import { exchange } from './migrations/010-exchange';
import { helplineDay } from './migrations/011-helpline-day';
import { outboxDue } from './migrations/012-outbox-due';
import { outboxBlocking } from './migrations/013-outbox-blocking';
import { outboxReady } from './migrations/014-outbox-ready';
import { interrupted } from './migrations/015-interrupted';

/** Every migration in order. Never edit a released one: add the next file and a line here. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001_core': core(dialect),
    '002_cases': cases(dialect),
    '003_staff': staff(dialect),
    '004_delivery': delivery(dialect),
    '005_crisis': crisis(dialect),
    '006_demo': demo(dialect),
    '007_inbox': inbox(dialect),
    '008_shared_limits': sharedLimits(dialect),
    '009_country': country(dialect),
    '010_exchange': exchange(dialect),
    '011_helpline_day': helplineDay(dialect),
    '012_outbox_due': outboxDue(dialect),
    '013_outbox_blocking': outboxBlocking(dialect),
    '014_outbox_ready': outboxReady(dialect),
    '015_interrupted': interrupted(dialect),
  };
}

/**
 * Brings the schema up to date; safe to run on every start. On PostgreSQL several instances may
 * start at once against one database: the first to take the schema's advisory lock creates the
 * schema if needed and migrates, the others wait for it and then find nothing left to do.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  if (dialect !== 'postgres') return migrate(db, dialect, schema);
  // A session lock belongs to one connection: take it, migrate and release it all on the same one.
  await db.connection().execute(async (conn) => {
    await acquire(conn, migrationLockKey(schema));
    try {
      if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(conn);
      await migrate(conn, dialect, schema);
    } finally {
      await sql`select pg_advisory_unlock(${migrationLockKey(schema)[0]}, ${migrationLockKey(schema)[1]})`.execute(conn);
    }
  });
}

/** The two-part advisory lock key guarding migrations of one schema (the default schema when none is named). */
export function migrationLockKey(schema: string | undefined): [number, number] {
  return [MIGRATION_LOCK_CLASS, createHash('sha256').update(schema ?? 'public').digest().readInt32BE(0)];
}

/** "RCLM": a lock class of our own, so the key never collides with another application's advisory locks. */
const MIGRATION_LOCK_CLASS = 0x52434c4d;
const LOCK_POLL_MS = 200;

/**
 * Waits for the lock by asking again rather than blocking in one statement: a migration on a big
 * table may outlast the pool's statement timeout, and waiting for it is not a failure.
 */
async function acquire(conn: Kysely<any>, [kind, key]: [number, number]): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${kind}, ${key}) as ok`.execute(conn);
    if (rows[0]?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

async function migrate(db: Kysely<any>, dialect: Dialect, schema: string | undefined): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // The bookkeeping tables live in the same schema as the data, so instances in other schemas never see them.
  const { error, results } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
