// Migration 002: partner platforms, the hash feed they page through, the append-only case history, notification marks.

import { sql, type Kysely, type Migration } from 'kysely';
import { monotonicSerial, serial, type Dialect } from './columns';

/** History is written once: the database itself refuses to change or remove a row. */
async function appendOnly(db: Kysely<any>, dialect: Dialect, table: string) {
  if (dialect === 'sqlite') {
    for (const op of ['update', 'delete']) {
      await sql.raw(`create trigger ${table}_no_${op} before ${op} on ${table} begin select raise(abort, '${table} is append-only'); end`).execute(db);
    }
    return;
  }
  await sql.raw(`create or replace function reclaim_append_only() returns trigger language plpgsql as $$ begin raise exception '% is append-only', tg_table_name; end $$`).execute(db);
  await sql.raw(`create trigger ${table}_append_only before update or delete on ${table} for each row execute function reclaim_append_only()`).execute(db);
}

export function cases(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('partners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      // The feed: one row per hash shared ("add") and per hash withdrawn ("remove"), in commit order.
      await db.schema
        .createTable('hash_feed')
        .addColumn('seq', sql`${monotonicSerial(dialect)}`)
        .addColumn('hash_id', 'bigint', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hash_feed_hash').on('hash_feed').column('hash_id').execute();
      // Append-only: a case's status changes and every platform's feedback on its hashes.
      await db.schema
        .createTable('case_events')
        .addColumn('id', sql`${serial(dialect)}`)
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('hash_id', 'bigint')
        .addColumn('partner_id', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();
      for (const table of ['case_events', 'hash_feed']) await appendOnly(db, dialect, table);
      // The last case event a person was told about; news is what lies past it.
      await db.schema.alterTable('conversations').addColumn('news_cursor', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}
