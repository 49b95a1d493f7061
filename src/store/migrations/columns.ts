// Column helpers shared by migrations: the few places where SQLite and PostgreSQL spell a type differently.

import { sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** An auto-incrementing integer primary key. */
export function serial(dialect: Dialect) {
  return dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`;
}
