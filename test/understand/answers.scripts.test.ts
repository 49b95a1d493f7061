// Typed answers in Arabic-script, Indic, Chinese, Korean and Khmer languages (and their romanised forms): what must pick which choice, and what must be asked again.

import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { explain, findDisclosure, fold } from '../../src/understand';
import { SCRIPT_TABLES } from './data/scripts';
import { countAnswers } from './data/types';
import { newReading, type StepName } from './harness';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

describe('folding by script', () => {
  it.each([
    ['أنا', 'انا'], ['إنتَ', 'انت'], ['لاااا', 'لا'], ['مدرسةٌ', 'مدرسه'], ['علـــى', 'علي'], ['نہیں', 'نهيں'], ['١٥', '15'], ['۱۵', '15'],
    ['१५', '15'], ['হ্যাঁ', 'হ্যাঁ'], ['১৪', '14'], ['௧௪', '14'], ['൧൬', '16'], ['១៤', '14'], ['ｙｅｓ，好的！', 'yes 好的'], ['हाँ', 'हां'], ['ज़्यादा', 'ज्यादा'],
    ['ㅋㅋㅋ 네', '네'], ['네네네', '네'], ['ಠ\u200dಠ', 'ಠಠ'],
  ])('folds %j as %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe('disclosures in every script, and their denials', () => {
  it.each([
    ['ar', 'هو بيهددني ينشر صوري'], ['ur', 'وہ دھمکی دے رہا ہے'], ['ckb', 'هەڕەشەم لێدەکات'], ['hi', 'वो धमकी दे रहा है'], ['hi', 'wo paise mang raha hai'],
    ['bn', 'ও আমাকে হুমকি দিচ্ছে'], ['mr', 'तो पैसे मागतोय'], ['ta', 'அவன் மிரட்டுறான்'], ['ml', 'അവൻ ഭീഷണിപ്പെടുത്തുന്നു'], ['si', 'එයා තර්ජනය කරනවා'],
    ['zh', '他威胁我要发出去'], ['ko', '사진 유포한다고 협박해요'], ['km', 'គេគំរាមខ្ញុំ'],
  ])('hears a threat in %s: %j', (locale, text) => {
    expect(findDisclosure(text)).toMatchObject({ locale });
  });

  it.each([
    'ما حدا هددني', 'किसी ने धमकी नहीं दी', 'kisi ne dhamki nahi di', 'কেউ হুমকি দেয়নি', 'யாரும் மிரட்டல', 'ആരും ഭീഷണിപ്പെടുത്തിയില്ല', 'කවුරුවත් තර්ජනය කළේ නෑ',
    '没有人威胁我', '아무도 협박 안 했어요', 'គ្មាននរណាគំរាមទេ', 'کسی نے دھمکی نہیں دی',
  ])('hears %j as a denial', (text) => {
    expect(findDisclosure(text)).toBeNull();
  });
});

describe('romanised words stay out of other Latin-script languages', () => {
  // "ami" is French for friend, "Ana" a name, "allá" Spanish for there, "ama" Spanish and Tagalog,
  // "venda" Portuguese, "range" English: none may pick a choice through a romanised word list.
  it.each([
    ['role', 'ami'], ['role', 'Ana'], ['role', 'mama'], ['minor_at_capture', 'fue por allá'], ['minor_at_capture', 'ella me ama'], ['minor_at_capture', 'casa à venda'],
    ['minor_at_capture', 'range'], ['minor_at_capture', 'eh'], ['role', 'mi'],
  ] as const)('at %s, %j is asked again', (step, text) => {
    const { got, u } = newReading(translator, step, text);
    expect(got, explain(u)).toBe('reask');
  });

  it('leaves English fillers alone ("are you a bot" asks for a person)', () => {
    expect(newReading(translator, 'role', 'are you a bot').got).toBe('human');
  });
});

for (const [locale, table] of Object.entries(SCRIPT_TABLES)) {
  describe.each(Object.keys(table) as StepName[])(`typed answers (${locale}) at %s`, (step) => {
    const answers = table[step];

    it('has at least 15 answers written as teens write', () => {
      expect(countAnswers(answers)).toBeGreaterThanOrEqual(15);
    });

    const understood = Object.entries(answers.understood).flatMap(([expected, texts]) => texts.map((text) => [text, expected] as const));
    it.each(understood)('reads %j as %s', (text, expected) => {
      const { got, u } = newReading(translator, step, text);
      expect(got, explain(u)).toBe(expected);
    });

    it.each(answers.notAChoice.map((t) => [t]))('does not take %j as a choice', (text) => {
      const { got, u } = newReading(translator, step, text);
      expect(got, explain(u)).toBe('reask');
    });
  });
}
