// Kurdish (Sorani) answers as teens type them: on Kurdish or Arabic keyboards (بەڵێ/بەلی), stretched letters, Arabic-Indic digits.

import type { AnswerTable } from './types';

const YES = ['بەڵێ', 'بەلی', 'بەڵێێێ', 'ئا', 'ئەرێ', 'بەڵێ 😔', 'bale', 'باشە'];
const NO = ['نەخێر', 'نەخیر', 'نا', 'naxer', 'نەخێر 🙅', 'هەرگیز'];
const UNSURE = ['نازانم', 'دڵنیا نیم', 'دلنیا نیم', 'ڕەنگە', 'لەبیرم نییە', 'nazanm'];
const MIXED = ['بەڵێ نەخێر', 'بەڵێ نازانم', 'ئا نا'];
const NOISE = ['سڵاو', 'چی؟', 'ئەمە چییە', 'slaw', 'زۆر شەرم دەکەم'];
const HUMAN = ['دەمەوێت قسە لەگەڵ کەسێکی ڕاستەقینە بکەم', 'تۆ بۆتیت؟', 'قسە لەگەڵ مرۆڤ'];
const BACK = ['گەڕانەوە', 'بە هەڵە دام', 'پرسیاری پێشوو'];

export const ckb: AnswerTable = {
  role: {
    understood: {
      'role:self': ['من', 'خۆم', 'من خۆم', 'دەربارەی من', 'وێنەکانی منە', 'هی خۆمە', 'بۆ خۆم'],
      'role:helper': ['هاوڕێکەم', 'بۆ هاوڕێیەکم', 'کچەکەم', 'خوشکم', 'کەسێکی تر', 'بۆ کەسێکی ترە', 'قوتابییەکم', 'برادەرێکم'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['بەڵێ', 'نەخێر', 'نازانم', 'من و هاوڕێکەم', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'بەڵێ 15 ساڵ بووم', '15', '١٤', 'خوار 18', 'کەمتر لە 18'],
      'minor:no': [...NO, 'نەخێر 19 ساڵ بووم', '18 یان زیاتر', 'زیاتر لە 18'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', '12 ساڵم', 'خوار 13', 'دوازدە'],
      'age:13_15': ['14', '١٤ ساڵم', 'چواردە', 'پازدە ساڵم', '13'],
      'age:16_17': ['16', 'شازدە', '17 ساڵم', '١٦'],
      'age:18plus': ['18', '19 ساڵم', 'هەژدە', '18 یان زیاتر'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'بەڵێ', 'نازانم', '14 یان 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'بەڵێ ڕووت', 'بێ جل', 'ڕووتە', 'وێنەی سێکسی'],
      'content:no': [...NO, 'وێنەی ئاسایی', 'تەنها دەموچاوم', 'ڕووت نییە'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'نازانم', 'بەڵێ بەڵام ڕووت نییە', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'هەڕەشەم لێدەکات', 'پارەی دەوێت', 'دەڵێت وێنەکان بڵاو دەکاتەوە', 'وێنەی زیاتری دەوێت', 'هەیە'],
      'threat:no': [...NO, 'کەس هەڕەشەی نەکردووە', 'هیچ کەس', 'نییە'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'لامە', 'لە مۆبایلەکەمە', 'هێشتا لامە'],
      'copy:no': [...NO, 'سڕیمەوە', 'لام نییە', 'سڕیومەتەوە'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'نازانم', 'بەڵێ بەڵام سڕیمەوە', ...NOISE],
  },
};
