// Migration 003: staff accounts, their sessions, and the append-only audit log of everything staff do.

import { sql, type Kysely, type Migration } from 'kysely';
import { serial, type Dialect } from './columns';

/** Staff accounts, sessions (token hashes only) and the audit log, which the database itself refuses to change. */
export function staff(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('staff_accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('last_login_at', 'bigint')
        .execute();
      await db.schema
        .createTable('staff_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('staff_sessions_staff').on('staff_sessions').column('staff_id').execute();
      await db.schema
        .createTable('staff_audit')
        .addColumn('id', sql`${serial(dialect)}`)
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('staff_id', 'text')
        .addColumn('staff_email', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text')
        .addColumn('detail', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('staff_audit_at').on('staff_audit').column('at').execute();
      await db.schema.createIndex('staff_audit_conversation').on('staff_audit').columns(['conversation_id', 'id']).execute();
      await db.schema.createIndex('staff_audit_staff').on('staff_audit').columns(['staff_id', 'id']).execute();
      // The code never updates or deletes audit rows; the triggers make sure nobody else does either.
      if (dialect === 'postgres') {
        await sql`create function staff_audit_append_only() returns trigger language plpgsql as $$
          begin raise exception 'staff_audit is append-only'; end $$`.execute(db);
        await sql`create trigger staff_audit_no_change before update or delete on staff_audit
          for each row execute function staff_audit_append_only()`.execute(db);
        await sql`create trigger staff_audit_no_truncate before truncate on staff_audit
          for each statement execute function staff_audit_append_only()`.execute(db);
      } else {
        await sql`create trigger staff_audit_no_update before update on staff_audit
          begin select raise(abort, 'staff_audit is append-only'); end`.execute(db);
        await sql`create trigger staff_audit_no_delete before delete on staff_audit
          begin select raise(abort, 'staff_audit is append-only'); end`.execute(db);
      }
    },
  };
}
