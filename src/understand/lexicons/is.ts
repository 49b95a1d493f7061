// Icelandic words for typed answers, as teens type them (jebb, neibb, veit ekki), with or without þ, ð, æ and accents.

import type { Lexicon } from '../lexicon';

export const is: Lexicon = {
  locale: 'is',
  script: 'latin',
  intents: {
    yes: [
      '=ja', '^ja', '=ju', 'jebb', 'jeb', 'jamm', 'jabb', 'audvitad', 'ja audvitad', 'ja alveg', '=rett', 'thad er rett', 'einmitt', 'oki', 'held thad', 'eg held thad',
      'ja eg var', 'ja hann gerdi thad', 'ja thad', 'sko ja', 'og ja', 'ja takk', 'eda ja',
    ],
    no: [
      '=nei', '^nei', 'nei takk', 'neibb', 'neib', 'aldrei', 'enginn', 'engin', '=ekki', 'alls ekki', 'ekki neitt', 'held ekki', 'eg held ekki', 'nei nei', 'ekki rett',
      'enginn hefur', 'var thad ekki', 'og nei', 'eda nei',
    ],
    unsure: [
      'veit ekki', 'eg veit ekki', 'veit thad ekki', 'eg veit thad ekki', 'kannski', 'ekki viss', 'eg er ekki viss', 'ekki alveg viss', 'man ekki', 'eg man ekki',
      'man thad ekki', 'mogulega', 'liklega', 'hef ekki hugmynd', 'engin hugmynd',
    ],
    self: [
      '=eg', 'eg sjalf', 'eg sjalfur', 'um mig', 'thetta er um mig', 'thad er eg', 'thetta er eg', 'myndirnar minar', 'myndin min', 'min mynd', 'minar myndir',
      'fyrir mig', '=mig', 'thetta er mitt',
    ],
    helper: [
      'einhver annar', 'einhver onnur', 'einhvern annan', 'onnur manneskja', 'fyrir einhvern', 'vinkona min', 'vinur minn', 'vinkonu mina', 'vin minn',
      'besta vinkona min', 'besti vinur minn', 'dottir min', 'sonur minn', 'systir min', 'brodir minn', 'fraenka min', 'fraendi minn', 'nemandi minn', 'ekki eg',
      'ekki um mig', 'eg er ad hjalpa', 'eg er foreldri', 'eg er mamma', 'eg er pabbi', 'eg er kennari', 'fyrir vinkonu', 'fyrir vin', 'kaerastan min', 'kaerastinn minn',
    ],
    human: [
      'alvoru manneskja', 'alvoru manneskju', '=manneskja', 'tala vid einhvern', 'tala vid manneskju', 'get eg talad vid', 'ma eg tala vid', 'eg vil tala vid',
      'ertu botti', 'ertu vel', 'ertu velmenni', 'ertu alvoru', 'ertu manneskja', 'radgjafi', '=hjalp',
    ],
    back: [
      'til baka', 'fara til baka', 'fyrri spurning', 'fyrri spurningu', 'afturkalla', 'vitlaus takki', 'vitlausan takka', 'ytti a vitlaust', '=obbosi', '=ups',
      'breyta svarinu', 'breyta svari',
    ],
    new_link: ['nyjan hlekk', 'nyr hlekkur', 'annan hlekk', 'hlekkurinn virkar ekki', 'linkurinn virkar ekki', 'nyjan link', 'nyr link', 'hlekkurinn er utrunninn'],
    nude: [
      'nakin', 'nakinn', 'nakt', 'nektarmynd', 'nektarmyndir', 'nektarmyndum', 'i naerfotum', 'naerfot', 'brjostahaldara', 'kynferdisleg', 'kynferdislegt', 'klam',
      'ber ad ofan', 'fatalaus', 'fatalausa',
    ],
    not_nude: ['ekki nakin', 'ekki nakinn', 'var ekki nakin', 'i fotum', 'klaedd', 'klaeddur', 'bara andlitid', 'andlitid bara', 'venjuleg mynd', 'ekkert kynferdislegt', 'ekki kynferdisleg'],
    have_copy: ['eg a hana', 'eg a thaer', 'eg a thad', 'a hana enn', 'a thaer enn', 'i simanum minum', 'i simanum', 'eg vistadi', 'vistadi', 'eg a afrit', 'a afrit'],
    no_copy: [
      'a hana ekki', 'eg a hana ekki', 'a thaer ekki', 'eg a thad ekki', 'ekki lengur', 'eytt', 'eg eyddi', 'eyddi', 'eyddi theim', 'eyddi henni', 'ekkert afrit',
      'ekki i simanum', 'bara a netinu',
    ],
    confused: ['ja nei', 'skil ekki', 'eg skil ekki', 'skil thetta ekki', 'hvad meinardu', 'hvad attu vid', '=ha'],
  },
  numbers: {
    niu: 9, tiu: 10, ellefu: 11, tolf: 12, threttan: 13, fjortan: 14, fimmtan: 15, sextan: 16, sautjan: 17, atjan: 18, nitjan: 19, tuttugu: 20,
  },
  below: ['undir', 'yngri en', 'naestum', 'minna en', 'ekki ordin', 'ekki ordinn'],
  atLeast: ['yfir', 'eldri en', 'meira en', 'amk', 'ad minnsta kosti'],
  orMore: ['eda eldri', 'eda meira', 'og eldri', 'og upp'],
  fillers: ['sko', 'plis', 'hmm', 'ae', 'uhh', 'sem sagt'],
  particles: [],
  disclosure: [
    'hot(?:a|ar|adi|adu|ad|un|anir|anirnar)|kug(?:a|ar|adi|un)\\w*|fjarkug\\w*|sextortion',
    '(?:aetlar|aetla|vill|vilja|aetladi)(?: \\w+){0,3} (?:birta|senda|deila|dreifa|setja|syna|posta)',
    'ef eg (?:\\w+ ){0,2}(?:borga|sendi|geri|gef) (?:\\w+ )?ekki',
    '(?:vill|vilja|heimtar|heimta|bidur um|bad um|krefst)(?: \\w+){0,3} (?:peninga|pening|kronur|kr|\\d+|usd|bitcoin|fleiri myndir|meira af myndum|fleiri nektarmyndir|nyjar myndir)',
  ],
  negators: ['enginn', 'engin', 'ekki', 'aldrei', 'nei', 'ekkert'],
  contrast: ['nema'],
  languages: { islenska: 'is', icelandic: 'is', enska: 'en', spaenska: 'es', taelenska: 'th' },
};
