// Hindi answers as teens type them: Devanagari with or without the nasal dot, and Hinglish in Latin letters (haan, nahi, pta nhi).

import type { AnswerTable } from './types';

// A bare "ha"/"haaa" is also "what?" in German, Icelandic, Vietnamese and Tagalog: it is asked again, not guessed.
const YES = ['हाँ', 'हां', 'हाँ जी', 'जी', 'haan', 'haan ji', 'हाँ 😔', 'bilkul'];
const NO = ['नहीं', 'नही', 'नहीं जी', 'nahi', 'nhi', 'nahi yaar', 'ना', 'bilkul nahi'];
const UNSURE = ['पता नहीं', 'मुझे नहीं पता', 'pata nahi', 'pta nhi', 'शायद', 'yaad nahi'];
const MIXED = ['हाँ नहीं', 'haan pata nahi', 'haan nahi'];
const NOISE = ['namaste', 'kya?', 'ये क्या है', 'hello', 'bahut sharam aa rahi hai'];
const HUMAN = ['किसी इंसान से बात करनी है', 'kya tum bot ho', 'real person se baat karni hai'];
const BACK = ['वापस', 'galti se daba diya', 'पीछे जाओ'];

export const hi: AnswerTable = {
  role: {
    understood: {
      'role:self': ['मैं', 'मैं खुद', 'मेरे बारे में', 'मेरी फोटो है', 'main khud', 'mere bare me', 'meri pics hai', 'खुद के लिए', 'मेरे लिए'],
      'role:helper': ['मेरी दोस्त', 'दोस्त के लिए', 'dost ke liye', 'meri beti', 'मेरा भाई', 'किसी और के लिए', 'meri saheli ke liye', 'मेरी स्टूडेंट'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['हाँ', 'नहीं', 'पता नहीं', 'मैं और मेरी दोस्त', 'mere dost ne meri pic daal di', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'हाँ मैं 15 की थी', '15', 'तब मैं 14 साल का था', '18 से कम', 'haan 16 ki thi'],
      'minor:no': [...NO, 'नहीं, मैं 19 की थी', '18 या ज़्यादा', 'nahi 18 se upar thi', '18 से ज्यादा'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'मैं 12 साल की हूँ', 'बारह', '13 से कम', 'main 11 saal ka hu'],
      'age:13_15': ['14', 'चौदह', 'मैं 15 साल का हूँ', '१४', 'main 13 ki hu', 'pandrah'],
      'age:16_17': ['16', 'सोलह', '17 साल', 'satrah', '१६'],
      'age:18plus': ['18', '19 साल', 'अठारह', '18 या ज़्यादा', 'bees'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'हाँ', 'पता नहीं', '14 या 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'हाँ न्यूड थी', 'nangi', 'bina kapdo ke', 'haan nude thi', 'अश्लील फोटो'],
      'content:no': [...NO, 'नहीं, नॉर्मल फोटो है', 'nude nahi thi', 'सिर्फ चेहरा'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'पता नहीं', 'हाँ पर न्यूड नहीं', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'वो धमकी दे रहा है', 'wo paise mang raha hai', 'उसने कहा वायरल कर देगा', 'woh aur photos mang raha hai', 'blackmail kar raha hai'],
      'threat:no': [...NO, 'किसी ने धमकी नहीं दी', 'koi nahi', 'kisi ne nahi'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'मेरे पास है', 'phone me hai', 'gallery mein save hai', 'हाँ फोन में है'],
      'copy:no': [...NO, 'डिलीट कर दिया', 'mere paas nahi hai', 'delete kar di'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'पता नहीं', 'हाँ पर डिलीट कर दिया', ...NOISE],
  },
};
