// Migration 007: the inbox, where a webhook's events are kept from their acknowledgement until the engine has processed them.

import { sql, type Kysely, type Migration } from 'kysely';
import { serial, type Dialect } from './columns';

export function inbox(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('inbox')
        .addColumn('id', sql`${serial(dialect)}`)
        // Channel and user id: events of one person are processed in the order they arrived.
        .addColumn('person', 'text', (c) => c.notNull())
        // Hashed as in processed_events; a redelivery while the event waits is not stored twice.
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        // The normalised event, text included (as the transcript keeps it); deleted once processed.
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        // Claimed by a draining instance until then; a crashed instance's claim runs out.
        .addColumn('lease_until', 'bigint')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('inbox_person').on('inbox').columns(['person', 'id']).execute();
    },
  };
}
