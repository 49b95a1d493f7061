// The page's texts: locales/<lng>/page.json bundled at build time, one language chosen, {{placeholders}} filled.

import { matchLocale, textDirection } from '../../core/locales';

/** One locale's page texts, nested as in the JSON file. */
export interface PageStrings {
  [key: string]: string | PageStrings;
}

/** A chosen language: its code, writing direction and a lookup that never returns nothing. */
export interface PageTranslator {
  locale: string;
  dir: 'ltr' | 'rtl';
  t(key: string, params?: Record<string, string | number>): string;
}

const SOURCE_LOCALE = 'en';

// Eager: every shipped language is in the bundle, so the page never fetches a locale file.
const BUNDLES: Record<string, PageStrings> = Object.fromEntries(
  Object.entries(import.meta.glob<PageStrings>('../../../locales/*/page.json', { eager: true, import: 'default' })).map(
    ([path, strings]) => [path.split('/').at(-2) ?? '', strings],
  ),
);

/** Languages the page speaks. */
export const PAGE_LOCALES: readonly string[] = Object.keys(BUNDLES).sort();

/**
 * The first of `wanted` (the link's `l=`, then the browser's languages) the page speaks, as the
 * bot maps platform hints: `th-TH`, `th_TH` and `TH` pick `th`, `pt-BR` picks `pt`, `fil` picks
 * `tl`, `zh-TW` picks `zh` (the nearest). English otherwise.
 */
export function pickLocale(wanted: readonly (string | null | undefined)[], available: readonly string[] = PAGE_LOCALES): string {
  for (const hint of wanted) {
    const match = matchLocale(hint, available);
    if (match) return match.locale;
  }
  return SOURCE_LOCALE;
}

/**
 * A translator for `locale`, falling back key by key to English (then to the key itself). A
 * numeric `count` picks the language's plural form (`key_one`, `key_few`, …) when it has one, and
 * numbers are written the language's way.
 */
export function createTranslator(locale: string, bundles: Record<string, PageStrings> = BUNDLES): PageTranslator {
  const own = bundles[locale];
  const source = bundles[SOURCE_LOCALE];
  const plurals = new Intl.PluralRules(locale);
  const numbers = { own: new Intl.NumberFormat(locale), source: new Intl.NumberFormat(SOURCE_LOCALE) };
  const ownDir = find(own, 'meta.dir');
  return {
    locale,
    dir: ownDir === 'rtl' || ownDir === 'ltr' ? ownDir : textDirection(locale),
    t(key, params = {}) {
      const plural = typeof params.count === 'number' ? find(own, `${key}_${plurals.select(params.count)}`) : undefined;
      const mine = plural ?? find(own, key);
      const text = mine ?? find(source, key) ?? key;
      const format = mine === undefined ? numbers.source : numbers.own;
      // An English stand-in on a right-to-left page is isolated left to right, or its full stop lands on the wrong side.
      const isolate = mine === undefined && this.dir === 'rtl' ? (inner: string) => `\u2066${inner}\u2069` : (inner: string) => inner;
      return isolate(text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
        if (!(name in params)) return whole;
        const value = params[name];
        return typeof value === 'number' ? format.format(value) : String(value);
      }));
    },
  };
}

function find(strings: PageStrings | undefined, key: string): string | undefined {
  let node: string | PageStrings | undefined = strings;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}
