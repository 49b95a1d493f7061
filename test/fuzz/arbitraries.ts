// Shared pieces of the fuzz suites: hostile values, and the property every refusal must have.

import fc from 'fast-check';
import { expect } from 'vitest';

/** Values a careless or hostile sender puts where one type was expected. */
export const hostile = fc.oneof(
  { depthSize: 'small' },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', ' ', '\u0000', '__proto__', 'constructor', '9'.repeat(40), '-1', '1e309', 'NaN'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A field that is sometimes well-formed, sometimes hostile, sometimes missing (undefined drops out of JSON). */
export function maybe<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(good, good, hostile, fc.constant(undefined));
}

/** Bodies that are not the expected shape at all: JSON of any kind, text, or cut-off JSON. */
export const junkBody = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 2 }).map((json) => json.slice(0, Math.max(0, json.length - 1))),
);

/** The property: no 5xx; a refusal (4xx) says in words what was wrong. */
export async function expectHandled(response: Response, what: string, seen?: { add(status: number): void }): Promise<void> {
  seen?.add(response.status);
  const text = await response.text();
  expect(response.status, `${what} → ${response.status} ${text.slice(0, 200)}`).toBeLessThan(500);
  if (response.status >= 400) {
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* a plain-text refusal: its words are the body */
    }
    const words = body && typeof body === 'object' ? [body.error, body.message].find((v) => typeof v === 'string' && v.length > 0) : text.trim() || undefined;
    expect(words, `${what} → ${response.status} without an error message: ${text.slice(0, 200)}`).toBeTypeOf('string');
  }
}

/** Seeded and bounded, so a failure replays and a run ends. */
export const RUNS = (n: number, seed: number) => ({ numRuns: n, seed, endOnFailure: true });

/** Counts answers by status, to see that a run reached past the first check. */
export function tally(): { add(status: number): void; counts: Record<number, number> } {
  const counts: Record<number, number> = {};
  return { counts, add: (status) => void (counts[status] = (counts[status] ?? 0) + 1) };
}
