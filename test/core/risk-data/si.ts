// Sinhala in its script and romanised ("mata marenna one"), with "හිනාවෙලා මැරුණා" (died laughing) staying quiet.
import { danger, selfHarm, type RiskExamples } from './types';

export const examples: RiskExamples = {
  must: [
    ...selfHarm(
      'මට මැරෙන්න ඕනේ',
      'මැරෙන්න හිතෙනවා',
      'සියදිවි නසා ගන්නවා',
      'මම මාව මරාගන්නවා',
      'ජීවත් වෙන්න ඕනේ නෑ',
      'මම තමන්ටම හානි කරගන්නවා',
      'mata marenna one',
      'marenna hithenawa',
      'siyadivi nasagannawa',
      'mama mawa maraganna yanne',
      'jiwath wenna one na',
      'ලැජ්ජාවයි මැරෙන්න හිතෙනවා',
    ),
    ...danger(
      'එයා මගේ ගෙදර ඉස්සරහ ඉන්නවා',
      'කවුරුහරි මට ගහනවා',
      'එයා මාව මරනවා කිව්වා',
      'එයා මගේ පස්සෙන් එනවා',
      'මම අනතුරක ඉන්නේ',
      'පොලිසියට කතා කරන්න',
      'eya mage gedara issaraha innawa',
    ),
  ],
  mustNot: [
    'හිනාවෙලා මැරුණා',
    'බඩගින්නේ මැරෙනවා',
    'අම්මා දැනගත්තොත් මාව මරයි',
    'amma dannagaththoth mawa marai',
    'hinawela maruna',
    'එයා මගේ ෆොටෝ දානවා කියලා බය කරනවා',
    'උදව්',
    'මට විශ්වාස නෑ',
  ],
};
