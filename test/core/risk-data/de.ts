// German: as teens text it (no umlauts, "will nich mehr leben", "ritzen"), with "ich lach mich tot" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'ich will sterben',
      'will einfach nur sterben',
      'ich will nicht mehr leben',
      'ich bring mich um',
      'ich will mich umbringen',
      'hab an selbstmord gedacht',
      'ich ritze mich wieder',
      'ich verletze mich selbst',
      'alle wären besser dran ohne mich',
      'ich will einfach tot sein',
      'so peinlich ich will sterben',
      'ich möchte nicht mehr leben',
    ),
    ...danger(
      'er steht vor meiner tür',
      'er ist vor meinem haus',
      'jemand schlägt mich',
      'er will mich umbringen',
      'er verfolgt mich',
      'ich bin in gefahr',
      'ruft die polizei',
      'er hat ein messer',
    ),
  ],
  mustNot: [
    'ich sterbe vor lachen',
    'ich lach mich tot',
    'meine mutter bringt mich um wenn sie das erfährt',
    'die hausaufgaben bringen mich um',
    'er folgt mir auf insta',
    'ich bin todmüde',
    'er droht meine bilder zu posten',
    'hilfe',
    'ich hab mich beim kochen geschnitten',
    'ich bin mir nicht sicher',
    'ich sterbe vor langeweile',
  ],
};
