// Urdu risk phrases in Nastaliq and romanised ("marna chahta hoon", "khudkushi"), with "ہنس ہنس کے مر گیا" and "ammi maar dalengi" left alone.

import { book, GATES } from './book';
import { hindustaniLatin } from './hi';

// Written as typed; Urdu yeh, heh and kaf are folded with their Arabic forms on both sides.
const UR_IDIOM = 'اگر|پتا ?چل|پتہ ?چل|امی|ابو|امّی';

export const ur = book(
  'arabic',
  {
    self_harm: [
      'مرنا ?چاہ(?:تا|تی|تے)|مر ?جانا ?(?:چاہ|ہے)|مرنے ?کو ?دل',
      'خود ?کشی',
      '(?:خود|اپنے ?آپ) ?کو ?(?:مار|ختم|نقصان|زخمی|تکلیف)',
      'جینا ?نہیں ?چاہ(?:تا|تی|تے)|جینے ?کو ?دل ?نہیں|جینے ?کا ?دل ?نہیں',
    ],
    immediate_danger: [
      '(?:گھر|دروازے|کمرے) ?کے ?(?:باہر|سامنے)',
      'مجھے ?(?:مار|پیٹ) ?(?:رہا|رہی|رہے)',
      { re: '(?<!(?:خود|اپنے ?آپ) ?کو ?)(?:جان ?سے ?مار|مار ?ڈال)', unless: UR_IDIOM },
      'میرا ?پیچھا ?کر ?(?:رہا|رہی|رہے)',
      '(?:میں|ہم) ?خطرے ?میں',
      'پولیس ?(?:کو ?)?(?:بلاؤ|بلائیں|بلا ?لو|بلوا)',
      '(?:چاقو|چھری|پستول|بندوق) ?(?:ہے|لے ?کر)',
    ],
  },
  GATES.arabic,
);

export { hindustaniLatin as urLatin };
