// Icelandic risk phrases, with and without Icelandic letters ("ég vil deyja", "eg vil deyja"), with "að deyja úr hlátri" and "mamma drepur mig" left alone.

import { book, notBefore } from './book';

// Written folded: ð as d, þ as th, æ as ae, no accents ("eg", "ad", "aetla").
const IS_THEY = '(?:hann|hun|their|einhver|madur|gaurinn|fyrrverandi|stjupi|pabbi)';

export const is = book('latin', {
  self_harm: [
    `(?:mig langar|eg vil|eg vill|vil bara|langar bara|eg aetla|aetla) (?:bara |svo |alveg )*(?:ad )?(?:deyja|drepa mig|fremja sjalfsmord|hverfa)${notBefore('ur')}`,
    'sjalfsmord|sjalfsvig|sjalfskad(?:a|i)|(?:skada|meida|meidi|skadi) (?:mig|sjalfa mig|sjalfan mig)',
    `(?:eg )?(?:sker|skera) (?:mig|a mer)${notBefore('i eldhusinu', 'a hnif', 'ovart')}`,
    '(?:langar|vil) ekki (?:ad )?(?:lifa|vera til)|nenni ekki ad lifa|betur (?:settir|sett) an min',
  ],
  immediate_danger: [
    `${IS_THEY} (?:er|stendur|bidur) (?:nuna )?(?:fyrir utan|vid|fyrir framan|hja) (?:husid|hurdina|gluggann|heimilid|ibudina|herbergid|heima)`,
    `${IS_THEY} (?:er ad )?(?:meida|berja|lemja|elta|naudga|kyrkja) mig${notBefore('a (?:insta|netinu|snap)')}`,
    { re: `${IS_THEY} (?:aetlar|aetla|vill|hotar|hotadi) (?:ad )?(?:drepa|meida|berja|naudga) mig`, unless: 'ef (?:hun|hann|thau) (?:kemst|kemur|veit|ser|frettir)' },
    'eg er i haettu|i lifshaettu|finn ekki til oryggis',
    '(?:hringid|hringdu|hringja) (?:i|a) (?:logregluna|logguna|112|sjukrabil)',
    `${IS_THEY} (?:er med|heldur a) (?:hnif|byssu|vopn)`,
  ],
});
