// Icelandic answers as teens type them: jebb, neibb, veit ekki, with or without þ, ð, æ and accents.

import type { AnswerTable } from './types';

const YES = ['já', 'ja', 'Já', 'jáá', 'jebb', 'jú', 'já 😭', 'auðvitað', 'einmitt', 'já alveg', 'JÁ', '👍'];
const NO = ['nei', 'Nei', 'neii', 'neibb', 'nei takk', 'alls ekki', 'aldrei', 'held ekki', 'NEI', '👎'];
const UNSURE = ['veit ekki', 'ég veit ekki', 'eg veit ekki', 'kannski', 'ekki viss', 'ég er ekki viss', 'man ekki', 'engin hugmynd'];
const MIXED = ['já og nei', 'já nei', 'nei sko já'];
const NOISE = ['hæ', 'ha?', 'skil ekki', 'hver ert þú', 'lol', '???', 'þetta er svo vandró'];
const HUMAN = ['get ég talað við alvöru manneskju?', 'ertu botti?', 'ég vil tala við einhvern'];
const BACK = ['til baka', 'fara til baka', 'vitlaus takki', 'fyrri spurning'];

export const is: AnswerTable = {
  role: {
    understood: {
      'role:self': ['ég', 'eg', 'ég sjálf', 'um mig', 'þetta er um mig', 'myndirnar mínar', 'fyrir mig', 'ég 😭'],
      'role:helper': ['vinkona mín', 'vinur minn', 'fyrir vinkonu', 'dóttir mín', 'ekki ég, systir mín', 'einhver annar', 'sonur minn', 'besta vinkona mín', 'nemandi minn'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['já', 'nei', 'veit ekki', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'ég var 15', 'undir 18', 'já ég var 16', '14', 'ég var fjórtán'],
      'minor:no': [...NO, 'nei ég var 19', 'yfir 18', '18 eða eldri'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'ég er 12', 'tólf', 'undir 13'],
      'age:13_15': ['14', 'ég er 14', 'fjórtán', '15 ára', 'þrettán'],
      'age:16_17': ['16', 'sextán', 'ég er 17', 'sautján'],
      'age:18plus': ['18', '19', 'átján', 'yfir 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'já', 'veit ekki', '14 eða 17', 'unglingur', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'nakin', 'já nektarmyndir', 'í nærfötum', 'ber að ofan'],
      'content:no': [...NO, 'nei ég var í fötum', 'nei bara andlitið', 'ekki nakin'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'hann hótaði mér', 'hann er að kúga mig', 'hann vill peninga', 'hann ætlar að birta myndirnar', 'ef ég borga ekki sendir hann þær', 'hann vill fleiri myndir'],
      'threat:no': [...NO, 'enginn', 'enginn hefur hótað mér', 'nei enginn'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'ég á hana', 'já í símanum', 'ég vistaði þær'],
      'copy:no': [...NO, 'ég eyddi henni', 'ég á hana ekki', 'ekki lengur'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
};
