// Icelandic: with and without Icelandic letters ("ég vil deyja", "eg vil deyja"), with "að deyja úr hlátri" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'mig langar að deyja',
      'ég vil deyja',
      'eg vil bara deyja',
      'ég ætla að drepa mig',
      'ég ætla að fremja sjálfsmorð',
      'ég hugsa um sjálfsvíg',
      'mig langar ekki að lifa lengur',
      'ég sker mig',
      'ég er að skaða sjálfa mig',
      'allir væru betur settir án mín',
      'ég vil ekki vera til',
      'mig langar ad deyja',
    ),
    ...danger(
      'hann er fyrir utan húsið mitt',
      'einhver er að meiða mig',
      'hann ætlar að drepa mig',
      'hann er að elta mig',
      'ég er í hættu',
      'hringið í lögregluna',
      'hann er með hníf',
    ),
  ],
  mustNot: [
    'ég er að deyja úr hlátri',
    'ég dey úr leiðindum',
    'mamma drepur mig ef hún kemst að þessu',
    'hann fylgir mér á insta',
    'hann hótar að birta myndirnar',
    'hjálp',
    'ég er ekki viss',
    'ég er dauðþreytt',
    'ég skar mig í eldhúsinu',
  ],
};
