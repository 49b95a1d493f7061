// Dutch: as teens text it ("ik wil dood", "mezelf van kant maken"), with "dood van het lachen" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'ik wil dood',
      'ik wil gewoon dood gaan',
      'ik wil niet meer leven',
      'ik wil zelfmoord plegen',
      'ik denk aan zelfmoord',
      'ik wil mezelf van kant maken',
      'ik snij mezelf weer',
      'ik doe mezelf pijn',
      'ik wil er niet meer zijn',
      'iedereen is beter af zonder mij',
      'ik maak er een eind aan',
      'ik schaam me zo ik wil dood',
    ),
    ...danger(
      'hij staat voor mijn deur',
      'hij staat voor mijn huis',
      'iemand slaat me',
      'hij gaat me vermoorden',
      'hij volgt me',
      'ik ben in gevaar',
      'bel de politie',
      'hij heeft een mes',
    ),
  ],
  mustNot: [
    'ik lig dood van het lachen',
    'ik ga dood van de honger',
    'mijn moeder vermoordt me als ze het ziet',
    'hij volgt me op insta',
    'hij dreigt mijn fotos te delen',
    'ik ben doodmoe',
    'hoe verwijder ik de foto',
    'help',
    'ik weet het niet zeker',
    'ik schaam me dood',
  ],
};
