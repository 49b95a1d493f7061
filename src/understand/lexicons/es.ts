// Spanish words for typed answers, as teens in Spain and Latin America type them (sip, nel, nose, packs, porfa).

import type { Lexicon } from '../lexicon';

export const es: Lexicon = {
  locale: 'es',
  script: 'latin',
  intents: {
    yes: [
      '^si', 'sip', 'sep', 'sipi', 'sisi', 'si si', 'simon', 'claro', 'claro que si', 'obvio', 'obvio que si', 'correcto', 'exacto', 'asi es', 'afirmativo', 'aja',
      'ajam', 'dale', 'vale', '=va', 'okey', 'oki', 'por supuesto', 'efectivamente', 'creo que si', 'de hecho si', 'pues si', 'si senor', 'si senora', '=eso',
      'tal cual', 'seguro que si', 'tal vez si', 'quizas si', 'quiza si', 'a lo mejor si', 'bueno si', 'si fue asi', 'si lo es', 'si es',
    ],
    no: [
      '^no', 'nop', 'nope', 'nel', 'nel pastel', 'para nada', 'nunca', 'jamas', 'nadie', 'ninguno', 'ninguna', 'tampoco', 'creo que no', 'no no', 'no senor',
      'de ninguna manera', 'no lo creo', 'ya no', 'nah', 'negativo', 'nones', 'no lo es', 'no es', 'nadie me ha', 'nadie me', 'no me ha', 'no me han',
    ],
    unsure: [
      'no se', 'no lo se', 'nose', 'yo que se', 'ni idea', 'no estoy segura', 'no estoy seguro', 'no sabria decir', 'quizas', 'quiza', 'tal vez', 'talvez',
      'a lo mejor', 'alomejor', 'puede ser', 'puede que si', 'capaz', 'no me acuerdo', 'no recuerdo', 'ni se', 'no tengo idea', '=ns', 'no tengo ni idea',
      'no sabria', 'no se la verdad', 'no sé', 'no lo sé', 'ni puta idea', 'no estoy muy segura', 'no estoy muy seguro',
    ],
    self: [
      '=yo', 'yo y', 'soy yo', 'yo misma', 'yo mismo', 'sobre mi', 'es sobre mi', 'de mi', 'mias', 'mis fotos', 'mi foto', 'mis videos', 'mi video', 'mis packs', 'mi pack',
      'para mi', 'es mio', 'son mias', '=a mi', 'me paso a mi', 'es mi caso', 'yo soy', 'soy yo la', 'soy yo el', 'de mi misma', 'de mi mismo', 'mio', 'mia',
    ],
    helper: [
      'otra persona', 'alguien mas', 'por alguien', 'mi amiga', 'mi amigo', 'mis amigas', 'mis amigos', 'una amiga', 'un amigo', 'mi hija', 'mi hijo', 'mi hermana',
      'mi hermano', 'mi prima', 'mi primo', 'mi sobrina', 'mi sobrino', 'mi alumna', 'mi alumno', 'mi estudiante', 'mi novia', 'mi novio', 'mi compa',
      'una companera', 'un companero', 'ayudo a alguien', 'estoy ayudando', 'ayudando a', 'para una amiga', 'para un amigo', 'no soy yo', 'no es sobre mi',
      'soy mama', 'soy papa', 'soy madre', 'soy padre', 'soy profe', 'soy maestra', 'soy maestro', 'de otra persona', 'de una amiga', 'de un amigo', 'mi mejor amiga',
    ],
    human: [
      'persona real', '=una persona', '=persona', 'alguien real', 'hablar con alguien', 'hablar con una persona', 'hablar con un humano', '=humano', 'un humano',
      'puedo hablar con', 'quiero hablar con', 'necesito hablar con', 'eres un bot', 'eres real', 'eres robot', 'eres un robot', '=agente', 'un agente', 'un asesor',
      'operador', 'una persona de verdad', 'alguien de verdad',
    ],
    back: [
      'atras', 'volver atras', '=volver', '=regresar', 'regresar a la anterior', 'anterior', 'pregunta anterior', 'deshacer', '=me equivoque', 'me equivoque de boton',
      'me equivoque de opcion', 'me confundi de boton', 'le di mal', 'le puse mal', 'puse mal', 'cambiar respuesta', 'cambiar mi respuesta', '=ups', 'ups me equivoque',
      'quiero cambiar mi respuesta', 'la anterior',
    ],
    new_link: ['nuevo enlace', 'otro enlace', 'enlace nuevo', 'link nuevo', 'otro link', 'nuevo link', 'el link no sirve', 'el enlace no funciona', 'no funciona el link', 'no abre el link', 'el link caduco'],
    nude: [
      'desnuda', 'desnudo', 'desnudos', 'desnudas', 'desnudez', 'encuerada', 'encuerado', 'sin ropa', 'pack', 'packs', 'nudes', 'en ropa interior', 'ropa interior',
      'en bra', 'en sosten', 'sexual', 'sexuales', 'porno', 'xxx', 'en calzones', 'topless', 'tetas', 'semidesnuda', 'semi desnuda', 'subido de tono', 'sin blusa', 'sin camisa', 'sexo',
    ],
    not_nude: ['no es desnudo', 'no estoy desnuda', 'no estaba desnuda', 'no estaba desnudo', 'con ropa', 'vestida', 'vestido', 'foto normal', 'solo mi cara', 'nada sexual', 'no es sexual', 'no era sexual'],
    have_copy: ['la tengo', 'lo tengo', 'las tengo', 'los tengo', 'en mi celular', 'en mi cel', 'en mi telefono', 'en mi galeria', 'la guarde', 'lo guarde', 'si tengo', 'tengo una copia', 'si la tengo', 'aqui la tengo'],
    confused: ['no entiendo', 'no entendi', 'no comprendo', 'no te entiendo', 'que significa', 'a que te refieres', 'como asi'],
    no_copy: ['no la tengo', 'no lo tengo', 'no las tengo', 'no los tengo', 'no tengo', 'la borre', 'lo borre', 'las borre', 'ya no la tengo', 'no tengo copia', 'no esta en mi celular', 'se borro', 'solo esta en internet'],
  },
  numbers: {
    ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, 'diez y seis': 16, diecisiete: 17, 'diez y siete': 17,
    dieciocho: 18, 'diez y ocho': 18, diecinueve: 19, veinte: 20, veintiuno: 21,
  },
  below: ['menos de', 'menor de', 'debajo de', 'por debajo de', 'todavia no', 'aun no', 'casi', 'no llego a', 'no tengo'],
  atLeast: ['mas de', 'mayor de', 'arriba de', 'encima de'],
  orMore: ['o mas', 'para arriba', 'o mayor'],
  fillers: ['pues', 'este', 'eh', 'mm', 'bueno', 'la verdad', 'o sea', 'osea', 'jaja', 'jajaja', 'jsjs', 'wey', 'guey', 'porfa', 'por favor', 'hm', 'ay', 'amm', 'tipo', 'mira'],
  particles: [],
  disclosure: [
    'amenaz\\w*|chantaj\\w*|extorsi\\w*|sextorsi\\w*',
    'si no (?:le |les )?(?:pago|doy|mando|envio|transfiero|deposito|hago)',
    '(?:va|van|iba|iban) a (?:publicar|subir|pasar|mandar|enviar|compartir|difundir|filtrar|ensenar|mostrar|quemar|exhibir)',
    '(?:pide|piden|pidio|pidieron|pidiendo|quiere|quieren|queria|exige|exigen|exigio)(?: \\w+){0,3} (?:dinero|plata|lana|pago|feria|varo|\\d+|transferencia|deposito|bitcoin|tarjetas? de regalo|mas fotos|mas videos|mas packs|otro pack|otra foto|otro video)',
    'que le (?:pague|mande mas|envie mas|deposite|transfiera)',
  ],
  negators: ['nadie', 'no', 'nunca', 'ni', 'tampoco', 'nada'],
  languages: { ingles: 'en', english: 'en', espanol: 'es', castellano: 'es', tailandes: 'th', thai: 'th' },
};
