// Malayalam answers as teens type them: Malayalam script with old or new chillu letters, Malayalam digits, and Manglish.

import type { AnswerTable } from './types';

const YES = ['അതെ', 'അതേ', 'ആ', 'ഉം', 'ശരിയാ', 'അതെ 😔', 'athe', 'ഉറപ്പായും'];
const NO = ['ഇല്ല', 'അല്ല', 'ഇല്ലാ', 'illa', 'ഇല്ല 🙅', 'ഇല്ലേ ഇല്ല'];
const UNSURE = ['അറിയില്ല', 'എനിക്ക് അറിയില്ല', 'ഉറപ്പില്ല', 'ഓർമ്മയില്ല', 'ചിലപ്പോൾ', 'ariyilla'];
const MIXED = ['അതെ ഇല്ല', 'അതെ അറിയില്ല', 'athe illa'];
const NOISE = ['ഹലോ', 'എന്ത്?', 'ഇത് എന്താ', 'hi', 'ഭയങ്കര നാണക്കേട്'];
const HUMAN = ['ഒരാളോട് സംസാരിക്കണം', 'നീ ബോട്ട് ആണോ?', 'മനുഷ്യനോട് സംസാരിക്കണം'];
const BACK = ['പിന്നോട്ട്', 'തെറ്റിപ്പോയി', 'മുമ്പത്തെ ചോദ്യം'];

export const ml: AnswerTable = {
  role: {
    understood: {
      'role:self': ['ഞാൻ', 'ഞാന്\u200d', 'ഞാൻ തന്നെ', 'എന്നെക്കുറിച്ചാണ്', 'എന്റെ ഫോട്ടോ', 'എന്റേത്', 'njan'],
      'role:helper': ['എന്റെ കൂട്ടുകാരി', 'കൂട്ടുകാരന് വേണ്ടി', 'എന്റെ മകൾ', 'എന്റെ അനിയൻ', 'മറ്റൊരാൾക്ക്', 'എന്റെ ഫ്രണ്ട്', 'എന്റെ വിദ്യാർത്ഥി', 'ente friend'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['അതെ', 'ഇല്ല', 'അറിയില്ല', 'ഞാനും എന്റെ കൂട്ടുകാരിയും', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'അതെ അന്ന് 15', '15', '൧൪', '18-ൽ താഴെ', '18ല്\u200d താഴെ'],
      'minor:no': [...NO, 'ഇല്ല, 19 ആയിരുന്നു', '18 വയസ്സോ കൂടുതലോ', '18ൽ കൂടുതൽ'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'എനിക്ക് 12 വയസ്സ്', 'പന്ത്രണ്ട്', '13-ൽ താഴെ'],
      'age:13_15': ['14', 'പതിനാല്', 'എനിക്ക് 15 വയസ്സ്', 'പതിനഞ്ച്', '13'],
      'age:16_17': ['16', 'പതിനാറ്', '17 വയസ്സ്', 'പതിനേഴ്'],
      'age:18plus': ['18', '19 വയസ്സ്', 'പതിനെട്ട്', '18ൽ കൂടുതൽ'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'അതെ', 'അറിയില്ല', '14 അല്ലെങ്കിൽ 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'അതെ നഗ്നമായി', 'ഡ്രസ്സ് ഇല്ലാതെ', 'ന്യൂഡ് ഫോട്ടോ', 'അശ്ലീല ഫോട്ടോ'],
      'content:no': [...NO, 'ഇല്ല സാധാരണ ഫോട്ടോ', 'മുഖം മാത്രം', 'നഗ്നമല്ല'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'അറിയില്ല', 'അതെ പക്ഷേ നഗ്നമല്ല', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'അവൻ ഭീഷണിപ്പെടുത്തുന്നു', 'പൈസ ചോദിക്കുന്നു', 'വൈറൽ ആക്കുമെന്ന് പറഞ്ഞു', 'ഇനിയും ഫോട്ടോ ചോദിക്കുന്നു', 'ബ്ലാക്ക്മെയിൽ ചെയ്യുന്നു'],
      'threat:no': [...NO, 'ആരും ഭീഷണിപ്പെടുത്തിയില്ല', 'ആരുമില്ല', 'ആരും ഇല്ല'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'ഉണ്ട്', 'ഫോണിൽ ഉണ്ട്', 'എന്റെ കയ്യിൽ ഉണ്ട്'],
      'copy:no': [...NO, 'ഡിലീറ്റ് ചെയ്തു', 'എന്റെ കയ്യിൽ ഇല്ല', 'കളഞ്ഞു'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'അറിയില്ല', 'ഉണ്ട് പക്ഷേ ഡിലീറ്റ് ചെയ്തു', ...NOISE],
  },
};
