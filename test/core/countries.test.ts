// Countries of the programme: their contacts in the teen's words, their buttons in every language, and their names as people type them.

import { beforeAll, describe, expect, it } from 'vitest';
import { CONTACTS, INTERNATIONAL } from '../../src/core/contacts/directory';
import { COUNTRY_CHOICE_IDS, countryChoices, LIKELY_BY_LOCALE } from '../../src/core/contacts/country';
import { renderContacts } from '../../src/core/contacts/render';
import { SUPPORTED_LOCALES } from '../../src/core/locales';
import { understand } from '../../src/understand';
import { offeredChoices, shownChoices } from '../../flows/intake';
import { createTranslator, type Translator } from '../../src/engine/i18n';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

/** The countries the programme serves, each with its main language among the 25. */
const COUNTRIES: Record<string, string> = {
  TH: 'th', US: 'en', MX: 'es', ES: 'es', IN: 'hi', BD: 'bn', PK: 'ur', LK: 'si', ID: 'id', PH: 'tl', VN: 'vi',
  KH: 'km', KR: 'ko', CN: 'zh', TW: 'zh', FR: 'fr', DE: 'de', NL: 'nl', BE: 'nl', IT: 'it', PT: 'pt', BR: 'pt',
  TR: 'tr', IS: 'is', IQ: 'ar', SA: 'ar', EG: 'ar', AE: 'ar', GB: 'en', MY: 'zh', SG: 'en', AU: 'en', CA: 'fr',
};

/** How an entry is reached, as the rendered line shows it. */
const reach = (c: (typeof CONTACTS)[number]) => [c.phone, c.sms, c.web].filter((x): x is string => !!x);

describe('the programme countries', () => {
  it('can each be chosen by button or by name at the country question', () => {
    expect(Object.keys(COUNTRIES).filter((code) => !COUNTRY_CHOICE_IDS.includes(`country:${code}`))).toEqual([]);
  });

  describe.each(Object.entries(COUNTRIES))('a teen in %s', (country, language) => {
    it.each(['en', language])('reads their country\'s own contacts, or the international ones, in %s (never nothing)', (locale) => {
      const own = CONTACTS.filter((c) => c.country === country);
      for (const purpose of ['crisis', 'report', 'all'] as const) {
        const text = renderContacts(translator.t, locale, country, purpose);
        expect(text.trim()).not.toBe('');
        expect(text).not.toContain('{{');
        const expected = own.filter((c) => (purpose === 'report' ? c.kind === 'report' : purpose === 'crisis' ? c.kind !== 'report' : true));
        for (const entry of expected) for (const how of reach(entry)) expect(text).toContain(how);
        if (purpose !== 'report') expect(text).toContain('findahelpline.com');
        else if (expected.length === 0) expect(text).toBe(translator.t(locale, 'contacts.report_police'));
      }
    });
  });

  it.each([
    ['GB', ['0800 1111', 'iwf.org.uk/what-we-do/why-we-exist/report-remove']],
    ['IN', ['1098']],
    ['CA', ['SMS 686868', '1-866-658-9022']],
    ['AU', ['esafety.gov.au']],
    ['ES', ['017']],
    ['FR', ['119', 'allo119.gouv.fr']],
    ['BR', ['hotline.org.br']],
  ])('gives a teen in %s the sourced lines found for it', (country, expected) => {
    const text = renderContacts(translator.t, 'en', country, 'all');
    for (const how of expected) expect(text).toContain(how);
  });
});

describe('country buttons', () => {
  it.each(SUPPORTED_LOCALES)('are named in %s, short enough for every channel', (locale) => {
    const rendered = translator.render({ key: 'country.ask', choices: [...COUNTRY_CHOICE_IDS, 'country:other', 'country:skip'] }, locale);
    const bad = rendered.choices.filter((c) => !c.label.trim() || c.label.startsWith('choice.') || c.label === c.id.slice('country:'.length) || [...c.label].length > 20);
    expect(bad.map((c) => `${c.id}=${c.label}`)).toEqual([]);
  });

  it('name a country in the chat\'s language', () => {
    const label = (locale: string, id: string) => translator.render({ key: 'country.ask', choices: [id] }, locale).choices[0]!.label;
    expect(label('ko', 'country:KR')).toBe('대한민국');
    expect(label('vi', 'country:VN')).toBe('Việt Nam');
    expect(label('th', 'country:TH')).toBe('ไทย');
    expect(label('km', 'country:KH')).toMatch(/[\u1780-\u17FF]/);
    expect(label('si', 'country:LK')).toMatch(/[\u0D80-\u0DFF]/);
    expect(label('ckb', 'country:IQ')).toMatch(/[\u0600-\u06FF]/);
  });

  it.each(SUPPORTED_LOCALES)('offer at most four likely countries in %s, then "somewhere else" and "prefer not to say"', (locale) => {
    expect(LIKELY_BY_LOCALE[locale]?.length ?? 0).toBeGreaterThan(0);
    const choices = countryChoices(locale);
    expect(choices.length).toBeLessThanOrEqual(6);
    expect(choices.slice(-2)).toEqual(['country:other', 'country:skip']);
    expect(choices.slice(0, -2).filter((id) => !COUNTRY_CHOICE_IDS.includes(id))).toEqual([]);
  });

  it('offer where most people writing a language live first', () => {
    expect(countryChoices('id')[0]).toBe('country:ID');
    expect(countryChoices('vi')[0]).toBe('country:VN');
    expect(countryChoices('ko')[0]).toBe('country:KR');
    expect(countryChoices('ar')).toEqual(['country:EG', 'country:SA', 'country:IQ', 'country:AE', 'country:other', 'country:skip']);
  });
});

describe('typed country names', () => {
  const at = (locale: string) => ({ step: 'country' as const, locale });
  const read = (locale: string, text: string) => {
    const context = at(locale);
    const choices = shownChoices(context);
    const outcome = understand(text, { choices, words: translator.choiceWords([...new Set([...choices, ...offeredChoices(context)])]) }).outcome;
    return outcome.kind === 'choice' ? outcome.id : 'unclear-or-none';
  };

  it.each([
    ['en', 'thailand', 'country:TH'],
    ['th', 'ประเทศไทย', 'country:TH'],
    ['th', 'ไทย', 'country:TH'],
    ['id', 'indonesia', 'country:ID'],
    ['en', 'Indonesia', 'country:ID'],
    ['vi', 'việt nam', 'country:VN'],
    ['en', 'Viet Nam', 'country:VN'],
    ['ko', '한국', 'country:KR'],
    ['ko', '대한민국', 'country:KR'],
    ['es', 'méxico', 'country:MX'],
    ['en', 'Mexico', 'country:MX'],
    ['pt', 'brasil', 'country:BR'],
    ['en', 'Brazil', 'country:BR'],
    ['de', 'Deutschland', 'country:DE'],
    ['ar', 'مصر', 'country:EG'],
    ['en', 'uk', 'country:GB'],
    ['en', 'KR', 'country:KR'],
    ['en', 'i live in australia', 'country:AU'],
    ['th', 'อยู่ประเทศไทยค่ะ', 'country:TH'],
  ])('%s: "%s" picks %s', (locale, text, id) => {
    expect(read(locale, text)).toBe(id);
  });

  it('never give one word to two countries, nor to "somewhere else", "prefer not to say" or a command', () => {
    const ids = offeredChoices({ step: 'country' });
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const { id, words } of translator.choiceWords(ids)) {
      for (const word of words) {
        const before = owner.get(word);
        if (before && before !== id) shared.push(`${word}: ${before} ${id}`);
        owner.set(word, id);
      }
    }
    expect(shared).toEqual([]);
  });
});

describe('every entry\'s source', () => {
  /** Pages stored only at a plain http address, read there. */
  const HTTP_ONLY = ['th-191', 'gb-childline'];
  const SEARCH_OR_AGGREGATOR = /(^|\.)(google|bing|duckduckgo|yahoo|baidu|yandex|wikipedia|findahelpline|childhelplineinternational)\./;

  it('is the organisation\'s own https page, not a search engine or a directory (unless the entry is the directory)', () => {
    const wrong = CONTACTS.filter((c) => {
      const url = new URL(c.source);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && HTTP_ONLY.includes(c.id))) return true;
      return c.kind !== 'directory' && SEARCH_OR_AGGREGATOR.test(`.${url.hostname}`);
    });
    expect(wrong.map((c) => `${c.id} ${c.source}`)).toEqual([]);
  });

  it('was read on a stated day, not in the future', () => {
    const wrong = CONTACTS.filter((c) => !/^\d{4}-\d{2}-\d{2}$/.test(c.checked) || Number.isNaN(Date.parse(c.checked)) || Date.parse(c.checked) > Date.parse('2026-11-30'));
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it('leaves the international entries for everyone', () => {
    expect(CONTACTS.filter((c) => c.country === INTERNATIONAL).map((c) => c.web)).toContain('findahelpline.com');
  });
});
