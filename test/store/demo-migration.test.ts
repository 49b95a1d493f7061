// Migration 006 on a database that already shared demo hashes: demo cases are marked, and platforms are told to delete them.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations';
import { createPgPool } from '../../src/store/pg-pool';
import { dropPgSchema, openStore, type Store } from '../../src/store/database';
import { readFeed } from '../../src/engine/partners';
import { DIALECTS, PG_URL, type DialectName } from '../helpers';

/** A database as the release before 006 left it, and a way to open it again with every migration. */
async function before006(dialect: DialectName): Promise<{ db: Kysely<any>; reopen: () => Promise<Store>; cleanup: () => Promise<void> }> {
  if (dialect === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const pool = (inSchema?: string) => createPgPool({ url: PG_URL, max: 2, schema: inSchema, connectTimeoutMs: 5000, statementTimeoutMs: 0, onConnectionError: () => {} });
    const admin = new Kysely<any>({ dialect: new PostgresDialect({ pool: pool() }) });
    await sql.raw(`create schema ${schema}`).execute(admin);
    await admin.destroy();
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: pool(schema) }) });
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations('postgres') }, migrationTableSchema: schema }).migrateTo('004_delivery');
    if (error) throw error;
    return { db, reopen: () => openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 }), cleanup: () => dropPgSchema(PG_URL, schema) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-mig-'));
  const path = join(dir, 'reclaim.db');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path) }) });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations('sqlite') } }).migrateTo('004_delivery');
  if (error) throw error;
  return { db, reopen: () => openStore({ sqlitePath: path }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe.each(DIALECTS)('migration 006 on %s', (dialect) => {
  it('marks the demo cases it can tell and withdraws their shared hashes, leaving real cases alone', async () => {
    const { db, reopen, cleanup } = await before006(dialect);
    const at = 1_760_000_000_000;
    // A demo visitor and a person on Telegram, each with a shared case, as the old code recorded them.
    for (const [conversation, channel, userId, caseId, value] of [
      ['conv-demo', 'console', 'web-abc', 'case-demo', 'a'.repeat(32)],
      ['conv-real', 'telegram', '42', 'case-real', 'b'.repeat(32)],
    ] as const) {
      await db.insertInto('conversations').values({ id: conversation, channel, user_id: userId, locale: 'en', snapshot: '{}', flow_version: 1, step: 'follow_up', urgent: 0, under13: 0, sextortion: 0, human: 0, unreachable: 0, held_by: null, status: 'open', last_inbound_at: at, created_at: at, updated_at: at }).execute();
      await db.insertInto('cases').values({ id: caseId, case_number: caseId.toUpperCase(), conversation_id: conversation, locale: 'en', status: 'active', created_at: at, updated_at: at }).execute();
      const hash = await db.insertInto('case_hashes').values({ case_id: caseId, signal_type: 'md5', media_type: 'image', value, quality: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('hash_feed').values({ hash_id: hash.id, op: 'add', at }).execute();
    }
    await db.destroy();

    const store = await reopen();
    try {
      const cases = await store.db.selectFrom('cases').select(['id', 'demo']).orderBy('id').execute();
      expect(cases).toEqual([
        { id: 'case-demo', demo: 1 },
        { id: 'case-real', demo: 0 },
      ]);
      const feed = (await readFeed(store.db, 0, 100)).map((r) => `${r.op}:${r.value[0]}`);
      // The real hash stays shared; the demo hash is seen only as a tombstone asking platforms to delete it.
      expect(feed).toEqual(['add:b', 'remove:a']);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});
