// Portuguese answers as teens in Brazil and Portugal type them: ss, sla, n sei, vc, no accents, emoji.

import type { AnswerTable } from './types';

const YES = ['sim', 'Sim', 'simm', 'siiim 😭', 'ss', 'claro', 'com certeza', 'isso', 'isso mesmo', 'aham', 'uhum', 'é sim', 'SIM', '👍'];
const NO = ['não', 'nao', 'Não', 'naum', 'nãooo', 'não 🙅', 'de jeito nenhum', 'nem pensar', 'acho que não', 'NÃO', '👎'];
const UNSURE = ['não sei', 'nao sei', 'sei lá', 'sla', 'n sei', 'talvez', 'não tenho certeza', 'não lembro', 'nem ideia'];
const MIXED = ['sim e não', 'sim não', 'não, quer dizer sim', 'sla talvez sim'];
const NOISE = ['oi', 'oii', 'como assim?', 'não entendi', 'quem é vc', 'kkkk', '???', 'que vergonha'];
const HUMAN = ['posso falar com uma pessoa real?', 'vc é um bot?', 'quero falar com alguém', 'falar com um atendente'];
const BACK = ['voltar', 'voltar atrás', 'cliquei errado', 'pergunta anterior', 'apertei errado'];

export const pt: AnswerTable = {
  role: {
    understood: {
      'role:self': ['eu', 'sou eu', 'é sobre mim', 'eu mesma', 'minhas fotos', 'pra mim', 'aconteceu comigo', 'eu 😭', 'fui eu'],
      'role:helper': ['minha amiga', 'meu amigo', 'pra uma amiga', 'minha filha', 'não sou eu, é minha irmã', 'outra pessoa', 'meu filho', 'minha melhor amiga', 'minha aluna'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['sim', 'não', 'sla', 'eu e minha amiga', ...NOISE.slice(0, 4)],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'tinha 15', 'menos de 18', 'sim, tinha 16', '14', 'eu tinha catorze'],
      'minor:no': [...NO, 'não, tinha 19', 'mais de 18', '18 ou mais'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE.slice(0, 4)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'tenho 12', 'doze', 'menos de 13'],
      'age:13_15': ['14', 'tenho 14 anos', 'quatorze', '15 anos', 'treze'],
      'age:16_17': ['16', 'dezesseis', 'dezasseis', 'tenho 17', 'dezessete'],
      'age:18plus': ['18', '19', 'dezoito', 'mais de 18'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'sim', 'sla', '14 ou 17', 'adolescente', ...NOISE.slice(0, 3)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'nua', 'sim, pelada', 'de calcinha', 'sem roupa', 'nudes'],
      'content:no': [...NO, 'não, tava de roupa', 'não, só meu rosto', 'não era nude'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'sim mas não nua', ...NOISE.slice(0, 3)],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'ele tá me ameaçando', 'ele quer dinheiro', 'ele disse que vai postar minhas fotos', 'se eu não pagar ele vai espalhar', 'tá me chantageando', 'ele pediu mais fotos', 'não, mas ele quer dinheiro'],
      'threat:no': [...NO, 'ninguém', 'ninguém me ameaçou', 'não, ninguém', 'ele nunca me ameaçou'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE.slice(0, 3)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'tenho sim', 'sim, no meu celular', 'tá na galeria', 'no telemóvel'],
      'copy:no': [...NO, 'apaguei', 'não tenho mais', 'já apaguei', 'deletei tudo'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), 'sim mas apaguei', ...NOISE.slice(0, 3)],
  },
};
