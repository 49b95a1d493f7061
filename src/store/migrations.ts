// Schema migrations, written once for SQLite and PostgreSQL, applied in order on every start.

import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './migrations/columns';
import { core } from './migrations/001-core';
import { cases } from './migrations/002-cases';
import { staff } from './migrations/003-staff';
import { delivery } from './migrations/004-delivery';
import { crisis } from './migrations/005-crisis';
import { demo } from './migrations/006-demo';
import { sharedLimits } from './migrations/008-shared-limits';
import { country } from './migrations/009-country';

/** Every migration in order. Never edit a released one: add the next file and a line here. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001_core': core(dialect),
    '002_cases': cases(dialect),
    '003_staff': staff(dialect),
    '004_delivery': delivery(dialect),
    '005_crisis': crisis(dialect),
    '006_demo': demo(dialect),
    '008_shared_limits': sharedLimits(dialect),
    '009_country': country(dialect),
  };
}

/** Brings the schema up to date; safe to run on every start. */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // The bookkeeping tables live in the same schema as the data, so instances in other schemas never see them.
  const { error, results } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
