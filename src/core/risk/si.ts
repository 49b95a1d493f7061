// Sinhala risk phrases in its script and romanised ("mata marenna one"), with "හිනාවෙලා මැරුණා" and "අම්මා මාව මරයි" left alone.

import { book, GATES } from './book';

const SI_IDIOM = 'අම්මා|තාත්තා|දැනගත්තොත්';

export const si = book(
  'indic',
  {
    self_harm: [
      'මැරෙන්න (?:ඕනේ|ඕන|හිතෙනවා|හිතෙනව|ආසයි|යනවා)',
      'සියදිවි|සිය දිවි',
      '(?:මාව|මං|මම) (?:මරාගන්න|මරා ගන්න)',
      'ජීවත් වෙන්න (?:ඕනේ නෑ|ඕන නෑ|ඕනෙ නැ|බෑ|කැමති නෑ|එපා)',
      'තමන්ටම හානි|අත කපාගන්න|අත කපා ගන්න',
    ],
    immediate_danger: [
      'ගෙදර (?:ඉස්සරහ|ඉදිරිපිට|එළියේ|ළඟ) (?:ඉන්නවා|ඉන්නේ|හිටගෙන)',
      'මට (?:ගහනවා|ගහනව|ගැහුවා)',
      { re: 'මාව (?:මරනවා|මරන්න)', unless: SI_IDIOM },
      'පස්සෙන් (?:එනවා|එන්නේ|ආවා)',
      'අනතුරක (?:ඉන්නේ|ඉන්නවා|ඉන්නෙ)',
      '(?:පොලිසියට|පොලීසියට) (?:කතා කරන්න|කියන්න|කෝල් කරන්න)',
    ],
  },
  GATES.sinhala,
);

export const siLatin = book('latin', {
  self_harm: [
    'marena (?:one|ona|oney|hithenawa|hithenwa|hitenawa|asai)',
    'siyadivi|siya divi',
    '(?:mawa|mama) (?:maragana|mara ganawa)',
    '(?:jiwath|jewath|jivath|jiwat) (?:wena|vena) (?:one na|ona na|one naha|ba|epa|kamathi na)',
  ],
  immediate_danger: [
    'gedara (?:isaraha|idiripita|eliye|langa) (?:inawa|ine|hitagena)',
    'mata gahanawa',
    { re: 'mawa maranawa', unless: 'ama|thatha|danagathoth' },
  ],
});
