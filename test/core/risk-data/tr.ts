// Turkish: with and without Turkish letters ("ölmek istiyorum", "olmek istiyorum", "edicem"), with "gülmekten ölüyorum" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'ölmek istiyorum',
      'olmek istiyorum',
      'intihar edicem',
      'İNTİHAR ETMEK İSTİYORUM',
      'kendimi öldüreceğim',
      'kendimi oldurcem',
      'yaşamak istemiyorum',
      'kendime zarar veriyorum',
      'kollarımı kesiyorum',
      'yine kendimi jiletledim',
      'herkes bensiz daha iyi olur',
      'ölsem daha iyi',
    ),
    ...danger(
      'adam evimin önünde bekliyor',
      'biri beni dövüyor',
      'beni öldüreceğini söyledi',
      'beni takip ediyor',
      'tehlikedeyim',
      'polisi arayın',
      'elinde bıçak var',
      'imdat',
    ),
  ],
  mustNot: [
    'gülmekten ölüyorum',
    'ölüyorum gülmekten',
    'annem beni öldürür',
    'beni instagramda takip ediyor',
    'fotoğraflarımı yaymakla tehdit ediyor',
    'yardım',
    'açlıktan ölüyorum',
    'emin değilim',
    'öldüm ya',
  ],
};
