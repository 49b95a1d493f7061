// Migration 004: handoff tokens tied to the outbox message that carries them, and per-partner keys for opaque hash ids.

import { randomBytes } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './columns';

/** A fresh key for one partner's hash ids: 32 random bytes, base64url (as addPartner makes them). */
function newHashIdKey(): string {
  return randomBytes(32).toString('base64url');
}

export function delivery(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      // Every attempt to send one link message mints a sibling token; using any of them spends them all.
      await db.schema.alterTable('handoff_tokens').addColumn('outbox_id', 'bigint').execute();
      await db.schema.createIndex('handoff_tokens_outbox').on('handoff_tokens').column('outbox_id').execute();
      await db.schema.createIndex('handoff_tokens_conversation').on('handoff_tokens').column('conversation_id').execute();
      // Hash ids are encrypted per partner, so two partners' ids for one hash share nothing.
      await db.schema.alterTable('partners').addColumn('hash_id_key', 'text').execute();
      const partners = await db.selectFrom('partners').select('id').execute();
      for (const partner of partners) await db.updateTable('partners').set({ hash_id_key: newHashIdKey() }).where('id', '=', partner.id).execute();
    },
  };
}
