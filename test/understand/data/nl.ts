// Dutch answers as teens type them: jep, nee hoor, weet ik niet, mss, mn, emoji.

import type { AnswerTable } from './types';

const YES = ['ja', 'Ja', 'jaa', 'jaaa 😭', 'jep', 'ja hoor', 'klopt', 'zeker', 'tuurlijk', 'idd', 'JA', 'uhm ja', '👍'];
// "Nee" is the Dutch button label for no, so typed exactly it picks no where that button is shown; stretched, it
// folds to "ne", which is also Turkish "ne?" (what?), and is asked again rather than guessed.
const BARE_NEE = ['neee', 'neeee'];
const NO = ['nee hoor', 'nee dank je', 'nope', 'nee 🙅', 'echt niet', 'niet echt', 'nooit', '👎'];
const UNSURE = ['weet ik niet', 'ik weet het niet', 'geen idee', 'mss', 'misschien', 'weet niet', 'niet zeker', 'weet ik niet meer', 'mss ja'];
const MIXED = [...BARE_NEE, 'ja en nee', 'ja of nee', 'ja nee', 'nee toch ja'];
const NOISE = ['hoi', 'wat?', 'snap het niet', 'wie ben jij', 'haha', '???', 'ik schaam me zo', 'snel aub'];
const HUMAN = ['kan ik met een echt mens praten?', 'ben je een bot?', 'ik wil met iemand praten', 'echte persoon aub'];
const BACK = ['terug', 'ga terug', 'verkeerd geklikt', 'vorige vraag', 'oeps verkeerd'];

export const nl: AnswerTable = {
  role: {
    understood: {
      'role:self': ['ik', 'ikzelf', 'over mij', 'het gaat over mij', "mijn foto's", 'dat ben ik', 'voor mij', 'mezelf', 'ik 😭'],
      'role:helper': ['mijn vriendin', 'mn vriendin', 'voor een vriendin', 'mijn dochter', 'niet ik, mijn zus', 'iemand anders', 'mijn zoon', 'mijn beste vriendin', 'mijn leerling'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['ja', 'nee', 'weet ik niet', 'ik en mijn vriendin', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'ik was 15', 'onder de 18', 'ja ik was 16', '14', 'ik was veertien'],
      'minor:no': [...NO, 'nee ik was 19', 'boven de 18', '18 of ouder'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'ik ben 12', 'twaalf', 'onder de 13'],
      'age:13_15': ['14', 'ik ben 14', 'veertien', '15 jaar', 'dertien'],
      'age:16_17': ['16', 'zestien', 'ik ben 17', 'zeventien'],
      'age:18plus': ['18', '19', 'achttien', 'ouder dan 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'ja', 'geen idee', '14 of 17', 'tiener', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'naakt', 'ja naaktfotos', 'in mijn ondergoed', 'bloot', 'halfnaakt'],
      'content:no': [...NO, 'nee ik was aangekleed', 'nee alleen mijn gezicht', 'niet naakt'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'ja maar niet naakt', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'hij dreigt', 'hij bedreigt me', 'hij wil geld', 'hij zegt dat hij ze gaat delen', 'als ik niet betaal stuurt hij ze door', 'hij vraagt meer fotos', 'ze wil 50 euro'],
      'threat:no': [...NO, 'niemand', 'niemand heeft me bedreigd', 'nee niemand', 'nee hij heeft niet gedreigd'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'ik heb ze nog', 'ja op mijn telefoon', 'ja opgeslagen'],
      'copy:no': [...NO, 'verwijderd', 'ik heb het niet meer', 'nee verwijderd', 'geen kopie'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'ja maar verwijderd', ...NOISE.slice(0, 3)],
  },
};
