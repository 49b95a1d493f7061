// Bengali answers as teens type them: Bengali script with or without the nasal mark, Bengali digits, and Banglish (ha, na, jani na).

import type { AnswerTable } from './types';

const YES = ['হ্যাঁ', 'হ্যা', 'হুম', 'জি', 'জি হ্যাঁ', 'হ্যাঁ 😔', 'অবশ্যই'];
const NO = ['না', 'নাহ', 'না না', 'না 🙅', 'na', 'একদম না', 'নাাা'];
const UNSURE = ['জানি না', 'জানিনা', 'নিশ্চিত না', 'হয়তো', 'মনে নেই', 'jani na'];
const MIXED = ['হ্যাঁ না', 'হ্যাঁ জানি না', 'হুম না'];
const NOISE = ['হ্যালো', 'কি?', 'এটা কি', 'hi', 'খুব লজ্জা লাগছে'];
const HUMAN = ['আসল মানুষের সাথে কথা বলতে চাই', 'তুমি কি বট?', 'কারো সাথে কথা বলা যাবে'];
const BACK = ['পিছনে', 'ভুল চাপ দিয়েছি', 'আগের প্রশ্ন'];

export const bn: AnswerTable = {
  role: {
    understood: {
      'role:self': ['আমি', 'আমি নিজে', 'আমার নিজের', 'আমার ছবি', 'আমাকে নিয়ে', 'ami nije', 'আমার ব্যাপার'],
      'role:helper': ['আমার বন্ধু', 'বন্ধুর জন্য', 'আমার বান্ধবী', 'আমার মেয়ে', 'অন্য কারো জন্য', 'আমার বোন', 'আমার ছাত্রী', 'bondhur jonno'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['হ্যাঁ', 'না', 'জানি না', 'আমি আর আমার বন্ধু', 'আমার বন্ধু আমার ছবি ছড়িয়েছে', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'হ্যাঁ তখন ১৫ ছিলাম', '15', '১৪', '১৮-র কম', '১৮ এর কম'],
      'minor:no': [...NO, 'না, ১৯ ছিলাম', '১৮ বা বেশি', '18 এর বেশি'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '১৯', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'আমার বয়স ১২', 'বারো', '১৩-র কম'],
      'age:13_15': ['14', '১৪', 'চৌদ্দ', 'আমার বয়স ১৫ বছর', 'পনেরো'],
      'age:16_17': ['16', 'ষোল', '১৭ বছর', 'সতেরো'],
      'age:18plus': ['18', '১৯ বছর', 'আঠারো', '১৮ বা বেশি'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'হ্যাঁ', 'জানি না', '১৪ বা ১৭', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'হ্যাঁ নগ্ন', 'জামা ছাড়া', 'নুড ছবি', 'অশ্লীল ছবি'],
      'content:no': [...NO, 'না, নরমাল ছবি', 'শুধু মুখ', 'নগ্ন না'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'জানি না', 'হ্যাঁ কিন্তু নগ্ন না', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'ও আমাকে হুমকি দিচ্ছে', 'টাকা চাইছে', 'বলছে ভাইরাল করে দেবে', 'আরো ছবি চাইছে', 'ব্ল্যাকমেইল করছে'],
      'threat:no': [...NO, 'কেউ হুমকি দেয়নি', 'কেউ না', 'দেয়নি'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'আছে', 'ফোনে আছে', 'আমার কাছে আছে'],
      'copy:no': [...NO, 'ডিলিট করে দিয়েছি', 'আমার কাছে নেই', 'মুছে ফেলেছি'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'জানি না', 'হ্যাঁ কিন্তু ডিলিট করে দিয়েছি', ...NOISE],
  },
};
