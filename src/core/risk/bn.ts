// Bengali risk phrases in its script and romanised ("ami morte chai"), with "হাসতে হাসতে মরে গেলাম" and "মা জানলে মেরে ফেলবে" left alone.

import { book, GATES, notBefore } from './book';

// A parent finding out; মা stands alone so that it is not the মা inside আমাকে.
const BN_IDIOM = 'জানলে|যদি|(?<![\\p{L}\\p{M}])মা(?![\\p{L}\\p{M}])|বাবা|আম্মু|আব্বু';

export const bn = book(
  'indic',
  {
    self_harm: [
      'মরতে চাই(?! ?না)|মরে যেতে (?:ইচ্ছে|ইচ্ছা|চাই)',
      'আত্মহত্যা|সুইসাইড',
      'নিজেকে (?:মেরে|শেষ|কষ্ট|আঘাত|কেটে)',
      'বাঁচতে চাই না|বাঁচার ইচ্ছে নেই|বাঁচতে ইচ্ছে করে না',
      'হাত কেটেছি|হাত কাটছি|শিরা কেটে',
    ],
    immediate_danger: [
      '(?:বাড়ির|দরজার|ঘরের) (?:বাইরে|সামনে) (?:দাঁড়িয়ে|আছে|অপেক্ষা)',
      'আমাকে (?:মারছে|পেটাচ্ছে|মারধর করছে)',
      { re: 'আমাকে মেরে ফেলবে|মেরে ফেলবে বলেছে|খুন করবে', unless: BN_IDIOM },
      'পিছু নিচ্ছে|পিছু নিয়েছে',
      '(?:আমি|আমরা) বিপদে',
      'পুলিশ (?:ডাকো|ডাকুন|ডেকে দাও|কে ফোন)',
      { re: '(?:কেউ )?বাঁচাও(?: (?:প্লিজ|কেউ|আমাকে|বাঁচাও))*', whole: true },
    ],
  },
  GATES.bengali,
);

export const bnLatin = book('latin', {
  self_harm: [
    `(?:morte|mortey|morle) (?:chai|chay)${notBefore('na')}|more (?:jete|jaite) (?:icche|iche|ichhe|issa|ischa)`,
    'atmohotta|attohotta|atmohatya|attohatta|suicide (?:korbo|korte|kormu)',
    '(?:bachte|banchte) (?:chai na|chaina|icche kore na|ichhe kore na)',
    'nijeke (?:mere|shesh|kosto|kete)',
  ],
  immediate_danger: [
    { re: 'amake (?:marche|pitache|mere felbe)', unless: 'janle|jodi|ma|baba|amu|abu' },
    '(?:barir|ghorer|dorjar) (?:baire|samne) (?:dariye|ache)',
    'bipode (?:achi|asi)',
    'police (?:dako|dako na|deke dao)',
  ],
});
