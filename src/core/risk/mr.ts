// Marathi risk phrases in Devanagari and romanised ("mala marayche aahe"), with "हसून हसून मेले" and "आई मला मारेल" left alone.

import { book, GATES } from './book';

const MR_IDIOM = 'जर|कळलं|कळले|आई|बाबा';

export const mr = book(
  'indic',
  {
    self_harm: [
      'मरायच(?:ं|े|ा) (?:आहे|हाय|हे)|मरावंसं|मरावसं|मरावंस|मरावस|मरून जावंसं|मरून जायचं',
      'आत्महत्य',
      'जगायच(?:ं|े|ा) नाही|जगावंसं वाटत नाही',
      'स्वतःला (?:मारून|संपव|इजा|त्रास|दुखाप|कापून)',
    ],
    immediate_danger: [
      '(?:घराबाहेर|घराच्या बाहेर|दाराबाहेर|घरासमोर|दारासमोर) (?:उभा|उभी|थांबल|आहे|बसल)',
      'मला (?:मारतोय|मारतंय|मारते आहे|मारतो आहे|मारत आहे|मारहाण करत)',
      { re: 'जीवे मार|जिवे मार|जीव घेईन|जीव घेणार', unless: MR_IDIOM },
      'पाठलाग कर',
      'धोक्यात (?:आहे|आहोत)',
      'पोलिसांना (?:बोलवा|बोलाव|फोन कर)|पोलीसांना (?:बोलवा|बोलाव)',
    ],
  },
  GATES.devanagari,
);

export const mrLatin = book('latin', {
  self_harm: [
    '(?:maraych|marayche|marayach|marayacha|maraycha|maravasa|maravas) (?:ahe|ae|vatat|vatay|hay)',
    '(?:jagaych|jagaycha|jagayche|jagayach) (?:nahi|nay|nai)',
    'atmahatya|atmhatya',
  ],
  immediate_danger: ['(?:gharabaher|gharasamor|darabaher) (?:ahe|ubha|ubhi|thambla)', 'jive mar'],
});
