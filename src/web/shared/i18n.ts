// Page texts from locales/<lng>/staff.json, bundled at build time: `t(key, params)` with {{placeholders}}.
// A language's file may carry only `meta` and the canned replies: every other text is English, key by key.

import { matchLocale, textDirection } from '../../core/locales';

type Tree = { [key: string]: Tree | string };
// Every staff.json found at build time: a language lands by adding its folder.
const RESOURCES: Record<string, Tree> = Object.fromEntries(
  Object.entries(import.meta.glob<Tree>('../../../locales/*/staff.json', { eager: true, import: 'default' })).map(([path, tree]) => [path.split('/').at(-2) ?? '', tree]),
);
/** Languages with staff texts, English first: the try page offers them all. */
export const LANGUAGES = ['en', ...Object.keys(RESOURCES).filter((l) => l !== 'en').sort()];
/** Languages that translate the dashboard itself, not only its canned replies. */
export const UI_LANGUAGES = LANGUAGES.filter((l) => lookup(RESOURCES[l], 'app.title') !== undefined);
const STORAGE_KEY = 'reclaim.lang';

let current = pickInitial();

function pickInitial(): string {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && RESOURCES[saved]) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = matchLocale(tag, LANGUAGES);
    if (match) return match.locale;
  }
  return 'en';
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: Tree | string | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The text for `key` in `lng` (English when missing), with {{name}} filled from params. With a
 * numeric `count`, the language's plural form (`key_one`, `key_few`, …) is used when the file has
 * one; numbers are written the language's way (Arabic-Indic digits in Arabic, for instance).
 */
export function tIn(lng: string, key: string, params: Record<string, string | number> = {}): string {
  const own = typeof params.count === 'number' ? lookup(RESOURCES[lng], `${key}_${new Intl.PluralRules(lng).select(params.count)}`) : undefined;
  const text = own ?? lookup(RESOURCES[lng], key) ?? lookup(RESOURCES.en, key) ?? key;
  // English words read left to right inside a right-to-left page only if numbers stay Latin there too.
  const numbers = new Intl.NumberFormat(text === lookup(RESOURCES.en, key) ? 'en' : lng);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    return typeof value === 'number' ? numbers.format(value) : String(value ?? '');
  });
}

/**
 * The text for `key` in the page's language. An English stand-in on a right-to-left page is
 * isolated left to right, or its full stop and brackets land on the wrong side.
 */
export function t(key: string, params?: Record<string, string | number>): string {
  const text = tIn(current, key, params);
  const standIn = document.documentElement.dir === 'rtl' && lookup(RESOURCES[current], key) === undefined && !hasPlural(current, key, params);
  return standIn ? `\u2066${text}\u2069` : text;
}

function hasPlural(lng: string, key: string, params?: Record<string, string | number>): boolean {
  return typeof params?.count === 'number' && lookup(RESOURCES[lng], `${key}_${new Intl.PluralRules(lng).select(params.count)}`) !== undefined;
}

/** True when the key exists (e.g. a step the dashboard has a name for). */
export function has(key: string): boolean {
  return lookup(RESOURCES[current], key) !== undefined || lookup(RESOURCES.en, key) !== undefined;
}

export function language(): string {
  return current;
}

/** Switches the page language and remembers it on this device. */
export function setLanguage(lng: string): void {
  if (!RESOURCES[lng]) return;
  current = lng;
  localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  document.documentElement.dir = lookup(RESOURCES[lng], 'meta.dir') ?? textDirection(lng);
}

/** The keys under a section (e.g. the canned replies), in file order. */
export function keysOf(section: string, lng = current): string[] {
  const node = RESOURCES[lng]?.[section] ?? RESOURCES.en?.[section];
  return node && typeof node === 'object' ? Object.keys(node) : [];
}

/** The name of a language in itself (meta.name). */
export function languageName(lng: string): string {
  return lookup(RESOURCES[lng], 'meta.name') ?? lng;
}

setLanguage(current);
