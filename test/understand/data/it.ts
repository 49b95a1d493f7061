// Italian answers as teens type them: sisi, boh, nn so, no accents, emoji.

import type { AnswerTable } from './types';

const YES = ['si', 'sì', 'Si', 'sii', 'siii 😭', 'sisi', 'si si', 'certo', 'esatto', 'già', 'ovvio', 'SI', 'eh si', '👍'];
const NO = ['no', 'No', 'noo', 'nono', 'no 🙅', 'per niente', 'assolutamente no', 'macché', 'credo di no', 'NO', '👎'];
const UNSURE = ['non lo so', 'non so', 'boh', 'bho', 'forse', 'non sono sicura', 'non mi ricordo', 'nn lo so', 'non saprei', 'boh forse si'];
const MIXED = ['si e no', 'si o no', 'si no', 'no cioè si'];
const NOISE = ['ciao', 'cosa?', 'non capisco', 'chi sei', 'ahahah', '???', 'che vergogna', 'veloce per favore'];
const HUMAN = ['posso parlare con una persona vera?', 'sei un bot?', 'voglio parlare con qualcuno', 'parlare con un operatore'];
const BACK = ['indietro', 'torna indietro', 'ho sbagliato', 'tasto sbagliato', 'domanda precedente'];

export const it: AnswerTable = {
  role: {
    understood: {
      'role:self': ['io', 'sono io', 'io stessa', 'riguarda me', 'le mie foto', 'su di me', 'per me', 'io 😭', 'sono io quella nelle foto'],
      'role:helper': ['la mia amica', 'mia amica', 'per un’amica', 'mia figlia', 'non sono io, è mia sorella', 'qualcun altro', 'mio figlio', 'la mia migliore amica', 'una mia studentessa'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['si', 'no', 'boh', 'io e la mia amica', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'avevo 15 anni', 'meno di 18', 'si avevo 16', '14', 'avevo quattordici anni'],
      'minor:no': [...NO, 'no avevo 19 anni', 'più di 18', '18 o più'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'ho 12 anni', 'dodici', 'meno di 13'],
      'age:13_15': ['14', 'ho 14 anni', 'quattordici', '15 anni', 'tredici'],
      'age:16_17': ['16', 'sedici', 'ho 17 anni', 'diciassette'],
      'age:18plus': ['18', '19', 'diciotto', 'più di 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'si', 'boh', '14 o 17', 'adolescente', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'nuda', 'si nuda', 'in intimo', 'in reggiseno', 'senza vestiti'],
      'content:no': [...NO, 'no ero vestita', 'no solo la mia faccia', 'non ero nuda'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'si ma non nuda', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'mi minaccia', 'vuole soldi', 'mi ricatta', 'ha detto che le pubblica', 'se non pago le manda a tutti', 'vuole altre foto', 'mi ha chiesto 100 euro'],
      'threat:no': [...NO, 'nessuno', 'nessuno mi ha minacciata', 'no nessuno', 'non mi ha minacciato'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, "ce l'ho", 'si sul telefono', 'si nella galleria'],
      'copy:no': [...NO, "l'ho cancellata", 'non ce l’ho più', 'no le ho cancellate', 'non ho una copia'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), "si ma l'ho cancellata", ...NOISE.slice(0, 3)],
  },
};
