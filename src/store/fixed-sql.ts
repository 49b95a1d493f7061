// Statements written once as text, for the hot paths where building them with Kysely cost more than running them.

import type { Dialect } from './database';

/** `?` placeholders as PostgreSQL's `$1, $2…` (the texts hold no `?` of their own). */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/gu, () => `$${++n}`);
}

/** `?, ?, …`: `count` placeholders, for an `in (…)` list or a row of values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** The same text in both dialects: `?` for SQLite, numbered for PostgreSQL. */
export function perDialect(text: string): Record<Dialect, string> {
  return { sqlite: text, postgres: numbered(text) };
}

/**
 * Marks a PostgreSQL statement to be planned at every execution rather than prepared once per
 * connection (src/store/pg-pool.ts). For statements whose best plan changes with the size of what
 * they scan: a plan cached while a queue was nearly empty can be quadratic once it holds thousands.
 */
export const PLANNED_EACH_TIME = '/* planned each time */ ';

/** A statement in both dialects, planned at each execution on PostgreSQL (see PLANNED_EACH_TIME). */
export function plannedPerDialect(text: string): Record<Dialect, string> {
  return { sqlite: text, postgres: PLANNED_EACH_TIME + numbered(text) };
}

/**
 * A claiming statement in both dialects: `make` puts `lock` after its row-selecting subquery's
 * `limit`. On PostgreSQL that is `for update skip locked` (rows another instance is claiming are
 * skipped, not waited for); SQLite has one writer and needs none. On PostgreSQL a claim is planned
 * at each execution: it walks a queue that is empty one minute and holds thousands of rows the next.
 */
export function claimingPerDialect(make: (lock: string) => string): Record<Dialect, string> {
  return { sqlite: make(''), postgres: plannedPerDialect(make(' for update skip locked')).postgres };
}

/**
 * Texts whose shape depends on a count (rows inserted, ids listed), made once per dialect and
 * shape. Shapes are few; the bound only guards against surprises.
 */
export function shapes(make: (count: number) => string): (dialect: Dialect, count: number) => string {
  const made = new Map<string, string>();
  return (dialect, count) => {
    const key = `${dialect}:${count}`;
    let text = made.get(key);
    if (text === undefined) {
      text = make(count);
      if (dialect === 'postgres') text = numbered(text);
      if (made.size > 256) made.clear();
      made.set(key, text);
    }
    return text;
  };
}
