// The 25 languages against English: a language that is present must be complete, and a missing one is listed as still to come.
//
// Checked per language: every key of en's translation.json and page.json (plural keys by the
// language's own plural rules), the same {{placeholders}} and $t() references, button labels of
// at most 20 characters, meta.name, and meta.dir right to left exactly for ar, ur and ckb. A
// staff.json may carry only `meta` and the canned replies (the dashboard falls back to English
// key by key), but what it carries matches English. `RECLAIM_LOCALES_DIR` points the checks at
// another tree (used to check this test itself).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, textDirection } from '../src/core/locales';
import { LANGUAGE_NAMES } from '../src/core/language-names';

const DIR = process.env.RECLAIM_LOCALES_DIR ?? join(import.meta.dirname, '..', 'locales');
const FILES = ['translation.json', 'page.json', 'staff.json'] as const;
const MAX_LABEL = 20;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Json = { [key: string]: Json } | string;
type Flat = Map<string, string>;

function flatten(node: Json, prefix = '', out: Flat = new Map()): Flat {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    out.set(prefix, typeof node === 'string' ? node : JSON.stringify(node));
    return out;
  }
  for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

const load = (lng: string, file: string): Flat => flatten(JSON.parse(readFileSync(join(DIR, lng, file), 'utf8')) as Json);
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!.trim()))].sort().join(',');
const references = (text: string) => [...new Set([...text.matchAll(/\$t\(([^)]*)\)/g)].map((m) => m[1]!.trim()))].sort().join(',');

/**
 * The keys a language needs for English's: the same, except that a plural key (`x_one`,
 * `x_other`) is needed in the language's own plural forms (Arabic has six, Thai one).
 */
function neededKeys(english: Flat, lng: string): Map<string, string> {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const needed = new Map<string, string>();
  for (const key of english.keys()) {
    if (!PLURAL.test(key)) needed.set(key, key);
    else for (const category of categories) needed.set(key.replace(PLURAL, `_${category}`), key.replace(PLURAL, '_other'));
  }
  return needed;
}

/** Keys missing, and keys whose placeholders or $t() references differ from English's. */
function compare(english: Flat, mine: Flat, lng: string, only?: (key: string) => boolean) {
  const missing: string[] = [];
  const different: string[] = [];
  for (const [key, source] of neededKeys(english, lng)) {
    if (only && !only(key)) continue;
    const text = mine.get(key);
    if (text === undefined || text.trim() === '') missing.push(key);
    else if (placeholders(text) !== placeholders(english.get(source) ?? '') || references(text) !== references(english.get(source) ?? '')) different.push(key);
  }
  return { missing, different };
}

const present = SUPPORTED_LOCALES.filter((lng) => FILES.some((file) => existsSync(join(DIR, lng, file))));
const absent = SUPPORTED_LOCALES.filter((lng) => !present.includes(lng));
const label = (lng: string) => `${lng} ${LANGUAGE_NAMES[lng as keyof typeof LANGUAGE_NAMES].english} (${LANGUAGE_NAMES[lng as keyof typeof LANGUAGE_NAMES].endonym})`;

describe('the 25 languages', () => {
  it(`are present: ${present.join(' ')}; still to come: ${absent.join(' ') || 'none'}`, () => {
    expect(present).toContain('en');
  });

  for (const lng of absent) it.todo(`${label(lng)}: no translation yet`);

  describe.each(present.map((lng) => [label(lng), lng] as const))('%s', (_name, lng) => {
    const has = (file: string) => existsSync(join(DIR, lng, file));

    it('has translation.json, page.json and staff.json', () => {
      expect(FILES.filter((file) => !has(file))).toEqual([]);
    });

    it.each(['translation.json', 'page.json'])('%s has every key of English, with the same placeholders and $t() references', (file) => {
      expect(has(file), `${lng}/${file}`).toBe(true);
      expect(compare(load('en', file), load(lng, file), lng)).toEqual({ missing: [], different: [] });
    });

    it('staff.json has meta and every canned reply, and what else it has matches English', () => {
      expect(has('staff.json'), `${lng}/staff.json`).toBe(true);
      const mine = load(lng, 'staff.json');
      expect(compare(load('en', 'staff.json'), mine, lng, (key) => key.startsWith('meta.') || key.startsWith('canned.'))).toEqual({ missing: [], different: [] });
      const english = load('en', 'staff.json');
      const carried = (key: string) => mine.has(key);
      expect(compare(english, mine, lng, carried).different).toEqual([]);
    });

    it(`labels every button in at most ${MAX_LABEL} characters`, () => {
      expect(has('translation.json')).toBe(true);
      const long = [...load(lng, 'translation.json')].filter(([key, text]) => (key.startsWith('choice.') || key === 'handoff.link_label') && [...text].length > MAX_LABEL);
      expect(long).toEqual([]);
    });

    it(`names itself and is written ${textDirection(lng) === 'rtl' ? 'right to left' : 'left to right'} in every file`, () => {
      for (const file of FILES.filter(has)) {
        const meta = load(lng, file);
        expect(meta.get('meta.dir'), `${lng}/${file} meta.dir`).toBe(textDirection(lng));
        if (load('en', file).has('meta.name')) expect(meta.get('meta.name')?.trim(), `${lng}/${file} meta.name`).toBeTruthy();
      }
    });
  });
});
