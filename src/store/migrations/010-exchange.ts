// Migration 010: the StopNCII-compatible exchange (one record per signal type and hash value, in change order), partners' names and activity, and the case PIN.

import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './columns';

/** Feed rows read per round of the backfill, so a large feed never sits in memory at once. */
const BATCH = 500;

/** The signal types hash-matching tools subscribed to StopNCII know, by our media and signal type. */
const EXCHANGED: Record<string, string> = { 'image/pdq': 'ImagePDQ', 'video/md5': 'VideoMD5' };

export function exchange(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      // What a person at the platform and the teen read ("Instagram"), beside the operator's short name.
      await db.schema.alterTable('partners').addColumn('display_name', 'text').execute();
      // SHA-256 of the second secret of HMA's StopNCII credentials (Ocp-Apim-Subscription-Key); null for partners added before.
      await db.schema.alterTable('partners').addColumn('subscription_key_hash', 'text').execute();
      await db.schema.alterTable('partners').addColumn('last_fetch_at', 'bigint').execute();
      await db.schema.alterTable('partners').addColumn('last_feedback_at', 'bigint').execute();
      // scrypt of the PIN shown once at submission: with the case number it opens the case's page.
      await db.schema.alterTable('cases').addColumn('pin_hash', 'text').execute();

      // One row per exchanged hash; `seq` moves to the end on every change, so a page in seq order is a page of changes.
      await db.schema
        .createTable('exchange_records')
        .addColumn('signal_type', 'text', (c) => c.notNull())
        .addColumn('hash_value', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull().unique())
        .addColumn('modified_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('exchange_records_pk', ['signal_type', 'hash_value'])
        .execute();
      await db.schema.createIndex('exchange_records_modified').on('exchange_records').column('modified_at').execute();
      await db.schema.createIndex('case_hashes_value').on('case_hashes').column('value').execute();

      // Every hash already in the feed, in feed order: its latest change is where it lands.
      let after = 0;
      let seq = 0;
      let modified = 0;
      for (;;) {
        const rows: { seq: number; at: number; media_type: string; signal_type: string; value: string }[] = await db
          .selectFrom('hash_feed as f')
          .innerJoin('case_hashes as h', 'h.id', 'f.hash_id')
          .innerJoin('cases as c', 'c.id', 'h.case_id')
          .select(['f.seq', 'f.at', 'h.media_type', 'h.signal_type', 'h.value'])
          .where('f.seq', '>', after)
          .where('c.demo', '=', 0)
          .orderBy('f.seq')
          .limit(BATCH)
          .execute();
        if (rows.length === 0) break;
        for (const row of rows) {
          const type = EXCHANGED[`${row.media_type}/${row.signal_type}`];
          if (!type) continue;
          seq += 1;
          modified = Math.max(modified, Number(row.at));
          await db
            .insertInto('exchange_records')
            .values({ signal_type: type, hash_value: row.value, seq, modified_at: modified })
            .onConflict((oc) => oc.columns(['signal_type', 'hash_value']).doUpdateSet({ seq, modified_at: modified }))
            .execute();
        }
        after = Number(rows.at(-1)!.seq);
      }
    },
  };
}
