// Which languages Reclaim speaks, which of them this process offers, and how a platform's locale hint maps onto them.

/**
 * Every language Reclaim can speak, by the codes of the `lang:<code>` choices (a fixed contract).
 * A language is *offered* only when its resources are present: see `offeredLocales`.
 */
export const SUPPORTED_LOCALES = ['en', 'es', 'ar', 'bn', 'zh', 'nl', 'fr', 'de', 'hi', 'is', 'id', 'it', 'km', 'ko', 'ckb', 'ml', 'mr', 'pt', 'si', 'tl', 'ta', 'th', 'tr', 'ur', 'vi'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The language everything falls back to, key by key. */
export const SOURCE_LOCALE: Locale = 'en';

/** Written right to left. */
export const RTL_LOCALES: readonly Locale[] = ['ar', 'ur', 'ckb'];

export function isSupportedLocale(code: string): code is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(code);
}

export function textDirection(code: string): 'rtl' | 'ltr' {
  return (RTL_LOCALES as readonly string[]).includes(code) ? 'rtl' : 'ltr';
}

let offered: readonly Locale[] = SUPPORTED_LOCALES;

/** The languages this process offers: those whose resources it found at start-up (every one until told). */
export function offeredLocales(): readonly Locale[] {
  return offered;
}

/** Set once at start-up by whatever loads the locale files. */
export function setOfferedLocales(codes: readonly string[]): void {
  offered = SUPPORTED_LOCALES.filter((code) => codes.includes(code));
}

/** Language subtags platforms send that name one of ours under another code. */
const ALIASES: Record<string, Locale> = { fil: 'tl', in: 'id', ku: 'ckb', kmr: 'ckb', sdh: 'ckb', yue: 'zh', cmn: 'zh', zho: 'zh', chi: 'zh' };

/** The same language in a form we do not have: the nearest is used, and the person is told once. */
const NEAREST_ONLY = new Set(['ku', 'kmr', 'sdh', 'yue']);
const TRADITIONAL_CHINESE_REGIONS = new Set(['tw', 'hk', 'mo']);

/** A hint matched to a language: `nearest` when it is the closest form we have, not the one asked for. */
export interface LocaleMatch {
  locale: Locale;
  nearest: boolean;
}

/**
 * Maps a platform hint (Telegram `language_code`, LINE profile language, Messenger `xx_YY`, a
 * browser's language) to an offered language. Regional forms pick the language (`pt-BR`, `es-419`,
 * `en_IN`); old or alternative codes are understood (`in`, `fil`, `ku`); Traditional Chinese
 * (`zh-TW`, `zh-HK`, `zh-Hant`) and Cantonese get Simplified Chinese, the nearest we have, marked `nearest`.
 */
export function matchLocale(hint: string | null | undefined, available: readonly string[] = offered): LocaleMatch | null {
  if (!hint) return null;
  const [first = '', ...rest] = hint.trim().toLowerCase().replace(/_/g, '-').split('-');
  const locale = isSupportedLocale(first) ? first : ALIASES[first];
  if (!locale || !available.includes(locale)) return null;
  const traditional = locale === 'zh' && rest.some((part) => part === 'hant' || TRADITIONAL_CHINESE_REGIONS.has(part)) && !rest.includes('hans');
  return { locale, nearest: NEAREST_ONLY.has(first) || traditional };
}

/** Maps a platform hint to an offered language, or null when unsure (then the person is asked). */
export function resolveLocale(hint: string | null | undefined, available: readonly string[] = offered): Locale | null {
  return matchLocale(hint, available)?.locale ?? null;
}

/** What a new conversation starts with, from its first event's hint. */
export interface LocaleStart {
  locale: Locale | null;
  /** Say once that the language is the nearest we have, and how to change it. */
  localeNote: boolean;
  /** The hint itself, whose region orders the language list if they ask for it. */
  hint: string | null;
}

export function localeStart(hint: string | null | undefined, available: readonly string[] = offered): LocaleStart {
  const match = matchLocale(hint, available);
  return { locale: match?.locale ?? null, localeNote: match?.nearest ?? false, hint: hint ? hint.slice(0, 35) : null };
}
