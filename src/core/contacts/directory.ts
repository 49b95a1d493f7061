// Who a person can call or write to, by country: the one reviewable list every contact a teen reads comes from.

// Safety facts are never written from memory. Every entry names the organisation's own page that
// states the number or address, and the day someone read it there. An organisation whose own page
// could not be read is left out, and people in its country get the international entries instead:
// a missing line sends them to a directory, a wrong one sends them nowhere.
//
// Left out for now, for want of the organisation's own page (add them here, with the page, once it
// has been read): Thailand's Department of Mental Health line 1323 and police cyber line 1441 with
// thaipoliceonline and TICAC; in the US the 988 Suicide & Crisis Lifeline; in Spain Fundación ANAR
// (900 20 20 10), the 024 line and INCIBE's 017; in Mexico the Línea de la Vida. Emergency numbers
// other than Thailand's 191 are not listed either: the texts say "your local emergency number".

/** What an entry is for. `directory` lists helplines of many countries; the rest are single services. */
export type ContactKind = 'child_helpline' | 'crisis_line' | 'social_hotline' | 'emergency' | 'report' | 'directory';

/** ISO 3166-1 alpha-2 code, or `INTL` for entries that serve anyone anywhere. */
export type CountryCode = string;
export const INTERNATIONAL = 'INTL';

export interface ContactEntry {
  /** Stable id, for tests and for reviewers. */
  id: string;
  country: CountryCode;
  kind: ContactKind;
  /** The organisation's name; `local` is how people of that country write it, when it differs. */
  organisation: { en: string; local?: { locale: string; name: string } };
  /** What a person dials, exactly as the organisation writes it. */
  phone?: string;
  /** Where a person writes or reports, without the scheme (shorter in a chat). */
  web?: string;
  /** The organisation's own page stating the number or address. */
  source: string;
  /** The day the source page was read (YYYY-MM-DD). */
  checked: string;
}

export const CONTACTS: readonly ContactEntry[] = Object.freeze([
  // Anyone, anywhere: the fallback for a country with no entries of its own, and for "prefer not to say".
  {
    id: 'intl-findahelpline',
    country: INTERNATIONAL,
    kind: 'directory',
    organisation: { en: 'Find A Helpline' },
    web: 'findahelpline.com',
    source: 'https://findahelpline.com',
    checked: '2026-11-30',
  },
  {
    id: 'intl-chi',
    country: INTERNATIONAL,
    kind: 'directory',
    organisation: { en: 'Child Helpline International' },
    web: 'childhelplineinternational.org/helplines',
    source: 'https://childhelplineinternational.org/helplines/',
    checked: '2026-11-30',
  },
  // Thailand.
  {
    id: 'th-childline',
    country: 'TH',
    kind: 'child_helpline',
    organisation: { en: 'Childline Thailand', local: { locale: 'th', name: 'มูลนิธิสายเด็ก' } },
    phone: '1387',
    source: 'https://childlinethailand.org/th/how_we_help/counseling/',
    checked: '2026-11-30',
  },
  {
    id: 'th-1300',
    country: 'TH',
    kind: 'social_hotline',
    organisation: { en: 'Social Assistance Center hotline', local: { locale: 'th', name: 'ศูนย์ช่วยเหลือสังคม' } },
    phone: '1300',
    source: 'https://1300thailand.m-society.go.th/page/3',
    checked: '2026-11-30',
  },
  {
    id: 'th-191',
    country: 'TH',
    kind: 'emergency',
    organisation: { en: 'Police emergency', local: { locale: 'th', name: 'แจ้งเหตุด่วนเหตุร้าย' } },
    phone: '191',
    source: 'http://191.go.th/about.html',
    checked: '2026-11-30',
  },
  // United States.
  {
    id: 'us-cybertipline',
    country: 'US',
    kind: 'report',
    organisation: { en: "NCMEC's CyberTipline" },
    phone: '1-800-THE-LOST',
    web: 'cybertipline.org',
    source: 'https://takeitdown.ncmec.org/faq/',
    checked: '2026-11-30',
  },
  {
    id: 'us-takeitdown',
    country: 'US',
    kind: 'report',
    organisation: { en: 'Take It Down (NCMEC)' },
    web: 'takeitdown.ncmec.org',
    source: 'https://takeitdown.ncmec.org/faq/',
    checked: '2026-11-30',
  },
] satisfies ContactEntry[]);

/** The entries for a country, in the order above; empty for a country with none. */
export function entriesFor(country: CountryCode | null | undefined): ContactEntry[] {
  if (!country) return [];
  return CONTACTS.filter((c) => c.country === country);
}

/** Countries with at least one entry of their own. */
export function countriesWithEntries(): CountryCode[] {
  return [...new Set(CONTACTS.map((c) => c.country))].filter((c) => c !== INTERNATIONAL);
}
