// The understanding layer on its own: negation, stories, explanations, and one data file per language.

import { beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../src/core/locales';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { explain, findDisclosure, LEXICONS, understand } from '../../src/understand';
import { answerContext } from './harness';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

describe('understand', () => {
  it('explains its reading: the rule, the words and the language list that matched', () => {
    const u = understand('ช่ายยย', answerContext(translator, 'minor_at_capture'));
    expect(u.outcome).toEqual({ kind: 'choice', id: 'minor:yes' });
    expect(u.evidence).toEqual([{ rule: 'intent:yes', words: 'ช่าย', locale: 'th' }]);
    expect(explain(u)).toBe('minor:yes ← intent:yes "ช่าย"[th]');
  });

  it('finds phrases typed without their spaces, longest first, and words freed by a phrase used up before them', () => {
    const read = (text: string) => explain(understand(text, answerContext(translator, 'minor_at_capture')));
    expect(read('i dk')).toBe('minor:unsure ← intent:unsure "i dk"[en]');
    expect(read('goback')).toBe('back ← intent:back "goback"[en]');
    expect(read('ไม่ใช่')).toBe('minor:no ← intent:no "ไม่ใช่"[th]');
    // "no" touches Thai letters, so it is a word of its own only once "ไม่ใช่" is read and blanked out.
    expect(read('ไม่ใช่no')).toBe('minor:no ← intent:no "ไม่ใช่"[th], intent:no "no"[en]');
  });

  it('hears a denial as a denial, and a threat after "but" as a threat', () => {
    expect(findDisclosure('no one threatened me')).toBeNull();
    expect(findDisclosure('ไม่มีใครขู่ค่ะ')).toBeNull();
    expect(findDisclosure('nadie me ha amenazado')).toBeNull();
    expect(findDisclosure('nobody threatened me but he wants money')).toMatchObject({ locale: 'en' });
  });

  it('at another question, hears a story without taking it as an answer', () => {
    const u = understand('he said he will post my nudes if i dont pay him ok', answerContext(translator, 'content'));
    expect(u.outcome.kind).toBe('none');
    expect(u.disclosure).toMatchObject({ rule: 'disclosure', locale: 'en' });
  });

  it('at the threat question, lets a told threat outweigh a "no" around it', () => {
    const u = understand('no but hes asking for more pics', answerContext(translator, 'threat'));
    expect(u.outcome).toEqual({ kind: 'choice', id: 'threat:yes' });
  });

  it('never reads a bare "19" as "not under 18 then": it may be their age now', () => {
    expect(understand('19', answerContext(translator, 'minor_at_capture')).outcome.kind).toBe('unclear');
    expect(understand('no, I was 19', answerContext(translator, 'minor_at_capture')).outcome).toEqual({ kind: 'choice', id: 'minor:no' });
  });

  it('has word lists only for supported languages, at most one each, and for en, th and es', () => {
    const lexicons = LEXICONS.map((l) => l.locale);
    expect(new Set(lexicons).size).toBe(lexicons.length);
    for (const locale of lexicons) expect(SUPPORTED_LOCALES as readonly string[]).toContain(locale);
    expect(lexicons).toEqual(expect.arrayContaining(['en', 'th', 'es']));
  });
  // Languages whose typed answers are still read by label, number and id only.
  for (const locale of SUPPORTED_LOCALES.filter((code) => !LEXICONS.some((l) => l.locale === code))) it.todo(`word list for ${locale}`);
});
