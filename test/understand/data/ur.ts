// Urdu answers as teens type them: Urdu script on Urdu or Arabic keyboards, and Roman Urdu (g, jee, nahi, pata nahi).

import type { AnswerTable } from './types';

const YES = ['ہاں', 'ہاں جی', 'جی ہاں', 'جی', 'jee', 'haan g', 'ہاںںں', 'بالکل', 'هاں'];
const NO = ['نہیں', 'جی نہیں', 'نہیں جی', 'nahi', 'g nahi', 'نئیں', 'بالکل نہیں'];
const UNSURE = ['پتہ نہیں', 'مجھے نہیں پتا', 'معلوم نہیں', 'pata nahi', 'شاید', 'یاد نہیں'];
const MIXED = ['ہاں نہیں', 'ہاں پتہ نہیں', 'haan ya nahi'];
const NOISE = ['السلام علیکم', 'کیا؟', 'یہ کیا ہے', 'salam', 'بہت شرم آ رہی ہے'];
const HUMAN = ['کسی انسان سے بات کرنی ہے', 'کیا آپ بوٹ ہیں', 'asli banda chahiye'];
const BACK = ['واپس', 'غلطی سے دب گیا', 'پچھلا سوال'];

export const ur: AnswerTable = {
  role: {
    understood: {
      'role:self': ['میں', 'میں خود', 'میرے بارے میں', 'میری تصویریں ہیں', 'خود کے لیے', 'main khud', 'میرے لئے'],
      'role:helper': ['میری دوست', 'دوست کے لیے', 'میری بیٹی', 'میرا بھائی', 'کسی اور کے لیے', 'میری سہیلی کی', 'میری شاگرد', 'dost ke liye'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['ہاں', 'نہیں', 'پتہ نہیں', 'میں اور میری دوست', 'میرے دوست نے میری تصویر ڈال دی', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'ہاں میں 15 کی تھی', '15', '۱۴', '18 سے کم', 'جی تب 16 سال'],
      'minor:no': [...NO, 'نہیں میں 19 کی تھی', '18 یا زیادہ', '18 سے زیادہ'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'میں 12 سال کی ہوں', 'بارہ', '13 سے کم'],
      'age:13_15': ['14', 'چودہ', 'میں 15 سال کا ہوں', '۱۴', '١٤', 'پندرہ'],
      'age:16_17': ['16', 'سولہ', '17 سال', 'سترہ', '۱۶'],
      'age:18plus': ['18', '19 سال', 'اٹھارہ', '18 یا زیادہ'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'ہاں', 'پتہ نہیں', '14 یا 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'ہاں ننگی تھی', 'بغیر کپڑوں کے', 'گندی تصویریں', 'نیوڈ'],
      'content:no': [...NO, 'نہیں عام تصویر ہے', 'صرف چہرہ', 'کپڑے پہنے ہوئے'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'پتہ نہیں', 'ہاں لیکن ننگی نہیں', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'وہ دھمکی دے رہا ہے', 'وہ پیسے مانگ رہا ہے', 'اس نے کہا وائرل کر دے گا', 'مزید تصویریں مانگ رہا ہے', 'بلیک میل کر رہا ہے'],
      'threat:no': [...NO, 'کسی نے دھمکی نہیں دی', 'کوئی نہیں', 'کسی نے نہیں'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'میرے پاس ہے', 'فون میں ہے', 'گیلری میں سیو ہے'],
      'copy:no': [...NO, 'ڈیلیٹ کر دیا', 'میرے پاس نہیں ہے', 'ڈیلیٹ کر دی'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'پتہ نہیں', 'ہاں لیکن ڈیلیٹ کر دیا', ...NOISE],
  },
};
