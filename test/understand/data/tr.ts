// Turkish answers as teens type them: with or without Turkish letters (hayır/hayir), evt, yok, bilmiyom, aynen.

import type { AnswerTable } from './types';

const YES = ['evet', 'Evet', 'evt', 'evettt', 'aynen', 'tabii', 'tabi ki', 'evet abla', 'kesinlikle', 'doğru', 'EVET', 'evet 😭', '👍'];
const NO = ['hayır', 'hayir', 'Hayır', 'yok', 'yok yok', 'hyr', 'hayır 🙅', 'asla', 'hiç de', 'sanmıyorum', 'HAYIR', '👎'];
const UNSURE = ['bilmiyorum', 'bilmiyom', 'bilmem', 'emin değilim', 'emin degilim', 'belki', 'galiba', 'hatırlamıyorum', 'fikrim yok'];
const MIXED = ['evet ve hayır', 'evet hayır', 'hayır yani evet'];
const NOISE = ['merhaba', 'ne?', 'anlamadım', 'sen kimsin', 'sjsjsj', '???', 'çok utanıyorum', 'hızlı lütfen'];
const HUMAN = ['gerçek bir insanla konuşabilir miyim?', 'bot musun?', 'biriyle konuşmak istiyorum', 'gerçek biri var mı'];
const BACK = ['geri', 'geri dön', 'yanlış bastım', 'önceki soru', 'cevabımı değiştir'];

export const tr: AnswerTable = {
  role: {
    understood: {
      'role:self': ['ben', 'benim', 'ben kendim', 'benimle ilgili', 'benim fotoğraflarım', 'benim için', 'başıma geldi', 'ben 😭', 'kendim'],
      'role:helper': ['arkadaşım', 'arkadasim icin', 'başka biri için', 'kızım', 'ben değilim, kız kardeşim', 'başkası', 'oğlum', 'en yakın arkadaşım', 'öğrencim'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['evet', 'hayır', 'bilmiyorum', 'ben ve arkadaşım', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, '15 yaşındaydım', "18'den küçük", 'evet 16 yaşındaydım', '14', 'on dört yaşındaydım'],
      'minor:no': [...NO, 'hayır 19 yaşındaydım', '18 üstü', '18 ve üzeri'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', '18den kucuk degildim', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', '12 yaşındayım', 'on iki', "13'ten küçük"],
      'age:13_15': ['14', '14 yaşındayım', 'on dört', '15 yaş', 'on üç'],
      'age:16_17': ['16', 'on altı', '17 yaşındayım', 'on yedi'],
      'age:18plus': ['18', '19', 'on sekiz', '18 üstü'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'evet', 'bilmiyorum', '14 veya 17', 'genç', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'çıplak', 'evet çıplak', 'iç çamaşırıyla', 'sütyenle', 'müstehcen'],
      'content:no': [...NO, 'hayır giyinikti', 'sadece yüzüm', 'çıplak değildim'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'evet ama çıplak değil', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'beni tehdit ediyor', 'benden para istiyor', 'fotoğraflarımı yayacakmış', 'para göndermezsem paylaşacak', 'şantaj yapıyor', 'daha fazla fotoğraf istiyor', 'hayır ama para istiyor'],
      'threat:no': [...NO, 'kimse', 'kimse tehdit etmedi', 'beni tehdit etmedi', 'hayır kimse'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'bende var', 'evet telefonumda', 'galerimde var', 'kaydettim'],
      'copy:no': [...NO, 'sildim', 'bende yok', 'hepsini sildim', 'artık yok'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'evet ama sildim', ...NOISE.slice(0, 3)],
  },
};
