// Migration 009 on a database with conversations from before it: each one's country is read from its stored snapshot.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations';
import { openStore } from '../../src/store/database';
import { readQueue } from '../../src/staff/queue';

describe('migration 009', () => {
  it('fills the country of existing conversations from their snapshots, and leaves the rest unknown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reclaim-mig-'));
    const path = join(dir, 'reclaim.db');
    try {
      const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(path) }) });
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations('sqlite') } }).migrateTo('006_demo');
      if (error) throw error;
      const at = 1_760_000_000_000;
      const snapshots: Record<string, string> = {
        'conv-th': JSON.stringify({ context: { locale: 'th', country: 'TH' } }),
        'conv-skip': JSON.stringify({ context: { locale: 'en', country: 'ZZ' } }),
        'conv-unknown': JSON.stringify({ context: { locale: 'en', country: null } }),
        'conv-old': JSON.stringify({ context: { locale: 'es' } }),
        'conv-odd': '{"context":{"country":"<b>"}}',
      };
      for (const [id, snapshot] of Object.entries(snapshots)) {
        await db.insertInto('conversations').values({ id, channel: 'telegram', user_id: id, locale: 'en', snapshot, flow_version: 1, step: 'role', urgent: 0, under13: 0, sextortion: 0, human: 0, unreachable: 0, held_by: null, status: 'open', last_inbound_at: at, created_at: at, updated_at: at }).execute();
      }
      await db.destroy();
      const store = await openStore({ sqlitePath: path });
      try {
        const rows = await readQueue(store.db);
        expect(Object.fromEntries(rows.map((r) => [r.id, r.country]))).toEqual({ 'conv-th': 'TH', 'conv-skip': 'ZZ', 'conv-unknown': null, 'conv-old': null, 'conv-odd': null });
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
