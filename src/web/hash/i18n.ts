// The page's texts: locales/<lng>/page.json bundled at build time, one language chosen, {{placeholders}} filled.

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
 * The first of `wanted` (the link's `l=`, then the browser's languages) whose base language the
 * page speaks; English otherwise. `th-TH`, `th_TH` and `TH` all pick `th`.
 */
export function pickLocale(wanted: readonly (string | null | undefined)[], available: readonly string[] = PAGE_LOCALES): string {
  for (const hint of wanted) {
    const base = hint?.replace('_', '-').split('-')[0]?.toLowerCase();
    if (base && available.includes(base)) return base;
  }
  return SOURCE_LOCALE;
}

/** A translator for `locale`, falling back key by key to English (then to the key itself). */
export function createTranslator(locale: string, bundles: Record<string, PageStrings> = BUNDLES): PageTranslator {
  const own = bundles[locale];
  const source = bundles[SOURCE_LOCALE];
  const lookup = (key: string) => find(own, key) ?? find(source, key);
  return {
    locale,
    dir: lookup('meta.dir') === 'rtl' ? 'rtl' : 'ltr',
    t(key, params = {}) {
      const text = lookup(key) ?? key;
      return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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
