// The 25 languages: each has its own name, is found when typed in any script or in English, and platform hints map onto them.

import { describe, expect, it } from 'vitest';
import { endonym, LANGUAGE_NAMES, languagePages, LANGUAGES_PER_PAGE, matchLanguageName, orderLanguages } from '../../src/core/language-names';
import { localeStart, matchLocale, resolveLocale, SUPPORTED_LOCALES, textDirection } from '../../src/core/locales';
import { STEPS } from '../../flows/intake';
import { LINE_LIMITS } from '../../src/channels/line/render';
import { LIMITS as MESSENGER_LIMITS } from '../../src/channels/messenger/outbound';

const ALL = [...SUPPORTED_LOCALES];

describe('the language choices', () => {
  const codes = STEPS.language.choices.filter((id) => id.startsWith('lang:')).map((id) => id.slice(5));

  it('are the 25 of the contract, in its order', () => {
    expect(codes.join(' ')).toBe('en es ar bn zh nl fr de hi is id it km ko ckb ml mr pt si tl ta th tr ur vi');
  });

  it.each(codes)('lang:%s has its own name, short enough for a button', (code) => {
    const name = endonym(code);
    expect(name).toBeTypeOf('string');
    expect([...name!].length).toBeLessThanOrEqual(20);
  });

  it('writes ar, ur and ckb right to left, and no other', () => {
    expect(codes.filter((code) => textDirection(code) === 'rtl')).toEqual(['ar', 'ckb', 'ur']);
  });
});

describe('a typed language name', () => {
  it.each(ALL)('picks %s by its own name, its English name and its code', (code) => {
    const row = LANGUAGE_NAMES[code];
    expect(matchLanguageName(row.endonym, ALL), row.endonym).toBe(code);
    expect(matchLanguageName(row.english, ALL), row.english).toBe(code);
    expect(matchLanguageName(row.english.toUpperCase(), ALL), row.english.toUpperCase()).toBe(code);
    if (code !== 'hi' && code !== 'ta') expect(matchLanguageName(code, ALL), code).toBe(code);
  });

  it.each([
    ['thai', 'th'], ['ไทย', 'th'], ['ภาษาไทยค่ะ', 'th'], ['tiếng việt', 'vi'], ['tieng viet', 'vi'], ['Vietnamese', 'vi'], ['vi', 'vi'],
    ['bahasa', 'id'], ['Bahasa Indonesia', 'id'], ['hindi', 'hi'], ['हिंदी', 'hi'], ['हिन्दी', 'hi'], ['عربي', 'ar'], ['العربيه', 'ar'],
    ['中文', 'zh'], ['繁體中文', 'zh'], ['한국어', 'ko'], ['español', 'es'], ['espanol', 'es'], ['filipino', 'tl'], ['tagalog', 'tl'],
    ['kurdî', 'ckb'], ['کوردی', 'ckb'], ['كوردي', 'ckb'], ['sorani', 'ckb'], ['اردو', 'ur'], ['বাংলা', 'bn'], ['bangla', 'bn'],
    ['தமிழ்', 'ta'], ['සිංහල', 'si'], ['ខ្មែរ', 'km'], ['മലയാളം', 'ml'], ['मराठी', 'mr'], ['Português', 'pt'], ['türkçe', 'tr'],
    ['íslenska', 'is'], ['Nederlands', 'nl'], ['français', 'fr'], ['Deutsch', 'de'], ['italiano', 'it'],
    // Slips of the finger, and names inside a few words.
    ['vietnamse', 'vi'], ['portugese', 'pt'], ['indonesain', 'id'], ['spansih', 'es'], ['englsh', 'en'],
    ['thai please', 'th'], ['in english', 'en'], ['I speak Tagalog', 'tl'], ['  /Korean!  ', 'ko'],
  ])('"%s" picks %s', (typed, code) => {
    expect(matchLanguageName(typed, ALL)).toBe(code);
  });

  it.each(['hi', 'hello', 'yes', 'is it ok', 'help', '1', '', 'thai or english', 'ta'])('"%s" picks nothing', (typed) => {
    expect(matchLanguageName(typed, ALL)).toBeNull();
  });

  it('picks only a language that is offered', () => {
    expect(matchLanguageName('arabic', ['en', 'th', 'es'])).toBeNull();
    expect(matchLanguageName('thai', ['en', 'th', 'es'])).toBe('th');
  });
});

describe('a platform language hint', () => {
  it.each([
    ['th', 'th', false], ['th-TH', 'th', false], ['th_TH', 'th', false], ['TH', 'th', false], ['pt-BR', 'pt', false], ['pt_PT', 'pt', false],
    ['es-419', 'es', false], ['es_MX', 'es', false], ['en_IN', 'en', false], ['fil', 'tl', false], ['fil_PH', 'tl', false], ['tl', 'tl', false],
    ['in', 'id', false], ['id_ID', 'id', false], ['ckb', 'ckb', false], ['ckb-IQ', 'ckb', false], ['ku', 'ckb', true], ['zh', 'zh', false],
    ['zh-CN', 'zh', false], ['zh_CN', 'zh', false], ['zh-Hans-HK', 'zh', false], ['zh-TW', 'zh', true], ['zh_HK', 'zh', true],
    ['zh-Hant', 'zh', true], ['zh-Hant-TW', 'zh', true], ['ar_AR', 'ar', false], ['ur-PK', 'ur', false], ['vi', 'vi', false], ['km_KH', 'km', false],
  ])('%s speaks %s (nearest: %s)', (hint, locale, nearest) => {
    expect(matchLocale(hint, ALL)).toEqual({ locale, nearest });
  });

  it.each([null, undefined, '', 'ja', 'ms_MY', 'ru-RU', 'xx'])('%s leaves the choice to the person', (hint) => {
    expect(resolveLocale(hint, ALL)).toBeNull();
  });

  it('maps only onto languages that are offered', () => {
    expect(resolveLocale('ar-EG', ['en', 'th', 'es'])).toBeNull();
    expect(localeStart('zh-TW', ALL)).toEqual({ locale: 'zh', localeNote: true, hint: 'zh-TW' });
  });
});

describe('the language list', () => {
  const smallestChannel = Math.min(LINE_LIMITS.quickReplyItems, MESSENGER_LIMITS.quickReplies, 13);

  it('fits every channel on every page, with "More languages" and room for "Talk to a person"', () => {
    const pages = languagePages(orderLanguages(ALL, null));
    for (const page of pages) expect(page.length + 2).toBeLessThanOrEqual(smallestChannel);
    expect(pages.flat().sort()).toEqual([...ALL].sort());
    expect(pages[0]!.length).toBe(LANGUAGES_PER_PAGE);
  });

  it('puts the likely languages first: the current one, then those of the hint\'s country', () => {
    expect(orderLanguages(ALL, 'en-IN').slice(0, 7)).toEqual(['hi', 'en', 'bn', 'mr', 'ta', 'ml', 'ur']);
    expect(orderLanguages(ALL, 'ms_MY').slice(0, 4)).toEqual(['en', 'zh', 'ta', 'id']);
    expect(orderLanguages(ALL, 'ar_IQ', ['ckb']).slice(0, 3)).toEqual(['ckb', 'ar', 'en']);
    expect(orderLanguages(['en', 'th', 'es'], 'en-IN')).toEqual(['en', 'es', 'th']);
  });
});
