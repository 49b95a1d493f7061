// Tagalog and Taglish: as teens text it ("gusto ko nang mamatay", "naglalaslas"), with "patay tayo dyan" staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'gusto ko nang mamatay',
      'gusto ko na mamatay',
      'magpapakamatay na ako',
      'gusto kong magpakamatay',
      'papatayin ko sarili ko',
      'sinasaktan ko sarili ko',
      'ayoko nang mabuhay',
      'sana mamatay na lang ako',
      'naglalaslas ako',
      'pagod na ako sa buhay gusto ko na mamatay',
      'mas mabuti pang mamatay na lang ako',
      'nakakahiya gusto ko nang mamatay',
    ),
    ...danger(
      'nasa labas siya ng bahay namin',
      'may nananakit sa akin',
      'papatayin daw niya ako',
      'sinusundan niya ako',
      'nasa panganib ako',
      'tumawag kayo ng pulis',
      'may dala siyang kutsilyo',
    ),
  ],
  mustNot: [
    'patay tayo dyan',
    'mamamatay ako sa kakatawa',
    'papatayin ako ng nanay ko pag nalaman niya',
    'sinusundan niya ako sa ig',
    'tinatakot niya akong ikakalat yung pics ko',
    'tulong',
    'hindi ako sigurado',
    'patay na cellphone ko',
    'pagod na pagod na ako',
  ],
};
