// Tamil answers as teens type them: spoken forms in Tamil script (ஆமா, இல்ல, தெரியல), Tamil and mixed English words, and Tanglish.

import type { AnswerTable } from './types';

const YES = ['ஆமா', 'ஆமாம்', 'ஆம்', 'ஆமாங்க', 'ஆமா 😔', 'aama', 'கண்டிப்பா', 'ஓம்'];
const NO = ['இல்ல', 'இல்லை', 'இல்லங்க', 'illa', 'இல்ல 🙅', 'இல்லவே இல்லை'];
const UNSURE = ['தெரியல', 'தெரியாது', 'எனக்கு தெரியல', 'ஞாபகம் இல்ல', 'இருக்கலாம்', 'theriyala'];
const MIXED = ['ஆமா இல்ல', 'ஆமா தெரியல', 'aama illa'];
const NOISE = ['வணக்கம்', 'என்ன?', 'இது என்ன', 'hi', 'ரொம்ப வெட்கமா இருக்கு'];
const HUMAN = ['உண்மையான ஆளிடம் பேசணும்', 'நீ bot ஆ?', 'யாருகிட்டயாவது பேசணும்'];
const BACK = ['பின்னால்', 'தப்பா அழுத்திட்டேன்', 'முந்தைய கேள்வி'];

export const ta: AnswerTable = {
  role: {
    understood: {
      'role:self': ['நான்', 'நானே', 'நான் தான்', 'என்னைப் பற்றியது', 'என் போட்டோ', 'என்னோடது', 'naan than'],
      'role:helper': ['என் நண்பன்', 'என் தோழிக்காக', 'என் மகள்', 'என் தம்பி', 'வேற ஒருத்தருக்கு', 'என் தங்கச்சி', 'என் மாணவி', 'friendக்கு'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['ஆமா', 'இல்ல', 'தெரியல', 'நானும் என் தோழியும்', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'ஆமா அப்போ 15', '15', '௧௪', '18-க்குக் கீழ்', '18க்கு கீழ்'],
      'minor:no': [...NO, 'இல்ல, 19 வயசு', '18 அல்லது மேல்', '18க்கு மேல்'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, '19', ...NOISE],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'எனக்கு 12 வயசு', 'பன்னிரண்டு', '13-க்குக் கீழ்'],
      'age:13_15': ['14', 'பதினான்கு', 'எனக்கு 15 வயசு', 'பதினைந்து', '13'],
      'age:16_17': ['16', 'பதினாறு', '17 வயசு', 'பதினேழு'],
      'age:18plus': ['18', '19 வயசு', 'பதினெட்டு', '18க்கு மேல்'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: ['200', 'ஆமா', 'தெரியல', '14 அல்லது 17', ...NOISE],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'ஆமா நிர்வாணமா', 'டிரஸ் இல்லாம', 'நியூட் போட்டோ', 'ஆபாசமான போட்டோ'],
      'content:no': [...NO, 'இல்ல சாதாரண போட்டோ', 'முகம் மட்டும்', 'நிர்வாணம் இல்ல'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'தெரியல', 'ஆமா ஆனா நிர்வாணம் இல்ல', ...NOISE],
  },
  threat: {
    understood: {
      'threat:yes': [...YES, 'அவன் மிரட்டுறான்', 'பணம் கேக்குறான்', 'வைரல் பண்ணிடுவேன்னு சொல்றான்', 'இன்னும் போட்டோ கேக்குறான்', 'பிளாக்மெயில் பண்றான்'],
      'threat:no': [...NO, 'யாரும் மிரட்டல', 'யாரும் இல்ல', 'மிரட்டவில்லை'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 3), ...NOISE],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'இருக்கு', 'போன்ல இருக்கு', 'என்கிட்ட இருக்கு'],
      'copy:no': [...NO, 'டிலீட் பண்ணிட்டேன்', 'என்கிட்ட இல்ல', 'அழிச்சிட்டேன்'],
      human: HUMAN.slice(0, 1),
      back: BACK.slice(0, 1),
    },
    notAChoice: [...MIXED, 'தெரியல', 'இருக்கு ஆனா டிலீட் பண்ணிட்டேன்', ...NOISE],
  },
};
