// Tagalog/Filipino answers as teens type them, Taglish included: oo po, uu, hindi, ewan, di ko alam, jowa.

import type { AnswerTable } from './types';

const YES = ['oo', 'Oo', 'ooo', 'oo po', 'opo', 'uu', 'oo naman', 'oo nga', 'tama', 'syempre', 'OO', 'oo po 😭', '👍'];
const NO = ['hindi', 'Hindi', 'hinde', 'hindi po', 'hnd', 'hindi naman', 'ayoko', 'hindi talaga', 'HINDI', '👎'];
const UNSURE = ['hindi ko alam', 'di ko alam', 'ewan', 'ewan ko po', 'hindi ako sigurado', 'di sure', 'siguro', 'hindi ko maalala', 'malay ko'];
const MIXED = ['oo at hindi', 'oo hindi', 'hindi, oo pala'];
const NOISE = ['hello po', 'ha?', 'hindi ko gets', 'sino ka', 'hahaha', '???', 'nakakahiya', 'bilis po'];
const HUMAN = ['pwede makausap ang totoong tao po?', 'bot ka ba?', 'gusto kong makausap ang tao', 'may tao ba?'];
const BACK = ['balik', 'mali pindot', 'nakaraang tanong', 'nagkamali ako', 'palitan ang sagot'];

export const tl: AnswerTable = {
  role: {
    understood: {
      'role:self': ['ako', 'ako po', 'ako mismo', 'tungkol sakin', 'pics ko', 'para sakin', 'ako yung nasa pic', 'ako 😭', 'sarili ko'],
      'role:helper': ['kaibigan ko', 'para sa kaibigan ko', 'para sa ibang tao', 'anak ko', 'hindi ako yun, kapatid ko', 'ibang tao', 'bestfriend ko', 'jowa ko', 'estudyante ko'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['oo', 'hindi', 'ewan', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, '15 ako nun', 'wala pang 18', 'oo 16 ako', '14', 'katorse ako nun'],
      'minor:no': [...NO, 'hindi, 19 na ako', 'lagpas 18', '18 pataas'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', '12 na ako', 'dose', 'wala pang 13'],
      'age:13_15': ['14', '14 na ako', 'katorse', '15 yrs old', 'labintatlo'],
      'age:16_17': ['16', 'labing anim', '17 na ako', 'disisyete'],
      'age:18plus': ['18', '19', 'disiotso', 'lagpas 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'oo', 'ewan', '14 o 17', 'teenager', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'hubad', 'oo nakahubad', 'naka bra lang', 'walang damit', 'oo bastos'],
      'content:no': [...NO, 'hindi, may damit', 'mukha lang', 'hindi hubad'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'oo pero hindi hubad', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'binabantaan niya ako', 'humihingi siya ng pera', 'ikakalat daw niya pics ko', 'kung hindi ako magbabayad ipopost niya', 'blinackmail ako', 'gusto niya ng pics pa', 'hindi pero humihingi siya ng pera'],
      'threat:no': [...NO, 'wala', 'wala po', 'walang nagbanta sakin', 'wala naman'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'nasa akin pa', 'oo nasa phone ko', 'meron ako', 'naka save'],
      'copy:no': [...NO, 'binura ko na', 'wala na sakin', 'wala akong kopya', 'wala na po'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'oo pero binura ko na', ...NOISE.slice(0, 3)],
  },
};
