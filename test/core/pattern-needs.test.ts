// The characters a pattern needs: never more than a match has (no risky message or disclosure skipped), and few patterns left to test on an everyday message.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectRisk } from '../../src/core/risk';
import { foldFor, ruleCount, type PhraseBook, type Rule } from '../../src/core/risk/book';
import { couldMatch, needsOf, screenOf, type Needs } from '../../src/core/pattern-needs';
import type { RiskExamples } from './risk-data/types';

const riskDir = join(import.meta.dirname, '../../src/core/risk');
const BOOKS: PhraseBook[] = (
  await Promise.all(
    readdirSync(riskDir)
      .filter((file) => file !== 'book.ts')
      .map(async (file) => Object.values((await import(join(riskDir, file))) as Record<string, unknown>)),
  )
)
  .flat()
  .filter((value): value is PhraseBook => typeof value === 'object' && value !== null && 'rules' in value);
const rulesOf = (book: PhraseBook): Rule[] => [...book.rules.self_harm, ...book.rules.immediate_danger];

const dataDir = join(import.meta.dirname, 'risk-data');
const EXAMPLES: string[] = (
  await Promise.all(
    readdirSync(dataDir)
      .filter((file) => file !== 'types.ts')
      .map(async (file) => ((await import(join(dataDir, file))) as { examples: RiskExamples }).examples),
  )
).flatMap((examples) => [...examples.must.map(([text]) => text), ...examples.mustNot]);

const sorted = (needs: Needs) => needs.map((way) => [...way].sort().join('')).sort();
const ANYTHING = [''];

describe('needsOf', () => {
  it('reads literals, alternatives and groups', () => {
    expect(sorted(needsOf(/kill me/u))).toEqual([' eiklm']);
    expect(sorted(needsOf(/die|dead/u))).toEqual(['ade', 'dei']);
    expect(sorted(needsOf(/(?:cut|hurt) (?:me|you)/u))).toEqual([' cemtu', ' cotuy', ' ehmrtu', ' hortuy']);
    // A way that needs all another needs, and more, adds nothing.
    expect(sorted(needsOf(/end|ending|ended/u))).toEqual(['den']);
  });

  it('needs nothing of what may be left out or consumes nothing', () => {
    expect(sorted(needsOf(/ab?c/u))).toEqual(['ac']);
    expect(sorted(needsOf(/ab*c/u))).toEqual(['ac']);
    expect(sorted(needsOf(/ab{0,3}c/u))).toEqual(['ac']);
    expect(sorted(needsOf(/ab{2,}c/u))).toEqual(['abc']);
    expect(sorted(needsOf(/ab+?c/u))).toEqual(['abc']);
    expect(sorted(needsOf(/(?<!x)a(?!y)(?=z)/u))).toEqual(['a']);
    expect(sorted(needsOf(/a[xyz]\s\p{L}.\d\bc/u))).toEqual(['ac']);
    expect(sorted(needsOf(/(a)b\1/u))).toEqual(['ab']);
    expect(sorted(needsOf(/^a\.b$/u))).toEqual(['.ab']);
  });

  it('gives up on what it does not read, rather than guessing', () => {
    expect(sorted(needsOf(/kill/iu))).toEqual(ANYTHING); // "KILL" matches too
    expect(sorted(needsOf(/kill/))).toEqual(ANYTHING); // no `u`: astral characters are two units
    expect(sorted(needsOf(/(?<name>kill)/u))).toEqual(ANYTHING);
    expect(sorted(needsOf(/\u{1F480}kill/u))).toEqual(ANYTHING);
    expect(sorted(needsOf(/\x41/u))).toEqual(ANYTHING);
  });

  // The promise: a string a pattern matches has every character of one of its ways.
  it('never needs a character that a match lacks (random patterns and strings)', () => {
    // Assertions are never quantified (a syntax error with `u`); everything else may be. Groups nest two deep.
    const QUANTIFIERS = ['', '', '', '?', '*', '+', '{0,2}', '{1,2}', '{2}', '+?', '??'];
    const level = (inner: fc.Arbitrary<string>): fc.Arbitrary<string> => {
      const part = fc.oneof(
        fc.tuple(inner, fc.constantFrom(...QUANTIFIERS)).map(([a, q]) => a + q),
        fc.tuple(fc.constantFrom('(?=', '(?!', '(?<=', '(?<!'), inner).map(([open, a]) => `${open}${a})`),
        fc.constantFrom('\\b', '^', '$'),
      );
      const sequence = fc.array(part, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
      return fc.array(sequence, { minLength: 1, maxLength: 3 }).map((branches) => branches.join('|'));
    };
    const atoms = fc.constantFrom('a', 'b', 'c', ' ', '\\.', '.', '[ab]', '\\s', '\\p{L}', '(a)\\1');
    const group = (inner: fc.Arbitrary<string>) => fc.oneof(atoms, fc.tuple(fc.constantFrom('(?:', '('), level(inner)).map(([open, a]) => `${open}${a})`));
    const pattern = level(group(group(atoms)));
    const subject = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '.', 'x'), maxLength: 12 });
    let matched = 0;
    fc.assert(
      fc.property(pattern, fc.array(subject, { minLength: 8, maxLength: 8 }), (source, subjects) => {
        const regex = new RegExp(source, 'u');
        const needs = needsOf(regex);
        for (const s of subjects) {
          if (!regex.test(s)) continue;
          matched++;
          expect(couldMatch(needs, new Set(s)), `${source} on ${JSON.stringify(s)}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
    expect(matched).toBeGreaterThan(1000);
  });
});

describe('the phrase books, screened', () => {
  it('finds every example each pattern matches among the patterns worth testing', () => {
    let matches = 0;
    for (const book of BOOKS) {
      const screen = screenOf(rulesOf(book));
      for (const text of EXAMPLES) {
        const subject = foldFor(book.script, text);
        const worth = new Uint8Array(ruleCount());
        screen.mark(subject, worth);
        for (const rule of rulesOf(book)) {
          if (!rule.pattern.test(subject)) continue;
          matches++;
          expect(worth[rule.id], `${rule.pattern.source} on ${JSON.stringify(text)}`).toBe(1);
        }
      }
    }
    expect(matches).toBeGreaterThan(400);
  });

  it('marks exactly the rules whose needs a message covers', () => {
    const latin = BOOKS.filter((book) => book.script === 'latin').flatMap(rulesOf);
    const screen = screenOf(latin);
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.string({ maxLength: 30 }), (example, noise) => {
        const subject = foldFor('latin', `${example} ${noise}`);
        const worth = new Uint8Array(ruleCount());
        screen.mark(subject, worth);
        const chars = new Set(subject);
        for (const rule of latin) expect(worth[rule.id] === 1, rule.pattern.source).toBe(couldMatch(rule.needs, chars));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves few patterns to test on everyday messages', () => {
    for (const book of BOOKS) expect(rulesOf(book).every((r) => r.needs.every((way) => way.length > 0))).toBe(true);
    const latin = BOOKS.filter((book) => book.script === 'latin').flatMap(rulesOf);
    const thai = BOOKS.filter((book) => book.script === 'thai').flatMap(rulesOf);
    const left = (found: Rule[], script: 'latin' | 'thai', text: string) => {
      const worth = new Uint8Array(ruleCount());
      screenOf(found).mark(foldFor(script, text), worth);
      return found.filter((rule) => worth[rule.id] === 1).length;
    };
    expect(latin.length).toBeGreaterThan(200);
    for (const text of ['hi', 'hello', 'yes', 'ok', '2']) expect(left(latin, 'latin', text), text).toBeLessThanOrEqual(5);
    // A Thai message leaves no Latin pattern to test: every one needs Latin letters.
    expect(left(latin, 'latin', 'สวัสดีค่ะ อยากลบรูปค่ะ')).toBe(0);
    expect(left(thai, 'thai', 'สวัสดีค่ะ อยากลบรูปค่ะ')).toBeLessThanOrEqual(3);
    expect(detectRisk('สวัสดีค่ะ อยากลบรูปค่ะ', 'th')).toBeNull();
  });

  // Screening means a long message rarely reaches most patterns; each must still finish on one.
  it('every pattern finishes on long, repetitive text', () => {
    const units = ['a ', 'help ', 'ช่วย', 'he is ', 'no ', 'me ', 'kill ', 'my self '];
    for (const book of BOOKS) {
      for (const unit of units) {
        const subject = foldFor(book.script, unit.repeat(4000));
        for (const rule of rulesOf(book)) rule.pattern.test(subject);
      }
    }
  });
});
