// Migration 009: where the person lives (ISO code, `ZZ` for elsewhere or not said), kept beside the conversation so staff see it.

import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './columns';

/** Rows read per round of the backfill, so a large table never sits in memory at once. */
const BATCH = 500;

/**
 * A nullable column (null: not known yet), filled for existing conversations from their stored
 * flow snapshot, where the country has been kept since the country question was added.
 */
export function country(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('conversations').addColumn('country', 'text').execute();
      let after = '';
      for (;;) {
        const rows: { id: string; snapshot: string }[] = await db
          .selectFrom('conversations')
          .select(['id', 'snapshot'])
          .where('id', '>', after)
          .where('snapshot', 'like', '%"country":"%')
          .orderBy('id')
          .limit(BATCH)
          .execute();
        if (rows.length === 0) break;
        for (const row of rows) {
          const code = countryOf(row.snapshot);
          if (code) await db.updateTable('conversations').set({ country: code }).where('id', '=', row.id).execute();
        }
        after = rows.at(-1)!.id;
      }
    },
  };
}

/** The country a stored snapshot holds, when it is a well-formed code; anything else is left unknown. */
function countryOf(snapshot: string): string | null {
  try {
    const value = (JSON.parse(snapshot) as { context?: { country?: unknown } }).context?.country;
    return typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}
