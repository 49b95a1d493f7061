// Migration 006: cases made in the public demo are marked, and hashes a demo case already put in the partner feed are withdrawn.

import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './columns';

/** The prefix the try-the-bot page gives its console users (src/staff/demo.ts TRY_USER_PREFIX, fixed here as it was when this ran). */
const DEMO_USER_PREFIX = 'web-';

export function demo(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      // A demo case is kept for the visitor's case number, but it is never shared with platforms.
      await db.schema.alterTable('cases').addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      const demoConversations = db.selectFrom('conversations').select('id').where('channel', '=', 'console').where('user_id', 'like', `${DEMO_USER_PREFIX}%`);
      await db.updateTable('cases').set({ demo: 1 }).where('conversation_id', 'in', demoConversations).execute();
      // Platforms may already hold hashes that a demo visitor sent: a tombstone asks them to delete each one.
      const shared = await db
        .selectFrom('case_hashes as h')
        .innerJoin('cases as c', 'c.id', 'h.case_id')
        .select('h.id')
        .where('c.demo', '=', 1)
        .where((eb) => eb.exists(eb.selectFrom('hash_feed as f').select('f.seq').whereRef('f.hash_id', '=', 'h.id').where('f.op', '=', 'add')))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('hash_feed as f').select('f.seq').whereRef('f.hash_id', '=', 'h.id').where('f.op', '=', 'remove'))))
        .orderBy('h.id')
        .execute();
      if (shared.length === 0) return;
      // The feed's writers serialise on this lock so that rows appear in sequence order (as src/engine/cases.ts does).
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(db);
      const at = Date.now();
      await db.insertInto('hash_feed').values(shared.map((h) => ({ hash_id: h.id, op: 'remove', at }))).execute();
    },
  };
}
