// French answers as teens type them: ouais, nan, jsp, chais pas, no accents or apostrophes, emoji.

import type { AnswerTable } from './types';

const YES = ['oui', 'Oui', 'ouais', 'ouaiis', 'ouep', 'ouii 😭', 'oui oui', 'bah oui', 'oui stp', 'exact', 'carrément', "c'est ça", 'OUI', '👍'];
const NO = ['non', 'Non', 'nan', 'nonnn', 'non 🙅', 'pas du tout', 'nan pas vraiment', 'je pense pas', 'jamais', 'NON', '👎'];
const UNSURE = ['je sais pas', 'jsp', 'chais pas', 'jsais pas', 'aucune idée', 'peut-être', 'ptet', 'jsuis pas sûre', 'je me souviens plus'];
const MIXED = ['oui et non', 'jsp peut-être oui', 'oui non', 'non enfin oui'];
const NOISE = ['salut', 'quoi ?', 'je comprends pas', "t'es qui", 'mdr', '???', "j'ai trop honte", 'vite stp'];
const HUMAN = ['je peux parler à une vraie personne ?', "t'es un bot ?", 'je veux parler à quelqu’un', 'parler à un humain'];
const BACK = ['retour', 'en arrière', 'je me suis trompée', 'mauvais bouton', 'question précédente'];

export const fr: AnswerTable = {
  role: {
    understood: {
      'role:self': ['moi', "c'est moi", 'cest moi', 'moi-même', 'mes photos', "c'est sur moi", 'pour moi', 'moi 😭', 'il s’agit de moi'],
      'role:helper': ['mon amie', 'ma pote', 'pour une amie', 'ma fille', "c'est pas moi c'est ma soeur", "quelqu'un d'autre", 'mon fils', 'ma meilleure amie', 'mon élève'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['oui', 'non', 'jsp', 'moi et mon amie', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, "j'avais 15 ans", 'moins de 18', "oui j'avais 16", '14', "j'avais quatorze ans"],
      'minor:no': [...NO, "non j'avais 19", 'plus de 18', '18 ou plus'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', "j'ai 12 ans", 'douze', 'moins de 13'],
      'age:13_15': ['14', "j'ai 14 ans", 'quatorze', '15 ans', 'treize'],
      'age:16_17': ['16', 'seize', "j'ai 17 ans", 'dix-sept'],
      'age:18plus': ['18', '19 ans', 'dix-huit', 'plus de 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'oui', 'jsp', '14 ou 17', 'ado', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'nue', 'oui toute nue', 'en sous-vêtements', 'en soutif', 'des nudes'],
      'content:no': [...NO, "non j'étais habillée", 'non juste mon visage', 'non photo normale'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'oui mais pas nue', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'il me menace', "il veut de l'argent", 'il a dit qu’il va publier mes photos', 'si je paie pas il les envoie à tout le monde', "il m'a demandé 200 euros", 'il me fait du chantage', 'non mais il veut plus de photos'],
      'threat:no': [...NO, 'personne', "personne m'a menacée", 'non personne', "il m'a pas menacée"],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, "je l'ai encore", 'oui dans ma galerie', 'oui sur mon tel'],
      'copy:no': [...NO, "je l'ai supprimée", "non je l'ai plus", "j'ai tout supprimé"],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), "oui mais je l'ai supprimée", ...NOISE.slice(0, 3)],
  },
};
