// Page texts from locales/<lng>/staff.json, bundled at build time: `t(key, params)` with {{placeholders}}.

import en from '../../../locales/en/staff.json';
import th from '../../../locales/th/staff.json';
import es from '../../../locales/es/staff.json';

type Tree = { [key: string]: Tree | string };
const RESOURCES: Record<string, Tree> = { en, th, es };
export const LANGUAGES = Object.keys(RESOURCES);
const STORAGE_KEY = 'reclaim.lang';

let current = pickInitial();

function pickInitial(): string {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && RESOURCES[saved]) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.split('-')[0]?.toLowerCase() ?? '';
    if (RESOURCES[base]) return base;
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

/** The text for `key` in `lng` (English when missing), with {{name}} filled from params. */
export function tIn(lng: string, key: string, params: Record<string, string | number> = {}): string {
  const text = lookup(RESOURCES[lng], key) ?? lookup(RESOURCES.en, key) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The text for `key` in the page's language. */
export function t(key: string, params?: Record<string, string | number>): string {
  return tIn(current, key, params);
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
  document.documentElement.dir = lookup(RESOURCES[lng], 'meta.dir') ?? 'ltr';
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
