// Where a person lives, as far as we may know it: a channel's real country signal, or their own answer.

import { CONTACTS, INTERNATIONAL, type CountryCode } from './directory';

/** Recorded when the person lives somewhere we list nothing for, or would rather not say: international contacts. */
export const ELSEWHERE = 'ZZ';

/** The countries a person may pick by button; a typed name or code of any of them is understood too. */
export const COUNTRY_CHOICE_IDS = ['country:TH', 'country:US', 'country:ES', 'country:MX'] as const;
export const COUNTRY_OTHER = 'country:other';
export const COUNTRY_SKIP = 'country:skip';

/** The few countries offered first in each language: where most people writing it live. */
const LIKELY_BY_LOCALE: Readonly<Record<string, readonly string[]>> = {
  th: ['country:TH'],
  en: ['country:US', 'country:TH'],
  es: ['country:ES', 'country:MX', 'country:US'],
};

/** The country question's buttons for a chat language: likely countries, then "somewhere else" and "prefer not to say". */
export function countryChoices(locale: string | null | undefined): string[] {
  const likely = LIKELY_BY_LOCALE[locale ?? 'en'] ?? LIKELY_BY_LOCALE.en!;
  return [...likely, COUNTRY_OTHER, COUNTRY_SKIP];
}

/** The country a country choice id records. */
export function countryOfChoice(id: string): CountryCode {
  if (id === COUNTRY_OTHER || id === COUNTRY_SKIP) return ELSEWHERE;
  return id.startsWith('country:') ? id.slice('country:'.length) : ELSEWHERE;
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
