// Risk detection in every language Reclaim speaks: one data file per language, and no language's idioms flagged by another's phrases.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../src/core/locales';
import { RISK_LOCALES, detectRisk } from '../../src/core/risk';
import type { RiskExamples } from './risk-data/types';

const dataDir = join(import.meta.dirname, 'risk-data');
const codes = readdirSync(dataDir)
  .filter((file) => file !== 'types.ts' && file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/u, ''))
  .sort();
const LANGUAGES = await Promise.all(
  codes.map(async (locale) => ({ locale, ...((await import(`./risk-data/${locale}.ts`)) as { examples: RiskExamples }).examples })),
);

describe.each(LANGUAGES)('detectRisk in $locale', ({ locale, must, mustNot }) => {
  it.each(must)('flags %j as %s', (text, kind) => {
    expect(detectRisk(text, locale)).toEqual({ kind, locale });
  });

  it.each(mustNot)('stays quiet on %j', (text) => {
    expect(detectRisk(text, locale)).toBeNull();
  });

  it('has enough cases to mean something', () => {
    expect(must.length).toBeGreaterThanOrEqual(12);
    expect(must.some(([, kind]) => kind === 'self_harm')).toBe(true);
    expect(must.some(([, kind]) => kind === 'immediate_danger')).toBe(true);
    expect(mustNot.length).toBeGreaterThanOrEqual(8);
  });

  it('still flags every case when the conversation is in another language', () => {
    for (const [text, kind] of must) {
      for (const other of ['en', 'th', null]) expect(detectRisk(text, other)?.kind, `${text} / ${String(other)}`).toBe(kind);
    }
  });
});

describe('detectRisk across all languages', () => {
  it('has phrases and examples for every language Reclaim speaks', () => {
    expect([...RISK_LOCALES].sort()).toEqual([...SUPPORTED_LOCALES].sort());
    expect(codes).toEqual(expect.arrayContaining(SUPPORTED_LOCALES.filter((code) => !['en', 'th', 'es'].includes(code))));
  });

  // People mix languages and every book reads every message: one language's everyday idiom must
  // not be a phrase in another's book, whatever language the conversation is in.
  it("lets every language's everyday idioms through under every conversation language", () => {
    const flagged: string[] = [];
    for (const { locale, mustNot } of LANGUAGES) {
      for (const text of mustNot) {
        for (const conversation of RISK_LOCALES) {
          const match = detectRisk(text, conversation);
          if (match) flagged.push(`${locale}: ${JSON.stringify(text)} flagged ${match.kind} by ${match.locale}`);
        }
      }
    }
    expect(flagged).toEqual([]);
  });
});
