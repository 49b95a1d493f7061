// Hindi risk phrases in Devanagari and Hinglish ("marna chahta hoon", "suicide kar lunga"), with "हँसते हँसते मर गया" and "mummy maar dalegi" left alone.

import { book, GATES } from './book';

// Written as typed; nukta and chandrabindu are folded on both sides ("हूँ" and "हूं"), and a
// space may be typed or not.
// "मम्मी मार डालेंगी अगर पता चला" is the idiom about a parent finding out.
const HI_IDIOM = 'अगर|पता चल|पता लग|मम्मी|पापा|मां|माँ';

export const hi = book(
  'indic',
  {
    self_harm: [
      'मरना चाह(?:ता|ती|ते)|मर जाना (?:चाह|है)|मरने का (?:मन|दिल)',
      'आत्महत्या|खुदकुशी|ख़ुदकुशी|सुसाइड',
      '(?:खुद|अपने आप) को (?:मार|खत्म|ख़त्म|चोट|नुकसान|नुक़सान|काट)',
      'जीना नहीं चाह(?:ता|ती|ते)|जीने का (?:मन|दिल) नहीं|(?:नस|कलाई) काट',
    ],
    immediate_danger: [
      '(?:घर|दरवाज़े|दरवाजे|कमरे) के (?:बाहर|सामने)',
      'मुझे (?:मार|पीट) (?:रहा|रही|रहे)',
      { re: '(?<!(?:खुद|अपने आप) को )(?:जान से मार|मार डाल)', unless: HI_IDIOM },
      'मेरा पीछा कर (?:रहा|रही|रहे)',
      '(?:मैं|हम) खतरे में|(?:मैं|हम) ख़तरे में',
      'पुलिस को (?:बुलाओ|बुलाइए|बुला लो|बुलाएं|फोन करो)',
      '(?:चाकू|छुरी|पिस्तौल|बंदूक) (?:है|ले के|लेकर)',
    ],
  },
  GATES.devanagari,
);

// Hindi and Urdu written in Latin letters: one spoken language, one romanised list (ur uses it too).
export const hindustaniLatin = book('latin', {
  self_harm: [
    '(?:marna|mrna|mar jana|marjana|mar jaun|mar jau|mar jaon|mar jaoon) (?:chahta|chahti|chahte|chata|chati|hai|he|h)|(?:marne|mrne) ka (?:man|dil)',
    'khudkushi|khudkhushi|khud kushi|khudkshi|aatmahatya|atmahatya|aatmhatya|atmhatya',
    '(?:suicide|sucide|suside) (?:kar|karungi|karunga|karlungi|karlunga|kr|karne)',
    '(?:khud|apne aap) ko (?:mar|khatam|khtm|hurt|nuksan|chot|zakhmi|kat)',
    '(?:jeena|jina|jeene|jine) (?:nahi|nai|nhi|ni) (?:chahta|chahti|chahte|chata|chati|hai)|(?:jeene|jine) ka (?:man|dil) (?:nahi|nai|nhi)',
  ],
  immediate_danger: [
    '(?:ghar|darwaze|kamre) (?:ke|k) (?:bahar|samne)',
    '(?:mujhe|muje|mujhko|mje) (?:mar|pit|pet) (?:raha|rha|rahi|rhi|rahe)',
    { re: '(?<!(?:khud|apne aap) ko )(?:jan se mar|mar (?:dalega|dalunga|dalegi|dalenge|dega|degi|denge))', unless: 'agar|pata chal|mummy|mumy|mumma|ammi|papa|abu|mom|maa' },
    '(?:mera|meri) (?:picha|pecha|pichha) (?:kar|kr)',
    '(?:main|mai|me|mein|hum) (?:khatre|khatra) (?:me|mein|mai|mai)',
    'police (?:ko )?(?:bulao|bula lo|call karo)',
    { re: '(?:koi )?(?:bachao|bachalo|bacha lo)(?: (?:please|pls|plz|mujhe|koi|bachao))*', whole: true },
  ],
});
