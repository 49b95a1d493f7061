// Migration 011: a helpline's working day: who is available and how much each takes, who a waiting person is
// offered to, the times reports measure, and the helpline's settings (hours, retention) as small JSON values.

import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './columns';

/**
 * New nullable (or defaulted) columns only, so every existing row reads as before: staff start away with a
 * capacity of three; a conversation is offered to nobody, asked for nobody, and never reached the link.
 * The audit log stays append-only for everyone except the retention job, which says so for its own
 * transaction alone (PostgreSQL: a transaction-local setting; SQLite: a row it writes and removes).
 */
export function helplineDay(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('staff_accounts').addColumn('available', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('staff_accounts').addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(3)).execute();
      for (const [name, type] of [
        ['assigned_to', 'text'],
        ['assigned_at', 'bigint'],
        ['human_requested_at', 'bigint'],
        ['first_reply_at', 'bigint'],
        ['reply_need', 'text'],
        ['reached_link', 'integer'],
        ['message_left_at', 'bigint'],
        ['alerted_at', 'bigint'],
      ] as const) {
        await db.schema.alterTable('conversations').addColumn(name, type).execute();
      }
      await db.schema.createIndex('conversations_assigned').on('conversations').column('assigned_to').execute();
      await db.schema.createIndex('conversations_created').on('conversations').column('created_at').execute();
      await db.schema
        .createTable('helpline_settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      if (dialect === 'postgres') {
        await sql`create or replace function staff_audit_append_only() returns trigger language plpgsql as $$
          begin
            if tg_op = 'DELETE' and current_setting('reclaim.audit_purge', true) = 'on' then return old; end if;
            raise exception 'staff_audit is append-only';
          end $$`.execute(db);
      } else {
        await db.schema.createTable('audit_purge').addColumn('until', 'bigint', (c) => c.notNull()).execute();
        await sql`drop trigger staff_audit_no_delete`.execute(db);
        // Only rows older than the purge's own bound may go, and only while the purge's row exists.
        await sql`create trigger staff_audit_no_delete before delete on staff_audit
          when not exists (select 1 from audit_purge where old.at < audit_purge.until)
          begin select raise(abort, 'staff_audit is append-only'); end`.execute(db);
      }
    },
  };
}
