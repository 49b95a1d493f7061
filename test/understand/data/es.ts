// Spanish answers as teens type them: no accents, slang (sip, nel, simón, nose, packs), stretched letters, emoji.

import type { AnswerTable } from './types';

const YES = ['si', 'sí', 'Si', 'sii', 'siii', 'sip', 'sep', 'simon', 'claro', 'obvio', 'si 😭', 'sí, por favor', 'pues si', 'si si', 'SI', 'aja', 'correcto', 'sii porfa', 'dale', 'si.', 'eh si', 'si 🙏', '👍'];
const NO = ['no', 'No', 'nop', 'noo', 'nooo', 'nel', 'para nada', 'no 🙅', 'NO', 'no.', 'nope', 'nah', 'nel pastel', 'la verdad no', '👎'];
const UNSURE = ['no se', 'no sé', 'nose', 'ni idea', 'no estoy segura', 'no estoy seguro', 'tal vez', 'quizas', 'no me acuerdo', 'no lo se', 'a lo mejor', 'nose la verdad'];
const MIXED = ['si y no', 'no se, tal vez si', 'si no', 'no, bueno si', 'quizas si quizas no'];
const NOISE = ['hola', 'holaa', 'que?', 'no entiendo', 'quien eres', 'jajaja', '???', 'me da mucha verguenza', 'rapido porfa', 'por que preguntas eso', 'buenas'];
const HUMAN = ['puedo hablar con una persona real?', 'quiero hablar con alguien', 'eres un bot?', 'hablar con un humano', 'necesito hablar con alguien de verdad'];
const BACK = ['atras', 'volver atras', 'me equivoque de boton', 'deshacer', 'le di mal', 'pregunta anterior'];

export const es: AnswerTable = {
  role: {
    understood: {
      'role:self': ['yo', 'soy yo', 'es sobre mi', 'sobre mi', 'yo misma', 'yo mismo', 'de mi', 'mis fotos', 'son mias', 'es mio', 'para mi', 'yo 😭', 'soy yo la de las fotos', 'mi pack', 'a mi'],
      'role:helper': ['mi amiga', 'mi amigo', 'es de una amiga', 'otra persona', 'para una amiga', 'mi hija', 'es de mi hija', 'mi hermana', 'ayudo a una amiga', 'no soy yo, es mi amiga', 'alguien mas', 'mi hermano', 'mi mejor amiga', 'soy mama de la chica', 'mi alumna'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['si', 'no', 'no se', 'yo y mi amiga', 'las dos', 'mi amiga subio mis fotos', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'tenia 15', 'tenia 14 años', 'menos de 18', 'si, tenia 16', '15', 'tenia quince'],
      'minor:no': [...NO, 'no, tenia 19', 'mas de 18', '18 o mas', 'no, 18 o más'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 3),
      back: BACK.slice(0, 3),
    },
    notAChoice: [...MIXED, '19', 'creo que tenia 18', ...NOISE.slice(0, 8)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'tengo 12', 'tengo 11 años', 'doce', 'menos de 13', '10', 'tengo nueve', '12 años'],
      'age:13_15': ['14', 'tengo 14', 'tengo 14 años', 'catorce', '15', '13', 'tengo quince', '14 años', '13 a 15', 'tengo 13 porfa', '15 😭', 'acabo de cumplir 13', 'tengo 14!!', 'trece'],
      'age:16_17': ['16', 'tengo 16', 'diecisiete', '17', 'tengo 17 años', '16 o 17', 'dieciseis', 'tengo 16 jaja', '17 años', 'dieciséis'],
      'age:18plus': ['18', 'tengo 18', '19', '21', 'tengo 20', '18 o más', 'dieciocho', 'mas de 18', '18+'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['200', 'tengo 3', 'si', 'no se', '14 o 17', 'soy mayor', 'adolescente', 'por que', ...NOISE.slice(0, 6)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'desnuda', 'si, desnuda', 'era un pack', 'en ropa interior', 'sin ropa', 'si es sexual', 'semidesnuda', 'nudes'],
      'content:no': [...NO, 'no estaba desnuda', 'no, solo mi cara', 'no, era una foto normal', 'no, con ropa'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 5), 'si pero no desnuda', ...NOISE.slice(0, 6)],
  },
  threat: {
    understood: {
      'threat:yes': [
        ...YES,
        'me dijo que si no le pago va a publicar mis fotos',
        'me esta amenazando',
        'me pide dinero',
        'me chantajea con mis fotos',
        'quiere mas fotos',
        'dice que las va a mandar a mis amigos',
        'me pidio 500 pesos o las sube',
        'si, me pide mas packs',
        'me extorsiona 😭',
        'un tipo me amenazo con pasarlas a toda la escuela',
      ],
      'threat:no': [...NO, 'nadie me ha amenazado', 'nadie', 'no me ha pedido nada', 'nadie me amenaza', 'no, nadie'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 5), ...NOISE.slice(0, 6)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'la tengo', 'si, en mi celular', 'si la tengo', 'en mi galeria', 'si, las tengo'],
      'copy:no': [...NO, 'la borre', 'no la tengo', 'ya no la tengo', 'no, las borre', 'no tengo copia'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 5), 'si pero la borre', ...NOISE.slice(0, 6)],
  },
};
