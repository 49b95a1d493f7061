// French: as teens text it (no accents, "jveux", "crever"), with "je meurs de rire" and "ma mère va me tuer" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'je veux mourir',
      "j'ai envie de mourir 😭",
      'jveux mourir serieux',
      'je vais me suicider',
      'je pense au suicide tout le temps',
      'je veux me tuer',
      'je me scarifie encore',
      'je me fais du mal',
      "j'ai plus envie de vivre",
      'je veux en finir',
      'ils seraient tous mieux sans moi',
      'tellement la honte jveux crever',
    ),
    ...danger(
      'il est devant chez moi',
      "quelqu'un me frappe",
      'il a dit qu il va me tuer',
      'il me suit depuis le bus',
      'je suis en danger',
      'appelez la police',
      'il a un couteau',
      'au secours',
    ),
  ],
  mustNot: [
    'je meurs de rire',
    'mdr je suis mort',
    "ma mère va me tuer si elle l'apprend",
    'ce devoir me tue',
    'il me suit sur insta',
    'je suis morte de honte',
    'il menace de publier mes photos',
    "je me suis coupé le doigt en cuisinant",
    'je suis pas sûre',
    'comment supprimer la photo',
  ],
};
