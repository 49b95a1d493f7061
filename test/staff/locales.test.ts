// Every locales/<lng>/staff.json has exactly the keys and {{placeholders}} of English, and no empty text.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAGS } from '../../src/staff/queue';
import { AUDIT_ACTIONS } from '../../src/staff/audit';
import { STEPS } from '../../flows/intake';

const DIR = join(import.meta.dirname, '..', '..', 'locales');
type Tree = { [key: string]: Tree | string };

function flatten(node: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join(',');
const locales = readdirSync(DIR).filter((lng) => existsSync(join(DIR, lng, 'staff.json')));
const load = (lng: string) => flatten(JSON.parse(readFileSync(join(DIR, lng, 'staff.json'), 'utf8')) as Tree);
const en = load('en');

describe('staff texts', () => {
  it('exist in English, Thai and Spanish', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'th', 'es']));
  });

  it.each(locales)('%s has the keys and placeholders of English, none empty', (lng) => {
    const mine = load(lng);
    // A file may carry only meta and the canned replies (test/locales-complete.test.ts); the dashboard shows English for the rest.
    const partial = !mine.has('app.title');
    expect({ missing: [...en.keys()].filter((k) => !mine.has(k) && !partial), extra: [...mine.keys()].filter((k) => !en.has(k)) }).toEqual({ missing: [], extra: [] });
    expect([...mine].filter(([k, v]) => placeholders(v) !== placeholders(en.get(k) ?? '')).map(([k]) => k)).toEqual([]);
    expect([...mine].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('names every flag, step and audit action the server sends', () => {
    const needed = [...FLAGS.map((f) => `flag.${f}`), ...Object.keys(STEPS).map((s) => `step.${s}`), ...AUDIT_ACTIONS.map((a) => `action.${a}`)];
    expect(needed.filter((key) => !en.has(key))).toEqual([]);
  });

  it('offers the same canned replies in every language, each warm and short', () => {
    for (const lng of locales) {
      const canned = [...load(lng)].filter(([k]) => k.startsWith('canned.'));
      expect(canned.length).toBeGreaterThanOrEqual(3);
      for (const [, text] of canned) expect([...text].length).toBeLessThan(200);
    }
  });
});
