// English answers as teens type them: typos, slang, stretched letters, emoji, lower case, no punctuation.

import type { AnswerTable } from './types';

const YES = ['yes', 'Yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'yesss', 'yeahhh', 'YES!!', 'y', 'ye', 'yh', 'ok yes', 'yes 😭', 'yes...', 'um yes', 'yeah 😔', '👍', 'sure', 'mhm', 'yes it is', 'yesh', 'yeah ig'];
const NO = ['no', 'No', 'nope', 'nah', 'noooo', 'n', 'no 🙅', 'NO', 'no.', 'not really', 'nah not really', 'nope lol', 'no..', '👎', 'nah fr'];
const UNSURE = ['idk', 'i dont know', "I don't know", 'dunno', 'not sure', 'im not sure', 'maybe', 'no idea', 'idk 😭', 'i dont remember', 'probably', 'hmm not sure'];
const MIXED = ['yes and no', 'idk maybe yes', 'yes no', 'no wait yes', 'maybe yes maybe no', 'yeah idk'];
const NOISE = ['hello?', 'what', 'what do you mean', 'who are you', 'lol', '???', 'hi', 'this is so embarrassing', 'my mom will see this', 'pls hurry', 'k thx bye now'];
const HUMAN = ['can i talk to a real person', 'i want to talk to someone', 'are you a bot', 'real person pls', 'can i speak to a person'];
const BACK = ['back', 'go back', 'undo', 'oops wrong button', 'i pressed wrong', 'wait go back'];

export const en: AnswerTable = {
  role: {
    understood: {
      'role:self': ['me', 'its me', "it's about me", 'about me', 'myself', 'me lol', 'its me 😭', 'mine', 'its my pics', 'my nudes', 'its about me', 'me myself', 'for me', 'it is me', 'just me'],
      'role:helper': ['my friend', 'for my friend', 'its my friend', 'someone else', 'for my daughter', 'my daughter', 'a friend', 'my sister', 'helping a friend', 'not me, my friend', 'for someone else', 'my son', 'my bestie', 'its for my bff', 'my student'],
      human: HUMAN,
      back: BACK,
    },
    notAChoice: ['yes', 'no', 'idk', 'me and my friend', 'both', 'my friend posted my pics', ...NOISE],
  },
  minor_at_capture: {
    understood: {
      'minor:yes': [...YES, 'i was 15', 'i was 14 then', 'under 18', 'yes i was 16', '15', 'i was like 13', 'yea i was 17'],
      'minor:no': [...NO, 'no i was 19', 'over 18', '18 or older', 'no, 18 or older'],
      'minor:unsure': UNSURE,
      human: HUMAN.slice(0, 3),
      back: BACK.slice(0, 3),
    },
    notAChoice: [...MIXED, '19', 'i think i was 18', ...NOISE.slice(0, 8)],
  },
  age_now: {
    understood: {
      'age:under13': ['12', 'im 12', 'i am 11', 'under 13', 'twelve', '10', 'im 9', 'less than 13', '12 yrs old'],
      'age:13_15': ['14', 'im 14', 'i am 14', "I'm 14", 'fourteen', '15', '13', 'im 15 years old', '14yo', '13 to 15', 'im fifteen', '14!!', 'i just turned 13', '15 😭'],
      'age:16_17': ['16', 'im 16', 'seventeen', '17', 'i am 17', '16 or 17', 'sixteen', 'im 17 lol', '16yo', 'im 16 years old'],
      'age:18plus': ['18', 'im 18', '19', '21', 'im 20', '18 or older', 'eighteen', 'over 18', '18+'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: ['200', 'im 3', 'yes', 'idk', '14 or 17', 'old enough', 'teen', 'why', ...NOISE.slice(0, 6)],
  },
  content: {
    understood: {
      'content:yes': [...YES, 'nude', 'yes nudes', 'kinda nude', 'topless', 'its naked', 'in my underwear', 'yes its sexual', 'nudes'],
      'content:no': [...NO, 'not nude', 'no its just my face', 'no its a normal pic', 'no, fully clothed'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 5), 'yes but not nude', ...NOISE.slice(0, 6)],
  },
  threat: {
    understood: {
      'threat:yes': [
        ...YES,
        'he says he will post my nudes if i dont pay',
        'someone is blackmailing me',
        'they want money',
        'he threatened to send them to my friends',
        'hes asking for more pics',
        "he said he'll leak them unless i pay $200",
        'this guy wants me to send more nudes or he will share them',
        'yes he wants $500',
        'they said theyll send it to my whole class if i dont pay',
        'no one yet but he asked for money',
      ],
      'threat:no': [...NO, 'no one threatened me', 'nobody', 'no one', 'nobody asked for anything', 'no threats'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 5), ...NOISE.slice(0, 6)],
  },
  has_copy: {
    understood: {
      'copy:yes': [...YES, 'i have it', 'yes its on my phone', 'in my gallery', 'yeah i still have it', 'i have them'],
      'copy:no': [...NO, 'i deleted it', 'no i deleted them', 'i dont have it', 'dont have it anymore', 'no its only online'],
      human: HUMAN.slice(0, 2),
      back: BACK.slice(0, 2),
    },
    notAChoice: [...MIXED, ...UNSURE.slice(0, 5), 'yes but i deleted it', ...NOISE.slice(0, 6)],
  },
};
