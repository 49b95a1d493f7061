// Italian: as teens text it ("mi voglio ammazzare", "farla finita"), with "muoio dal ridere" and "mia madre mi ammazza" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'voglio morire',
      'vorrei morire',
      'mi voglio ammazzare',
      'voglio uccidermi',
      'penso al suicidio',
      'mi taglio le braccia',
      'ho ricominciato a tagliarmi',
      'non voglio più vivere',
      'mi faccio del male',
      'voglio farla finita',
      'starebbero tutti meglio senza di me',
      'mi voglio suicidare',
    ),
    ...danger(
      'è sotto casa mia',
      'è fuori casa mia',
      'qualcuno mi sta picchiando',
      'mi vuole uccidere',
      'mi sta seguendo',
      'sono in pericolo',
      'chiamate la polizia',
      'ha un coltello',
    ),
  ],
  mustNot: [
    'muoio dal ridere',
    'sto morendo dal ridere',
    'mia madre mi ammazza se lo scopre',
    'mi taglio i capelli',
    'mi segue su instagram',
    'sono stanca morta',
    'minaccia di pubblicare le mie foto',
    'aiuto',
    'non sono sicura',
    'questa verifica mi uccide',
  ],
};
