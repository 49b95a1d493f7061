// Migration 008: what several instances must count together: rate-limit windows, outbound pacing per channel, and demo replies waiting for their page.

import { sql, type Kysely, type Migration } from 'kysely';
import { serial, withoutRowid, type Dialect } from './columns';

export function sharedLimits(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      // One row per limited key (hashed: no address or e-mail is kept), a fixed window each.
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('reset_at', 'bigint', (c) => c.notNull())
        .modifyEnd(withoutRowid(dialect))
        .execute();
      await db.schema.createIndex('rate_limits_reset').on('rate_limits').column('reset_at').execute();
      // A token bucket per channel, shared by every instance that sends to it.
      await db.schema
        .createTable('outbound_pacing')
        .addColumn('channel', 'text', (c) => c.primaryKey())
        .addColumn('tokens', 'double precision', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // Demo (try the bot) replies delivered while the visitor's page listens on another instance; sealed, and gone once read.
      await db.schema
        .createTable('console_deliveries')
        .addColumn('id', sql`${serial(dialect)}`)
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('console_deliveries_user').on('console_deliveries').columns(['user_id', 'id']).execute();
    },
  };
}
