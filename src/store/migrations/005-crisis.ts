// Migration 005: why a conversation is urgent, and which line of its transcript raised the alarm.

import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './columns';

/** Two nullable columns: old rows read as "urgent for no recorded reason" and "no marked line". */
export function crisis(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('conversations').addColumn('urgent_reason', 'text').execute();
      await db.schema.alterTable('transcript').addColumn('marker', 'text').execute();
    },
  };
}
