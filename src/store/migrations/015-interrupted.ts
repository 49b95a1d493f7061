// Migration 015: how many times a message's delivery, or a timer's firing, was cut off by the death of the process doing it.

import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './columns';

/**
 * A claimed message or timer whose lease ran out while it was still waiting was in the hands of a
 * process that stopped (killed, out of memory, a native crash), stalled, or could not record
 * what became of it (the database away at that moment). One whose own
 * handling kills the process would be claimed again after every restart, forever (a message
 * taking the messages claimed beside it down each time). Each claim that takes one over from a
 * lost lease counts it here; the outbox sends such a message alone, and both give one up after
 * a few (src/engine/outbox.ts, src/engine/timers.ts).
 */
export function interrupted(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('outbox').addColumn('interrupted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('timers').addColumn('interrupted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('timers').dropColumn('interrupted').execute();
      await db.schema.alterTable('outbox').dropColumn('interrupted').execute();
    },
  };
}
