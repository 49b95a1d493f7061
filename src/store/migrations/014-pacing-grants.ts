// Migration 014: a channel's shared token bucket says how many tokens its last taker was granted, so one statement can hand out several.

import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './columns';

export function pacingGrants(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('outbound_pacing').addColumn('granted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('outbound_pacing').dropColumn('granted').execute();
    },
  };
}
