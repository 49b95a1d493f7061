// Migration 015: how many times a message's delivery was cut off by the death of the process sending it.

import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './columns';

/**
 * A claimed message whose lease ran out while it was still waiting was being delivered by a
 * process that stopped (killed, out of memory, a native crash) or stalled. A message whose own
 * send kills the process would be claimed again after every restart, forever, taking the
 * messages claimed beside it down each time. Each claim that takes a message over from a lost
 * lease counts it here; the outbox worker sends such a message alone and gives it up after a
 * few (src/engine/outbox.ts).
 */
export function outboxInterrupted(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('outbox').addColumn('interrupted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('outbox').dropColumn('interrupted').execute();
    },
  };
}
