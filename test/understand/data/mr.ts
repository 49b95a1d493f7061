// Marathi answers as teens type them: Devanagari with polite particles (हो, ना), Devanagari digits, and Marathi in Latin letters.

import type { AnswerTable } from './types';

const YES = ['हो', 'होय', 'हो ना', 'हो 😔', 'बरोबर', 'ho', 'hoy', 'हो गं', 'हो हो'];
const NO = ['नाही', 'नाही हो', 'नाय', 'नको', 'अजिबात नाही', 'nahi', 'नाही 🙅'];
const UNSURE = ['माहित नाही', 'मला माहीत नाही', 'खात्री नाही', 'कदाचित', 'आठवत नाही', 'mahit nahi'];
const MIXED = ['हो नाही', 'हो माहित नाही', 'ho nahi'];
const NOISE = ['नमस्कार', 'काय?', 'हे काय आहे', 'hello', 'खूप लाज वाटतेय'];
const HUMAN = ['खऱ्या माणसाशी बोलायचं आहे', 'तू बॉट आहेस का?', 'कोणाशी तरी बोलायचंय'];
const BACK = ['मागे', 'चुकून दाबलं', 'मागचा प्रश्न'];

export const mr: AnswerTable = {
  role: {
    understood: {
      'role:self': ['मी', 'मी स्वतः', 'माझ्याबद्दल', 'माझे फोटो आहेत', 'स्वतःच', 'माझ्यासाठी', 'mi swataha'],
      'role:helper': ['माझी मैत्रीण', 'मित्रासाठी', 'माझी मुलगी', 'माझा भाऊ', 'दुसऱ्या कोणासाठी', 'माझी बहीण', 'माझा विद्यार्थी', 'maitrinisathi'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['हो', 'नाही', 'माहित नाही', 'मी आणि माझी मैत्रीण', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'हो तेव्हा 15 होते', '15', '१४', '18 पेक्षा कमी'],
      'minor:no': [...NO, 'नाही, 19 होते', '18 किंवा जास्त', '18 पेक्षा जास्त'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'मी 12 वर्षांची आहे', 'बारा', '13 पेक्षा कमी'],
      'age:13_15': ['14', '१४', 'चौदा', 'मी 15 वर्षांचा आहे', 'पंधरा'],
      'age:16_17': ['16', 'सोळा', '१७ वर्षं', 'सतरा'],
      'age:18plus': ['18', '19 वर्षं', 'अठरा', '18 वा जास्त'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'हो', 'माहित नाही', '14 किंवा 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'हो नग्न', 'कपड्यांशिवाय', 'न्यूड फोटो', 'अश्लील फोटो'],
      'content:no': [...NO, 'नाही, साधा फोटो', 'फक्त चेहरा', 'नग्न नाही'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'माहित नाही', 'हो पण नग्न नाही', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'तो धमकी देतोय', 'तो पैसे मागतोय', 'व्हायरल करेन म्हणतो', 'आणखी फोटो मागतोय', 'ब्लॅकमेल करतोय'],
      'threat:no': [...NO, 'कोणी धमकी दिली नाही', 'कोणीच नाही', 'कोणी नाही'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'माझ्याकडे आहे', 'फोनमध्ये आहे', 'आहे'],
      'copy:no': [...NO, 'डिलीट केलं', 'माझ्याकडे नाही', 'काढून टाकलं'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'माहित नाही', 'हो पण डिलीट केलं', ...NOISE],
  },
};
