// Statements written once as text, for the hot paths where building them with Kysely cost more than running them.

import type { Dialect } from './database';

/** `?` placeholders as PostgreSQL's `$1, $2…` (the texts hold no `?` of their own). */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/gu, () => `$${++n}`);
}

/** The same text in both dialects: `?` for SQLite, numbered for PostgreSQL. */
export function perDialect(text: string): Record<Dialect, string> {
  return { sqlite: text, postgres: numbered(text) };
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
