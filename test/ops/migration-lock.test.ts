// Instances that start together on one fresh PostgreSQL schema: one applies the migrations, under an advisory lock, and every one starts.

import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dropPgSchema, openStore, type Store } from '../../src/store/database';
import { migrations } from '../../src/store/migrations';
import { PG_URL } from '../helpers';

const schemas: string[] = [];
afterEach(async () => {
  for (const schema of schemas.splice(0)) await dropPgSchema(PG_URL, schema);
});

describe('migrations on PostgreSQL', () => {
  it('run once when several instances start on one fresh schema at the same moment', async () => {
    const INSTANCES = 4;
    for (let round = 0; round < 3; round++) {
      const schema = `t_mig_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      const opened = await Promise.allSettled(Array.from({ length: INSTANCES }, () => openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 })));
      const stores = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const failures = opened.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).cause ?? r.reason)] : []));
      try {
        expect(failures).toEqual([]);
        const applied = await sql<{ name: string }>`select name from ${sql.table(`${schema}.kysely_migration`)} order by name`.execute(stores[0]!.db);
        expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations('postgres')));
        // Every instance sees the whole schema.
        for (const store of stores) await store.db.selectFrom('outbox').select('id').limit(1).execute();
      } finally {
        await Promise.all(stores.map((s: Store) => s.close()));
      }
    }
  }, 60_000);

  it('wait for an instance that is migrating, instead of failing or migrating alongside it', async () => {
    const schema = `t_mig_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const first = await openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 });
    try {
      // Hold this schema's migration lock, as an instance in the middle of an upgrade would.
      const { migrationLockKey } = await import('../../src/store/migrations');
      const holder = await first.db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(${migrationLockKey(schema)[0]}, ${migrationLockKey(schema)[1]})`.execute(conn);
        let settled = false;
        const second = openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 }).finally(() => (settled = true));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const waited = !settled;
        await sql`select pg_advisory_unlock(${migrationLockKey(schema)[0]}, ${migrationLockKey(schema)[1]})`.execute(conn);
        return { waited, second: await second };
      });
      expect(holder.waited).toBe(true);
      await holder.second.close();
    } finally {
      await first.close();
    }
  }, 30_000);
});
