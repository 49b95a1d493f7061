// Kurdish Sorani risk phrases in Arabic script (Kurdish or Arabic keyboard) and romanised ("demewet bmrm"), with "لە پێکەنینا مردم" left alone.

import { book, GATES } from './book';

// Written with Sorani letters; ە ێ ۆ ڕ ڵ fold to ه ي و ر ل on both sides, so Arabic-keyboard spellings match.
const CKB_IDIOM = 'دایک|باوک|بزانێت|بزانن|ئەگەر';

export const ckb = book(
  'arabic',
  {
    self_harm: [
      '(?:دەمەوێت|دەمەوێ|دەمەوی|ئەمەوێت|ئەمەوێ|حەز ?دەکەم|حەز ?ئەکەم) ?بمرم',
      'خۆم ?(?:دەکوژم|ئەکوژم|بکوژم)|خۆ ?کوشتن',
      '(?:نامەوێت|نامەوێ|حەز ?ناکەم) ?بژیم',
      'ئازاری ?خۆم ?(?:دەدەم|ئەدەم|دا)|خۆم ?بریندار ?(?:دەکەم|ئەکەم|کرد)',
    ],
    immediate_danger: [
      '(?:بەردەم|بەر ?دەرگای|دەرەوەی) ?(?:ماڵەکەمان|ماڵەکەم|ماڵمان|ماڵم|ژوورەکەم)',
      'لێم ?(?:دەدات|ئەدات|دەدەن)|لێمی ?دا',
      { re: '(?:دەمکوژێت|ئەمکوژێت|دەمکوژن|بمکوژێت)', unless: CKB_IDIOM },
      'بەدوام(?:دا|ەوە)? ?(?:دێت|دێن|هاتووە)',
      'لە ?مەترسی(?:دام|دایە|دان)',
      'پۆلیس ?بانگ ?(?:بکەن|بکە)|پەیوەندی ?بە ?پۆلیس',
      '(?:چەقۆ|چەک|دەمانچە)(?:ی)? ?پێیە',
    ],
  },
  GATES.arabic,
);

export const ckbLatin = book('latin', {
  self_harm: ['(?:demewe?t?|demawe?t?|dmawe|emewe?t?) bmrm|xom (?:dekujm|ekujm|bkujm)|xo ?ku(?:sh|j)tin|xo ?kushtn|(?:namewe?t?|namawe?t?) bzhim'],
  immediate_danger: ['(?:demkuje?t|emkuje?t)'],
});
