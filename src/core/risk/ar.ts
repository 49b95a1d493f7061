// Arabic risk phrases in MSA and Levantine, Egyptian and Gulf forms ("بدي موت", "عايز أموت"), and Arabizi ("bade mout"), with "هموت من الضحك" left alone.

import { book, GATES, notBefore } from './book';

// Written as typed; hamza seats, teh marbuta and alef maqsura are folded on both sides, and a
// space may be typed or not. Phrases match anywhere, since و/ف/ب/ل attach to the next word.
const AR_NOT_IDIOM = '(?! ?(?:من|م) ?(?:الضحك|الجوع|الحر|البرد|الملل|التعب|الخجل))';
const AR_NOT_ONLINE = '(?! ?(?:على|ع|في|من) ?(?:انستا|الانستا|تيك|التيك|سناب|السناب|فيس|الفيس|النت|الانترنت))';
// "Mum will kill me if she finds out" is the idiom; a parent's real violence shows up as hitting.
const AR_IDIOM = 'لو عرف|اذا عرف|لو شاف|اذا شاف|اذا درت|لو درت|امي|ابوي|ابويا|ماما|بابا';

export const ar = book(
  'arabic',
  {
    self_harm: [
      `(?:اريد|بدي|عايز|عايزه|عاوز|عاوزه|نفسي|ابغى|ابغي|ابي|ودي|حابب|حابه|اتمنى) ?(?:ان )?(?:اموت|موت|انتحر|اقتل نفسي|اختفي للابد)${AR_NOT_IDIOM}`,
      'انتحر|انتحار',
      '(?:اقتل|هقتل|حقتل|رح اقتل|راح اقتل|بقتل|ساقتل|بدي اقتل) ?نفسي',
      '(?:اذي|اوذي|بوذي|اجرح|بجرح|اقطع|بقطع|اذيت|جرحت) ?(?:نفسي|حالي|معصمي|شراييني)|(?:اقطع|بقطع|قطعت) ?(?:ايدي|يدي|شرايين)',
      '(?:مش|مو|ما|مب|لا) ?(?:عايز|عايزه|عاوز|عاوزه|بدي|ابغى|ابي|اريد ان)? ?(?:اعيش|عيش)(?! ?(?:مع|في|هون|هنا|عند|هيك))',
      'ياريتني (?:مت|ميت|ما اتولدت)|ليتني (?:مت|ميت|لم اولد)|الموت (?:احسن|ارحم) (?:لي|من)',
    ],
    immediate_danger: [
      '(?:قدام|امام|برا|بره|خارج|عند|جنب) ?(?:باب )?(?:بيتي|بيتنا|داري|دارنا|غرفتي|شقتي|شقتنا)',
      `(?:يضربني|بيضربني|ضربني|يلاحقني|بيلاحقني|يطاردني|بيطاردني|يخنقني|اغتصبني|يغتصبني|يتبعني|بيتبعني|ماشي ورايا|بيتحرش بيا|يتحرش بي)${AR_NOT_ONLINE}`,
      { re: '(?:قال|بيقول|يقول|هدد|هددني|بيهدد|يهدد)(?: انه| انو)? ?(?:هيقتلني|حيقتلني|رح يقتلني|راح يقتلني|سيقتلني|بيقتلني|يقتلني|بدو يقتلني)|(?:عايز|عاوز|بدو|يبي|يبغى|يريد) ?(?:يقتلني|قتلي)', unless: AR_IDIOM },
      '(?:انا|حياتي) (?:في|ب) ?خطر',
      '(?:اتصلوا|اتصل|كلموا|كلم|اطلبوا|اطلب) ?(?:ب|على|ع)? ?(?:الشرطه|البوليس|النجده|الاسعاف|911|999|112|122)',
      '(?:معاه|معه|معو|عنده|عندو|ماسك|حامل) ?(?:سكين|سكينه|مسدس|سلاح)',
      { re: '(?:يا ناس )?(?:الحقوني|الحقني|النجده|انقذوني)(?: (?:بسرعه|ارجوكم|يا ناس|الحقوني|النجده))*', whole: true },
    ],
  },
  GATES.arabic,
);

// Arabizi: Arabic in Latin letters, with 3 for ع (folded to "e" like leetspeak), 7 for ح and 2 for ء.
export const arLatin = book('latin', {
  self_harm: [
    `(?:bade|badi|bdi|bidi|beddi|eayez|eayza|eayz|eawez|eawza|ayez|ayza|nefsi|nfsi|abgha|abga) (?:a|e)?(?:mot|mout|mut)${notBefore('mn', 'min', 'men', 'mel', 'mil')}`,
    '(?:e|i)nt(?:e|i)(?:7|h)ar',
    '(?:a|ha|h|ra7 a|7a)?(?:2|k|q)t(?:e|o)l (?:nafsi|nafsy|7ali|hali)',
  ],
  immediate_danger: [
    '(?:hay|7ay|ra7 y|bdo y|bado y|eayez y|eawez y)(?:2|k|q)t(?:o)?lni',
    '(?:7ad|had|wahed|wa7ed) (?:bi|be|eam )?y?drabni',
  ],
});
