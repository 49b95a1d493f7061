// Arabic answers as teens type them: standard and dialect (Egyptian, Levantine, Gulf), without vowel marks, stretched letters, Arabic-Indic digits, Arabizi.

import type { AnswerTable } from './types';

const YES = ['نعم', 'ايوه', 'أيوة', 'اه', 'آه', 'اي', 'اكيد', 'صح', 'نعممم', 'aywa', 'ايوا 😔', 'طبعاً'];
const NO = ['لا', 'لأ', 'لاااا', 'لا والله', 'la2', 'la', 'لا 🙅', 'ابدا', 'لا ابداً'];
const UNSURE = ['مش عارف', 'ما اعرف', 'مدري', 'لا أعرف', 'يمكن', 'مش متأكدة', 'mesh 3arfa', 'ما بعرف'];
const MIXED = ['اه لا', 'نعم و لا', 'ايوه مش عارفة'];
const NOISE = ['السلام عليكم', 'مرحبا', 'شو هاد', 'hi', 'انا مكسوفة'];
const HUMAN = ['بدي احكي مع شخص حقيقي', 'انت بوت؟', 'ممكن اكلم حد'];
const BACK = ['رجوع', 'ضغطت غلط', 'السؤال السابق'];

export const ar: AnswerTable = {
  role: {
    understood: {
      'role:self': ['انا', 'أنا', 'انا نفسي', 'عني', 'صوري انا', 'عن نفسي', 'ana nafsi', 'الموضوع عني', 'يخصني'],
      'role:helper': ['صاحبتي', 'صديقتي', 'لصديقي', 'بنتي', 'ابني', 'اختي', 'شخص اخر', 'مش انا، صاحبتي', 'sa7bti', 'طالبتي'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['نعم', 'لا', 'مش عارف', 'انا و صاحبتي', 'صاحبتي نشرت صوري', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'نعم كان عمري 15', '15', '١٤', 'أقل من 18', 'ايوه كنت ١٦'],
      'minor:no': [...NO, 'لا كان عمري 19', '18 او اكثر', 'لا، فوق 18'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'عمري 12', 'اقل من 13', '١١ سنة'],
      'age:13_15': ['14', 'عمري ١٤', '١٥', 'خمستاشر', 'اربعطعش', 'عمري 13 سنة'],
      'age:16_17': ['16', '١٧', 'عمري 16 سنة', 'ستاشر', '۱۶'],
      'age:18plus': ['18', '19', 'عمري عشرين', '18 او اكثر', 'فوق 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'نعم', 'مش عارف', '14 ولا 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'نعم عارية', 'بدون ملابس', 'صور فاضحة', 'ايوه نودز', 'بالملابس الداخلية'],
      'content:no': [...NO, 'لا صورة عادية', 'بس وجهي', 'لا مش عارية'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'مش عارف', 'اه بس مش عارية', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'هو بيهددني ينشر صوري', 'عايز فلوس', 'يبتزني', 'قال هينشر الصور لو ما دفعت', 'بدو صور تانية', 'byhaddedni'],
      'threat:no': [...NO, 'ما حدا هددني', 'محد', 'ما في تهديد'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'عندي', 'موجودة في جوالي', 'لسه عندي', 'محفوظة في الاستوديو'],
      'copy:no': [...NO, 'مسحتها', 'ما عندي', 'حذفتهم'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'مش عارف', 'اه بس مسحتها', ...NOISE],
  },
};
