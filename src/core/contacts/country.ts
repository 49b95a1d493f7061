// Where a person lives, as far as we may know it: a channel's real country signal, or their own answer; and how countries are named.

import { normaliseAnswer } from '../choices';
import { SUPPORTED_LOCALES, SOURCE_LOCALE } from '../locales';
import { CONTACTS, INTERNATIONAL, type CountryCode } from './directory';

/** Recorded when the person lives somewhere we list nothing for, or would rather not say: international contacts. */
export const ELSEWHERE = 'ZZ';

/**
 * The countries a person may pick, by button or by typing their name or code: where most people
 * writing each of the 25 languages live. A country here without directory entries of its own gets
 * the international ones; recording it still tells staff where the person is.
 */
export const PROGRAMME_COUNTRIES = [
  'TH', 'US', 'MX', 'ES', 'IN', 'BD', 'PK', 'LK', 'ID', 'PH', 'VN', 'KH', 'KR', 'CN', 'TW', 'FR', 'DE',
  'NL', 'BE', 'IT', 'PT', 'BR', 'TR', 'IS', 'IQ', 'SA', 'EG', 'AE', 'GB', 'MY', 'SG', 'AU', 'CA',
] as const;

export const COUNTRY_CHOICE_IDS: readonly string[] = PROGRAMME_COUNTRIES.map((code) => `country:${code}`);
export const COUNTRY_OTHER = 'country:other';
export const COUNTRY_SKIP = 'country:skip';

/** At most this many likely countries, so that with "somewhere else" and "prefer not to say" the buttons fit every channel. */
export const MAX_LIKELY = 4;

/** The few countries offered first in each language: where most people writing it live, most first. */
export const LIKELY_BY_LOCALE: Readonly<Record<string, readonly CountryCode[]>> = {
  en: ['US', 'GB', 'IN', 'AU'],
  es: ['MX', 'ES', 'US'],
  ar: ['EG', 'SA', 'IQ', 'AE'],
  bn: ['BD', 'IN'],
  zh: ['CN', 'TW', 'SG', 'MY'],
  nl: ['NL', 'BE'],
  fr: ['FR', 'BE', 'CA'],
  de: ['DE', 'BE'],
  hi: ['IN'],
  is: ['IS'],
  id: ['ID'],
  it: ['IT'],
  km: ['KH'],
  ko: ['KR'],
  ckb: ['IQ'],
  ml: ['IN'],
  mr: ['IN'],
  pt: ['BR', 'PT'],
  si: ['LK'],
  tl: ['PH'],
  ta: ['IN', 'LK', 'SG', 'MY'],
  th: ['TH'],
  tr: ['TR'],
  ur: ['PK', 'IN'],
  vi: ['VN'],
};

/** The country question's buttons for a chat language: likely countries, then "somewhere else" and "prefer not to say". */
export function countryChoices(locale: string | null | undefined): string[] {
  const likely = LIKELY_BY_LOCALE[locale ?? SOURCE_LOCALE] ?? LIKELY_BY_LOCALE[SOURCE_LOCALE]!;
  return [...likely.slice(0, MAX_LIKELY).map((code) => `country:${code}`), COUNTRY_OTHER, COUNTRY_SKIP];
}

/** The country a country choice id records. */
export function countryOfChoice(id: string): CountryCode {
  if (id === COUNTRY_OTHER || id === COUNTRY_SKIP) return ELSEWHERE;
  return id.startsWith('country:') ? id.slice('country:'.length) : ELSEWHERE;
}

/** The ISO code a `country:XX` choice names, or null for any other id (including "somewhere else" and "skip"). */
export function countryCodeOfChoice(id: string): CountryCode | null {
  const match = /^country:([A-Z]{2})$/.exec(id);
  return match ? match[1]! : null;
}

/**
 * The country in a platform locale, only when it really names one: Messenger's `th_TH` gives TH.
 * A bare language (`th`, LINE's profile language, Telegram's language_code) says nothing about
 * where someone lives, and neither does a script or a UN region (`es-419`).
 */
export function countryFromLocale(tag: string | null | undefined): CountryCode | null {
  if (!tag) return null;
  const parts = tag.replace(/_/g, '-').split('-');
  const region = parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p));
  return region ? region.toUpperCase() : null;
}

/**
 * The country whose contacts go out before the person has said where they live: the one country
 * a chat language almost always means (Thai), else none and only international contacts.
 */
export function countryGuess(locale: string | null | undefined): CountryCode | null {
  return locale === 'th' ? 'TH' : null;
}

/** Whether we list anything for this country beyond the international entries. */
export function hasOwnContacts(country: CountryCode | null | undefined): boolean {
  return !!country && country !== INTERNATIONAL && CONTACTS.some((c) => c.country === country);
}

// ---- Country names -------------------------------------------------------------------------------

/** Longest button label every channel shows whole (LINE and Messenger quick replies stop at 20). */
export const MAX_LABEL = 20;

/**
 * Names ICU writes longer than a button holds, as people of that language say them. Everything
 * else comes from ICU's own tables (Intl.DisplayNames), so any country is named in any language.
 */
const SHORT_NAMES: Readonly<Record<string, Readonly<Record<CountryCode, string>>>> = {
  ar: { SA: 'السعودية', AE: 'الإمارات' },
};

/**
 * Ways people type a country that ICU's names do not cover: the everyday short forms. Typed names
 * are understood in every language, as ICU names them, plus these.
 */
const EXTRA_NAMES: Readonly<Record<CountryCode, readonly string[]>> = {
  TH: ['ประเทศไทย', 'เมืองไทย', 'ไทยแลนด์', 'thai'],
  US: ['usa', 'america', 'the us', 'united states of america', 'eeuu', 'ee uu'],
  GB: ['uk', 'england', 'scotland', 'wales', 'northern ireland', 'britain', 'great britain'],
  KR: ['한국', '남한', '대한민국', 'korea', 'south korea'],
  VN: ['vietnam', 'việt nam', 'viet nam'],
  AE: ['uae', 'emirates', 'الامارات'],
  SA: ['ksa', 'saudi', 'السعوديه'],
  CN: ['中国大陆', '中國'],
  TW: ['台灣', '臺灣', '台湾'],
  NL: ['holland', 'nederland'],
  PH: ['pilipinas', 'philippines'],
  MY: ['malaysia'],
};

/** Languages a country's own people write its name in, beyond the 25 (Malay for Malaysia and Singapore, Traditional Chinese for Taiwan). */
const EXTRA_NAME_LOCALES = ['ms', 'zh-Hant'] as const;

const displayNames = new Map<string, Intl.DisplayNames | null>();

function regionNames(locale: string, style: 'long' | 'short'): Intl.DisplayNames | null {
  const key = `${locale}\u0000${style}`;
  if (!displayNames.has(key)) {
    let names: Intl.DisplayNames | null = null;
    try {
      // fallback 'none': a language ICU has no names for gives undefined, not the bare code.
      names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
    } catch {
      names = null;
    }
    displayNames.set(key, names);
  }
  return displayNames.get(key)!;
}

function icuName(code: CountryCode, locale: string, style: 'long' | 'short' = 'long'): string | undefined {
  return regionNames(locale, style)?.of(code) ?? undefined;
}

const length = (text: string) => [...text].length;

/** Cuts a name that is still too long at a word boundary, marked with an ellipsis. */
function fit(name: string): string {
  if (length(name) <= MAX_LABEL) return name;
  const chars = [...name].slice(0, MAX_LABEL - 1).join('');
  const space = chars.lastIndexOf(' ');
  return `${(space > MAX_LABEL / 2 ? chars.slice(0, space) : chars).trimEnd()}…`;
}

/**
 * A country's name in a chat language, short enough for a button: ICU's name in that language
 * (its short form when the long one does not fit), English where ICU has none, the code last.
 */
export function countryName(code: CountryCode, locale: string | null | undefined): string {
  const lang = locale ?? SOURCE_LOCALE;
  const own = SHORT_NAMES[lang]?.[code];
  if (own) return own;
  for (const candidate of [lang, SOURCE_LOCALE]) {
    const long = icuName(code, candidate);
    if (!long) continue;
    if (length(long) <= MAX_LABEL) return long;
    const short = icuName(code, candidate, 'short');
    return fit(short && length(short) < length(long) ? short : long);
  }
  return code;
}

/** Every name a country may be typed as: ICU's names in the 25 languages and its own people's, our short forms, and its ISO code. */
export function countryWords(code: CountryCode): string[] {
  const words = new Set(countryNames(code));
  // A code gives way to a name: Vietnamese "Mỹ" (the US) is typed "my", which is not Malaysia.
  if (!namesOfOthers(code).has(code.toLowerCase())) words.add(code.toLowerCase());
  return [...words];
}

function countryNames(code: CountryCode): string[] {
  const names = new Set<string>(EXTRA_NAMES[code] ?? []);
  for (const locale of [...SUPPORTED_LOCALES, ...EXTRA_NAME_LOCALES]) {
    for (const style of ['long', 'short'] as const) {
      const name = icuName(code, locale, style);
      if (name) names.add(name);
    }
    const own = SHORT_NAMES[locale]?.[code];
    if (own) names.add(own);
  }
  return [...names];
}

let typedNames: Map<CountryCode, Set<string>> | null = null;

/** The typed forms of every other programme country's names, to keep codes from shadowing them. */
function namesOfOthers(code: CountryCode): Set<string> {
  typedNames ??= new Map(PROGRAMME_COUNTRIES.map((c) => [c, new Set(countryNames(c).map(normaliseAnswer))]));
  const others = new Set<string>();
  for (const [other, names] of typedNames) if (other !== code) for (const name of names) others.add(name);
  return others;
}
