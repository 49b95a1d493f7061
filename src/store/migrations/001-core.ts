// Migration 001: conversations, dedupe keys, transcript, outbox, timers, handoff tokens, cases and their hashes.

import { sql, type Kysely, type Migration } from 'kysely';
import { serial, withoutRowid, type Dialect } from './columns';

export function core(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('flow_version', 'integer', (c) => c.notNull())
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('under13', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('sextortion', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('human', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unreachable', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('held_by', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('last_inbound_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('conversations_channel_user', ['channel', 'user_id'])
        .modifyEnd(withoutRowid(dialect))
        .execute();
      await db.schema
        .createTable('processed_events')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .modifyEnd(withoutRowid(dialect))
        .execute();
      await db.schema
        .createTable('transcript')
        .addColumn('id', sql`${serial(dialect)}`)
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('transcript_conversation').on('transcript').columns(['conversation_id', 'id']).execute();
      await db.schema.createIndex('transcript_at').on('transcript').column('at').execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', sql`${serial(dialect)}`)
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint')
        .addColumn('reply_token', 'text')
        .addColumn('reply_expires_at', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .execute();
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_conversation').on('outbox').columns(['conversation_id', 'id']).execute();
      await db.schema
        .createTable('timers')
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint')
        .addPrimaryKeyConstraint('timers_pk', ['conversation_id', 'name'])
        .modifyEnd(withoutRowid(dialect))
        .execute();
      await db.schema.createIndex('timers_due').on('timers').column('due_at').execute();
      await db.schema
        .createTable('handoff_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_number', 'text', (c) => c.notNull().unique())
        .addColumn('conversation_id', 'text')
        .addColumn('locale', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_conversation').on('cases').column('conversation_id').execute();
      await db.schema
        .createTable('case_hashes')
        .addColumn('id', sql`${serial(dialect)}`)
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('signal_type', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('quality', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_hashes_case').on('case_hashes').column('case_id').execute();
    },
  };
}
