// German answers as teens type them: jap, nö, kp, vllt, with or without umlauts and ß.

import type { AnswerTable } from './types';

const YES = ['ja', 'Ja', 'jaa', 'jaaa 😭', 'jap', 'jup', 'jo', 'ja genau', 'genau', 'stimmt', 'JA', 'ja leider', 'ähm ja', '👍'];
const NO = ['nein', 'Nein', 'nö', 'nee, war ich nicht', 'nein 🙅', 'auf keinen fall', 'gar nicht', 'eher nicht', 'NEIN', '👎'];
const UNSURE = ['weiß nicht', 'weiss nicht', 'kp', 'keine ahnung', 'vllt', 'vielleicht', 'bin mir nicht sicher', 'weiß ich nicht mehr', 'ka'];
// A bare "ne" is also Turkish "ne?" (what?): it is asked again, not guessed. ("Nee" is the Dutch button label for no.)
const MIXED = ['ne', 'ja und nein', 'jein', 'ja nein', 'nein doch ja'];
const NOISE = ['hallo', 'was?', 'versteh ich nicht', 'wer bist du', 'lol', '???', 'ist mir so peinlich', 'schnell bitte'];
const HUMAN = ['kann ich mit einem echten menschen reden?', 'bist du ein bot?', 'ich will mit jemandem reden', 'echte person bitte'];
const BACK = ['zurück', 'zurueck', 'falsch geklickt', 'vorherige frage', 'geh zurück'];

export const de: AnswerTable = {
  role: {
    understood: {
      'role:self': ['ich', 'ich selbst', 'es geht um mich', 'um mich', 'meine bilder', 'das bin ich', 'für mich', 'fuer mich', 'ich bins 😭'],
      'role:helper': ['meine freundin', 'mein freund', 'für eine freundin', 'meine tochter', 'nicht ich, meine schwester', 'jemand anderes', 'mein sohn', 'meine beste freundin', 'meine schülerin', 'meine schuelerin'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['ja', 'nein', 'kp', 'ich und meine freundin', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'ich war 15', 'unter 18', 'ja war 16', '14', 'ich war vierzehn'],
      'minor:no': [...NO, 'nein ich war 19', 'über 18', 'ueber 18', '18 oder älter'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'ich bin 12', 'zwölf', 'unter 13'],
      'age:13_15': ['14', 'bin 14', 'vierzehn', '15 jahre', 'dreizehn'],
      'age:16_17': ['16', 'sechzehn', 'ich bin 17', 'siebzehn'],
      'age:18plus': ['18', '19', 'achtzehn', 'über 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'ja', 'kp', '14 oder 17', 'teenager', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'nackt', 'ja nacktbilder', 'in unterwäsche', 'oben ohne', 'nacktfotos'],
      'content:no': [...NO, 'nein war angezogen', 'nein nur mein gesicht', 'nicht nackt'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'ja aber nicht nackt', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'er droht mir', 'er will geld', 'er erpresst mich', 'er hat gesagt er will die bilder posten', 'wenn ich nicht zahle schickt er sie rum', 'er will mehr bilder', 'sie verlangt 100 euro'],
      'threat:no': [...NO, 'niemand', 'keiner hat mir gedroht', 'nein niemand', 'niemand hat mich bedroht'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'hab sie noch', 'ja auf meinem handy', 'ja gespeichert'],
      'copy:no': [...NO, 'gelöscht', 'hab es nicht mehr', 'nein hab sie gelöscht', 'keine kopie'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'ja aber gelöscht', ...NOISE.slice(0, 3)],
  },
};
