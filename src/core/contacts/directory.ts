// Who a person can call or write to, by country: the one reviewable list every contact a teen reads comes from.

// Safety facts are never written from memory. Every entry names the organisation's own page that
// states the number or address, and the day someone read it there; SOURCES.md beside this file
// quotes the words on that page, so a reviewer can check an entry in a minute. An organisation
// whose own page could not be read is left out, and people in its country get the international
// entries instead: a missing line sends them to a directory, a wrong one sends them nowhere.
//
// Left out for want of the organisation's own page stating the number (add them here, with the
// page, once it has been read; SOURCES.md says where each was seen instead):
// - Thailand: the Department of Mental Health line 1323, police cyber line 1441, thaipoliceonline, TICAC.
// - United States: the 988 Suicide & Crisis Lifeline.
// - Spain: Fundación ANAR (900 20 20 10), the 024 line. Mexico: Línea de la Vida, the Guardia Nacional's 088.
// - Australia: Kids Helpline (its own page was read, but not with the number on it).
// - France: the 3018 (seen only on the ministry's page, not on e-Enfance's own).
// - Germany: Nummer gegen Kummer 116 111 (seen only on the funding ministry's page and in the press).
// - Netherlands: De Kindertelefoon (seen only on its supporters' foundation's page and in the press).
// - Italy: Telefono Azzurro 19696. Brazil: CVV 188. Singapore: Samaritans of Singapore 1767.
//   Malaysia: Befrienders KL. South Korea: youth line 1388 (each seen only in the press).
// - Bangladesh, Pakistan, Sri Lanka, Indonesia, the Philippines, Viet Nam, Cambodia, China, Taiwan,
//   Belgium, Portugal, Türkiye, Iceland, Iraq, Saudi Arabia, Egypt, the UAE: not found yet.
// Emergency numbers other than Thailand's 191 are not listed either: the texts say "your local emergency number".

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
  /** Where a person sends a text message (SMS), when the service answers texts at a number of its own. */
  sms?: string;
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
  // United Kingdom.
  {
    id: 'gb-childline',
    country: 'GB',
    kind: 'child_helpline',
    organisation: { en: 'Childline' },
    phone: '0800 1111',
    web: 'childline.org.uk',
    // Read over plain http: the stored copy of the page is at that address.
    source: 'http://www.childline.org.uk/pages/about.aspx',
    checked: '2026-11-30',
  },
  {
    id: 'gb-report-remove',
    country: 'GB',
    kind: 'report',
    organisation: { en: 'Report Remove (Childline and the IWF)' },
    web: 'iwf.org.uk/what-we-do/why-we-exist/report-remove',
    source: 'https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove',
    checked: '2026-11-30',
  },
  // India.
  {
    id: 'in-childline',
    country: 'IN',
    kind: 'child_helpline',
    organisation: { en: 'CHILDLINE India' },
    phone: '1098',
    source: 'https://www.childlineindia.org/a/about/childline-india',
    checked: '2026-11-30',
  },
  // Canada.
  {
    id: 'ca-kidshelpphone',
    country: 'CA',
    kind: 'child_helpline',
    organisation: { en: 'Kids Help Phone' },
    sms: '686868',
    web: 'kidshelpphone.ca',
    source: 'https://kidshelpphone.ca/text-about-it/',
    checked: '2026-11-30',
  },
  {
    id: 'ca-cybertip',
    country: 'CA',
    kind: 'report',
    organisation: { en: 'Cybertip.ca' },
    phone: '1-866-658-9022',
    web: 'cybertip.ca',
    source: 'https://www.cybertip.ca/app/en/about-how_it_works',
    checked: '2026-11-30',
  },
  // Australia.
  {
    id: 'au-esafety',
    country: 'AU',
    kind: 'report',
    organisation: { en: 'eSafety Commissioner' },
    web: 'esafety.gov.au',
    source: 'https://www.esafety.gov.au/image-based-abuse/action/remove-images-video/report-to-us',
    checked: '2026-11-30',
  },
  // Spain.
  {
    id: 'es-incibe-017',
    country: 'ES',
    kind: 'report',
    organisation: { en: 'INCIBE cybersecurity helpline', local: { locale: 'es', name: 'INCIBE, Tu Ayuda en Ciberseguridad' } },
    phone: '017',
    source: 'https://www.incibe.es/en/linea-de-ayuda-en-ciberseguridad/faq',
    checked: '2026-11-30',
  },
  // France.
  {
    id: 'fr-119',
    country: 'FR',
    kind: 'child_helpline',
    organisation: { en: 'National line for children in danger', local: { locale: 'fr', name: "Numéro national de l'enfance en danger" } },
    phone: '119',
    web: 'allo119.gouv.fr',
    // The 119 is a public service of the French State; this is the ministry's own page presenting it.
    source: 'https://solidarites.gouv.fr/node/2219',
    checked: '2026-11-30',
  },
  // Brazil.
  {
    id: 'br-safernet',
    country: 'BR',
    kind: 'report',
    organisation: { en: 'SaferNet Brasil reporting hotline', local: { locale: 'pt', name: 'Central Nacional de Denúncias da SaferNet' } },
    web: 'hotline.org.br',
    source: 'https://new.safernet.org.br/home4?field_subject_value=Crimes+na+Web&field_type_value=All&page=3',
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
