// The contacts directory: every entry sourced and dated, no number in a teen's text that the directory does not hold, and countries read only from real signals.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTACTS, INTERNATIONAL } from '../../src/core/contacts/directory';
import { countryFromLocale } from '../../src/core/contacts/country';
import { renderContacts } from '../../src/core/contacts/render';
import { createTranslator, LOCALES_DIR, type Translator } from '../../src/engine/i18n';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

/** Every string a teen can read from the chat's resources. */
function localeStrings(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (node: unknown, where: string) => {
    if (typeof node === 'string') out.push({ where, text: node });
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`);
  };
  for (const lng of readdirSync(LOCALES_DIR)) {
    for (const file of ['translation.json', 'page.json']) {
      try {
        walk(JSON.parse(readFileSync(join(LOCALES_DIR, lng, file), 'utf8')), `${lng}/${file}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return out;
}

/** Phone-like numbers: three or more digits, allowing spaces or dashes inside ("900 20 20 10", "1-800-843-5678"). */
const phoneNumbers = (text: string): string[] =>
  [...text.matchAll(/\d(?:[\d\s-]*\d){2,}/g)]
    .map((m) => m[0])
    // Age bands ("13-15") are not numbers anyone dials.
    .filter((n) => !/^\d{1,2}\s?-\s?\d{1,2}$/.test(n))
    .map((n) => n.replace(/[\s-]/g, ''));

describe('contacts directory', () => {
  it('gives every entry a source page, a checked date, and a way to reach it', () => {
    const wrong = CONTACTS.filter(
      (c) => !/^https?:\/\/[^\s]+$/.test(c.source) || !/^\d{4}-\d{2}-\d{2}$/.test(c.checked) || Number.isNaN(Date.parse(c.checked)) || !(c.phone || c.web),
    );
    expect(wrong.map((c) => c.id)).toEqual([]);
    expect(new Set(CONTACTS.map((c) => c.id)).size).toBe(CONTACTS.length);
  });

  it('has international entries, so no one is ever left without a contact', () => {
    expect(CONTACTS.filter((c) => c.country === INTERNATIONAL).length).toBeGreaterThan(0);
  });

  it('holds every number shown in any locale text (no unsourced number in a teen\'s text)', () => {
    const known = new Set(CONTACTS.flatMap((c) => (c.phone ? [c.phone.replace(/[\s-]/g, '')] : [])));
    const unsourced = localeStrings().flatMap(({ where, text }) => phoneNumbers(text).filter((n) => !known.has(n)).map((n) => `${where}: ${n}`));
    expect(unsourced).toEqual([]);
  });

  it('renders a Thai teen\'s crisis contacts with Childline 1387, the 1300 hotline and 191', () => {
    const th = renderContacts(translator.t, 'th', null, 'crisis');
    for (const number of ['1387', '1300', '191', 'findahelpline.com']) expect(th).toContain(number);
    expect(th).toMatch(/[\u0E00-\u0E7F]/);
    expect(th).not.toContain('{{');
  });

  it('renders international contacts only for a country it lists nothing for, and a plain police line for reporting', () => {
    const es = renderContacts(translator.t, 'es', 'MX', 'all');
    expect(es).toContain('findahelpline.com');
    expect(es).not.toContain('1387');
    expect(es).toContain(translator.t('es', 'contacts.report_police'));
  });

  it('gives a US teen NCMEC\'s reporting routes', () => {
    const us = renderContacts(translator.t, 'en', 'US', 'report');
    expect(us).toContain('cybertipline.org');
    expect(us).toContain('takeitdown.ncmec.org');
  });
});

describe('country from a platform locale', () => {
  it.each([
    ['th_TH', 'TH'],
    ['en_US', 'US'],
    ['es-MX', 'MX'],
    ['th', null],
    ['en', null],
    ['es-419', null],
    ['zh-Hant', null],
    [undefined, null],
  ])('%s gives %s', (tag, country) => {
    expect(countryFromLocale(tag)).toBe(country);
  });
});
