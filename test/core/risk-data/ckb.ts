// Kurdish Sorani in Arabic script (typed with Kurdish or Arabic keyboards) and romanised, with "لە پێکەنینا مردم" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'دەمەوێت بمرم',
      'حەز دەکەم بمرم',
      'خۆم دەکوژم',
      'بیر لە خۆکوشتن دەکەمەوە',
      'نامەوێت بژیم',
      'ئازاری خۆم دەدەم',
      'دەمەویت بمرم',
      'demewet bmrm',
      'xom dekujm',
      'xokushtn',
      'شەرمەزارم دەمەوێت بمرم',
      'دەمەوێ بمرم',
    ),
    ...danger(
      'ئەو لە بەردەم ماڵەکەمانە',
      'یەکێک لێم دەدات',
      'دەڵێت دەمکوژێت',
      'بەدوامدا دێت',
      'لە مەترسیدام',
      'پۆلیس بانگ بکەن',
      'چەقۆی پێیە',
    ),
  ],
  mustNot: [
    'لە پێکەنینا مردم',
    'لە برسا دەمرم',
    'دایکم بزانێت دەمکوژێت',
    'هاوکاری',
    'دڵنیا نیم',
    'هەڕەشە دەکات وێنەکانم بڵاو دەکاتەوە',
    'زۆر ماندووم',
    'le pekenina mrdm',
  ],
};
