// Contacts as a teen reads them: directory entries in the person's words, one line each.

import { CONTACTS, INTERNATIONAL, type ContactEntry, type ContactKind, type CountryCode } from './directory';
import { countryGuess } from './country';

/** Which contacts a message needs: crisis lines, ways to report, or both. */
export type ContactPurpose = 'crisis' | 'report' | 'all';

type T = (locale: string | null | undefined, key: string, params?: Record<string, unknown>) => string;

const CRISIS_KINDS: readonly ContactKind[] = ['emergency', 'child_helpline', 'crisis_line', 'social_hotline'];
const REPORT_KINDS: readonly ContactKind[] = ['report'];

/** The entries a person gets: their country's (or the language's likely one), then the international ones. */
export function contactsFor(country: CountryCode | null | undefined, locale: string | null | undefined, purpose: ContactPurpose): ContactEntry[] {
  const home = country ?? countryGuess(locale);
  const kinds = purpose === 'crisis' ? CRISIS_KINDS : purpose === 'report' ? REPORT_KINDS : [...CRISIS_KINDS, ...REPORT_KINDS];
  const local = CONTACTS.filter((c) => c.country === home && kinds.includes(c.kind));
  const international = purpose === 'report' ? [] : CONTACTS.filter((c) => c.country === INTERNATIONAL);
  return [...local, ...international];
}

/** Renders the list: one line per entry, and a plain "report it to the police" when no reporting route is listed. */
export function renderContacts(t: T, locale: string | null | undefined, country: CountryCode | null | undefined, purpose: ContactPurpose): string {
  const entries = contactsFor(country, locale, purpose);
  const lines = entries.map((entry) => t(locale, `contacts.kind.${entry.kind}`, { name: nameOf(entry, locale), how: howOf(entry) }));
  if (purpose !== 'crisis' && !entries.some((e) => REPORT_KINDS.includes(e.kind))) lines.push(t(locale, 'contacts.report_police'));
  return lines.join('\n');
}

function nameOf(entry: ContactEntry, locale: string | null | undefined): string {
  return entry.organisation.local && entry.organisation.local.locale === locale ? entry.organisation.local.name : entry.organisation.en;
}

/** How to reach it: the number to call, the number to text ("SMS" reads the same in every language we speak), the address. */
function howOf(entry: ContactEntry): string {
  return [entry.phone, entry.sms ? `SMS ${entry.sms}` : undefined, entry.web].filter(Boolean).join(' · ');
}
