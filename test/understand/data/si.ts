// Sinhala answers as teens type them: spoken Sinhala (ඔව්, නෑ, දන්නේ නෑ), words joined to numbers (18ට), and Singlish.

import type { AnswerTable } from './types';

const YES = ['ඔව්', 'ඔව් ඔව්', 'හා', 'හරි', 'ඔව් 😔', 'ow', 'owu', 'ඇත්ත'];
const NO = ['නෑ', 'නැහැ', 'නෑ නෑ', 'naha', 'නෑ 🙅', 'එපා'];
const UNSURE = ['දන්නේ නෑ', 'මම දන්නේ නෑ', 'විශ්වාස නෑ', 'මතක නෑ', 'සමහරවිට', 'danne na'];
const MIXED = ['ඔව් නෑ', 'ඔව් දන්නේ නෑ', 'ow naha'];
const NOISE = ['හලෝ', 'මොකක්ද?', 'මේ මොකක්ද', 'hi', 'හරිම ලැජ්ජයි'];
const HUMAN = ['කෙනෙක් එක්ක කතා කරන්න ඕනේ', 'ඔයා බොට් කෙනෙක්ද?', 'මනුස්සයෙක් එක්ක කතා කරන්න'];
const BACK = ['ආපසු', 'වැරදිලා ඔබුණා', 'කලින් ප්‍රශ්නය'];

export const si: AnswerTable = {
  role: {
    understood: {
      'role:self': ['මම', 'මම ගැන', 'මම තමයි', 'මගේ ගැන', 'මගේ ෆොටෝ', 'මමයි', 'mama thamai'],
      'role:helper': ['මගේ යාළුවා', 'යාළුවෙක් වෙනුවෙන්', 'මගේ දුව', 'මගේ මල්ලි', 'වෙන කෙනෙක් ගැන', 'මගේ නංගි', 'මගේ ශිෂ්‍යයෙක්', 'mage yaluwa'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['ඔව්', 'නෑ', 'දන්නේ නෑ', 'මම සහ මගේ යාළුවා', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'ඔව් එතකොට 15', '15', '18ට අඩුයි', '18ට අඩු'],
      'minor:no': [...NO, 'නෑ, 19යි', '18 හෝ ඊට වැඩි', '18ට වැඩියි'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'මට අවුරුදු 12', 'දොළහ', '13ට අඩුයි'],
      'age:13_15': ['14', 'දාහතර', 'මට අවුරුදු 15', 'පහළොව', '13'],
      'age:16_17': ['16', 'දහසය', 'අවුරුදු 17', 'දාහත'],
      'age:18plus': ['18', 'අවුරුදු 19', 'දහඅට', '18+'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'ඔව්', 'දන්නේ නෑ', '14 හෝ 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'ඔව් නිරුවත්', 'ඇඳුම් නැතුව', 'නූඩ් ෆොටෝ', 'අසභ්‍ය ෆොටෝ'],
      'content:no': [...NO, 'නෑ සාමාන්‍ය ෆොටෝ', 'මූණ විතරයි', 'නිරුවත් නෑ'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'දන්නේ නෑ', 'ඔව් ඒත් නිරුවත් නෑ', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'එයා තර්ජනය කරනවා', 'සල්ලි ඉල්ලනවා', 'වයිරල් කරනවලු', 'තව ෆොටෝ ඉල්ලනවා', 'බ්ලැක්මේල් කරනවා'],
      'threat:no': [...NO, 'කවුරුවත් තර්ජනය කළේ නෑ', 'කවුරුවත් නෑ', 'කළේ නෑ'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'තියෙනවා', 'ෆෝන් එකේ තියෙනවා', 'මගේ ළඟ තියෙනවා'],
      'copy:no': [...NO, 'ඩිලීට් කළා', 'මගේ ළඟ නෑ', 'මකලා දැම්මා'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'දන්නේ නෑ', 'තියෙනවා ඒත් ඩිලීට් කළා', ...NOISE],
  },
};
