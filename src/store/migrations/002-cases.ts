// Migration 002: partner platforms, the hash feed they page through, the append-only case history, notification marks.

import { sql, type Kysely, type Migration } from 'kysely';
import { monotonicSerial, serial, type Dialect } from './columns';

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
        .addColumn('notified_at', 'bigint')
        .execute();
      await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();
    },
  };
}
