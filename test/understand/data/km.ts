// Khmer answers as teens type them: no spaces, បាទ/ចាស as a polite ending, the repetition mark ៗ, Khmer digits.

import type { AnswerTable } from './types';

const YES = ['បាទ', 'ចាស', 'ចា៎ស', 'បាទៗ', 'ចាស😔', 'មែនហើយ', 'ត្រូវហើយ', 'bat', 'ចា'];
const NO = ['ទេ', 'អត់ទេ', 'អត់ទេបាទ', 'មិនមែនទេ', 'ទេចាស', 'ot te', 'អត់'];
const UNSURE = ['មិនដឹង', 'អត់ដឹងទេ', 'មិនច្បាស់', 'ប្រហែល', 'ចាំមិនបាន', 'មិនដឹងបាទ'];
const MIXED = ['បាទ ទេ', 'ចាស មិនដឹង', 'មែនហើយ អត់ទេ'];
const NOISE = ['សួស្តី', 'អ្វី?', 'នេះជាអ្វី', 'hi', 'ខ្មាស់ណាស់'];
const HUMAN = ['ចង់និយាយជាមួយមនុស្សពិត', 'អ្នកជារ៉ូបូតទេ', 'និយាយជាមួយបុគ្គលិក'];
const BACK = ['ត្រឡប់ក្រោយ', 'ចុចខុស', 'សំណួរមុន'];

export const km: AnswerTable = {
  role: {
    understood: {
      'role:self': ['ខ្ញុំ', 'ខ្ញុំផ្ទាល់', 'រឿងខ្ញុំ', 'រូបខ្ញុំ', 'ខ្លួនឯង', 'សម្រាប់ខ្ញុំបាទ', 'អំពីខ្ញុំ'],
      'role:helper': ['មិត្តខ្ញុំ', 'សម្រាប់មិត្ត', 'កូនស្រីខ្ញុំ', 'ប្អូនប្រុសខ្ញុំ', 'អ្នកផ្សេង', 'ជួយមិត្តភក្តិ', 'សិស្សខ្ញុំ', 'មិនមែនខ្ញុំទេ'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['បាទ', 'ទេ', 'មិនដឹង', 'ខ្ញុំនិងមិត្ត', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'បាទ ពេលនោះ15', '15', '១៤', 'ក្រោម 18', 'ក្រោម១៨'],
      'minor:no': [...NO, 'ទេ ពេលនោះ19', '18 ឬលើស', 'លើស18'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'ខ្ញុំអាយុ12ឆ្នាំ', 'ដប់ពីរ', 'ក្រោម13'],
      'age:13_15': ['14', '១៤', 'ដប់បួន', 'អាយុ15ឆ្នាំ', 'ដប់ប្រាំ'],
      'age:16_17': ['16', '១៦', 'ដប់ប្រាំមួយ', '17ឆ្នាំ'],
      'age:18plus': ['18', '19ឆ្នាំ', 'ដប់ប្រាំបី', '18ឬលើស'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'បាទ', 'មិនដឹង', '14 ឬ 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'អាក្រាត', 'បាទ រូបអាក្រាត', 'អត់ស្លៀកពាក់', 'រូបសិចស៊ី'],
      'content:no': [...NO, 'រូបធម្មតា', 'តែមុខ', 'មិនអាក្រាតទេ'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'មិនដឹង', 'បាទ ប៉ុន្តែមិនអាក្រាតទេ', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'មាន', 'គេគំរាមខ្ញុំ', 'គេទារលុយ', 'គេថាបើមិនឲ្យលុយនឹងបង្ហោះរូប', 'គេសុំរូបថែម', 'មានអ្នកគំរាម'],
      'threat:no': [...NO, 'គ្មាននរណាគំរាមទេ', 'គ្មាន', 'អត់មានទេ'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'មាន', 'ខ្ញុំមាន', 'នៅក្នុងទូរស័ព្ទ'],
      'copy:no': [...NO, 'លុបហើយ', 'គ្មាន', 'លុបចោលហើយ'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'មិនដឹង', 'មានប៉ុន្តែលុបហើយ', ...NOISE],
  },
};
