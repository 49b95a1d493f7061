// Column helpers shared by migrations: the few places where SQLite and PostgreSQL spell a type differently.

import { sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * An increasing integer primary key. On SQLite a plain rowid: AUTOINCREMENT would also write
 * sqlite_sequence on every insert, and these ids need not survive the deletion of the last row.
 */
export function serial(dialect: Dialect) {
  return dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key`;
}

/** An integer key that is never reused, even after deletions (the partner feed's cursor). */
export function monotonicSerial(dialect: Dialect) {
  return dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`;
}

/** Tables keyed by a random text value are smaller and cheaper to write without a separate rowid on SQLite. */
export function withoutRowid(dialect: Dialect) {
  return dialect === 'sqlite' ? sql`without rowid` : sql``;
}
