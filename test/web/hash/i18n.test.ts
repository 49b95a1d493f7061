// The page's translator: the bundled locales, the language choice and placeholder filling.

import { describe, expect, it } from 'vitest';
import { createTranslator, PAGE_LOCALES, pickLocale } from '../../../src/web/hash/i18n';

describe('pickLocale', () => {
  it('prefers the link, then the browser, then English', () => {
    expect(pickLocale(['th', 'es-ES'])).toBe('th');
    expect(pickLocale([null, 'es-MX', 'en'])).toBe('es');
    expect(pickLocale(['TH_th'])).toBe('th');
    expect(pickLocale(['de', 'fr-FR'])).toBe('de');
    expect(pickLocale(['xx', 'yy-ZZ'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('createTranslator', () => {
  it('bundles every language that has a page.json', () => {
    expect(PAGE_LOCALES).toEqual(expect.arrayContaining(['en', 'es', 'th']));
  });

  it('fills placeholders and falls back to English, then to the key', () => {
    const bundles = { en: { a: { b: 'Hello {{name}}', only: 'English only' } }, th: { a: { b: 'สวัสดี {{name}}' } } };
    const th = createTranslator('th', bundles);
    expect(th.t('a.b', { name: 'Mai' })).toBe('สวัสดี Mai');
    expect(th.t('a.only')).toBe('English only');
    expect(th.t('a.missing')).toBe('a.missing');
    expect(th.t('a.b')).toBe('สวัสดี {{name}}');
  });

  it('takes the writing direction from meta.dir', () => {
    expect(createTranslator('ar', { en: { meta: { dir: 'ltr' } }, ar: { meta: { dir: 'rtl' } } }).dir).toBe('rtl');
    expect(createTranslator('th').dir).toBe('ltr');
  });

  it('speaks Thai from the shipped files', () => {
    expect(createTranslator('th').t('send.button')).toBe('ส่งลายนิ้วมือ');
  });
});
