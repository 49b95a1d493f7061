// Indonesian: as teens text it ("gw", "pengen", "bundir", "ga"), with "mati gaya" and "mati lampu" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'pengen mati',
      'gw pengen mati aja',
      'aku mau bunuh diri',
      'mau bundir',
      'pengen bunuh diri rasanya',
      'aku pengen ngakhirin hidup',
      'aku suka nyakitin diri sendiri',
      'udah gak mau hidup lagi',
      'mending aku mati aja',
      'aku nyilet tangan lagi',
      'malu banget pengen mati',
      'capek hidup, pgn mati',
    ),
    ...danger(
      'dia di depan rumahku',
      'ada orang mukulin aku',
      'dia mau bunuh aku',
      'dia ngikutin aku',
      'aku dalam bahaya',
      'tolong panggil polisi',
      'dia bawa pisau',
    ),
  ],
  mustNot: [
    'mati gaya nih',
    'ngakak sampe mati wkwk',
    'hp ku mati',
    'mama bisa bunuh aku kalau tau',
    'dia ngikutin aku di ig',
    'dia ngancam mau nyebarin fotoku',
    'tolong',
    'mati lampu',
    'aku gak yakin',
    'capek banget',
  ],
};
