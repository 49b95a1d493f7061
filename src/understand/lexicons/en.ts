// English words for typed answers: yes, no, not sure, who it is about, asking for a person, going back, ages, sextortion stories.

import type { Lexicon } from '../lexicon';

export const en: Lexicon = {
  locale: 'en',
  script: 'latin',
  intents: {
    yes: [
      'yes', 'yeah', 'yea', 'yah', 'yep', 'yup', '=ya', 'yas', 'ye', 'yess', 'yesh', 'yh', 'ys', 'yse', 'yed', '=y', 'ok', 'okay', 'okey', 'okie', '=k', '=kk',
      'sure', 'for sure', 'of course', 'ofc', 'correct', 'thats right', '=right', 'true', 'uh huh', 'mhm', 'mm hm', 'definitely', 'absolutely',
      'i think so', 'i guess so', 'i guess', 'kinda', 'sort of', 'affirmative', 'yes please', 'yeh', 'yuh', 'yes i was',
      'he did', 'she did', 'they did', 'yes it is', 'yes i do', 'yes i have',
    ],
    no: [
      '^no', 'nope', 'nah', 'naw', 'nop', 'noo', '=n', '=na', 'not really', 'never', 'no one', 'noone', 'nobody', 'no body', 'none', 'not at all',
      'of course not', 'negative', 'i dont think so', 'dont think so', 'i wasnt', 'wasnt', 'it isnt', 'it wasnt', 'isnt', 'not anymore',
      'no way', 'hell no', 'nothing like that', 'didnt', 'hasnt', 'havent', 'not yet', 'no they didnt', 'they didnt',
      'he didnt', 'she didnt', 'no i dont', 'i dont have it', 'no i wasnt',
    ],
    unsure: [
      'not sure', 'not really sure', 'im not sure', 'unsure', 'idk', 'i dk', 'idek', 'i dont know', 'dont know', 'dunno', 'i dunno', 'no idea', 'no clue',
      'maybe', 'mayb', 'perhaps', 'possibly', 'probably', 'prob', 'i cant remember', 'cant remember', 'dont remember', 'i dont remember',
      'not certain', 'idk maybe', 'hard to say', 'who knows', 'i forgot', 'i dont really know', 'not too sure', 'unclear', 'hmm not sure',
    ],
    self: [
      '=me', 'me and', 'abt me', 'its me', 'it is me', 'about me', 'its about me', 'myself', 'me myself', 'for me', 'of me', 'my own', 'mine', 'my pics', 'my pic',
      'my photos', 'my photo', 'my nudes', 'my video', 'my picture', 'my pictures', 'i am', 'im the one', 'this is me', 'its mine', 'me lol', 'just me',
      'me only', 'about myself', 'it me', 'me pls',
    ],
    helper: [
      'someone else', 'somebody else', 'some one else', 'for someone', 'for somebody', 'another person', 'other person', 'a friend', 'my friend',
      'my friends', 'my bestie', 'my bff', 'my bf', 'my gf', 'my boyfriend', 'my girlfriend', 'my daughter', 'my son', 'my child', 'my kid',
      'my sister', 'my brother', 'my little sister', 'my little brother', 'my big sister', 'my younger sister', 'my older sister', 'my sis', 'my bro', 'my cousin', 'my student', 'my niece', 'my nephew', 'my classmate', 'for a friend',
      'for my friend', 'helping someone', 'helping a friend', 'im helping', 'i am helping', 'im a parent', 'im a teacher', 'not me', 'not about me',
      'its not me', 'a girl in my class', 'a kid at my school', 'for her', 'for him', 'for them',
    ],
    human: [
      '=help', '=help me', '=human', '=a human', '=person', '=a person', 'real person', 'a real person', 'someone real', 'actual person', 'talk to someone',
      'speak to someone', 'talk to a human', 'talk to a person', 'speak to a person', '=agent', '=staff', 'a counselor', 'a counsellor', 'someone to talk to',
      'can i talk to', 'can i speak to', 'i want to talk to', 'i need to talk to', 'is there a person', 'are you a bot', 'are you real', 'not a bot',
      'live chat', '=operator', '=admin',
    ],
    back: [
      '=back', 'go back', 'goback', 'undo', 'previous question', 'last question', '=previous', '=oops', 'oops wrong', 'wrong button', 'wrong one',
      'i pressed wrong', 'i clicked wrong', 'i tapped wrong', 'misclicked', 'mis click', '=mistake', '=my mistake', 'change my answer',
      'change answer', 'wrong answer', 'back to the last question',
    ],
    new_link: ['new link', 'another link', 'link again', 'send the link', 'resend', 'link doesnt work', 'link not working', 'link expired', 'the link'],
    nude: ['nude', 'nudes', 'naked', 'topless', 'sexual', 'sexy', 'nsfw', 'sex', 'porn', 'explicit', 'in my underwear', 'underwear', 'bra', 'lingerie', 'boobs', 'tits', 'dick pic', 'no clothes', 'without clothes'],
    not_nude: ['not nude', 'wasnt nude', 'isnt nude', 'not naked', 'not sexual', 'fully clothed', 'with clothes', 'just my face', 'only my face', 'normal pic', 'normal photo', 'nothing sexual', 'not like that'],
    have_copy: ['i have it', 'i have them', 'i have a copy', 'have a copy', 'on my phone', 'in my phone', 'in my gallery', 'in my camera roll', 'saved it', 'i saved', 'i still have'],
    confused: ['i dont understand', 'dont understand', 'dont get it', 'i dont get it', 'what do you mean', 'what does that mean', 'huh'],
    no_copy: ['deleted it', 'i deleted', 'deleted them', 'i dont have it', 'dont have it', 'dont have them', 'not on my phone', 'lost it', 'its gone', 'only online', 'i dont have a copy'],
  },
  numbers: {
    nine: 9, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
    nineteen: 19, twenty: 20, 'twenty one': 21, 'twenty two': 22, eight: 8, seven: 7,
  },
  below: ['under', 'below', 'less than', 'younger than', 'almost', 'nearly', 'not even', 'lower than'],
  atLeast: ['over', 'above', 'older than', 'more than', 'at least'],
  orMore: ['or older', 'or more', 'or over', 'plus', 'and up', 'and over'],
  fillers: ['um', 'umm', 'uh', 'uhh', 'erm', 'hmm', 'hm', 'well', 'like', 'so', 'lol', 'lmao', 'haha', 'tbh', 'honestly', 'i mean', 'ok so', 'pls', 'please', 'plz', 'bro', 'ig', 'fr'],
  particles: [],
  disclosure: [
    'threat(?:en|ens|ened|ening|s)?',
    'blackmail\\w*|sextort\\w*|extort\\w*',
    '(?:gona|going to|wil|want(?:s|ed)? to|wana|threatens to|says (?:hes|shes|theyre) going to|says (?:he|she|they)(?:l| wil| is going to|s going to|s gona| gona)|said (?:he|she|they)(?:d| would| was going to| wil| is going to))(?: \\w+){0,2} (?:post|share|send|leak|expose|show|spread|upload|put|tel|release)',
    'if i (?:dont|do not|wont|refuse to|dont want to) (?:pay|send|give|transfer|do|venmo)',
    'unles (?:i|we) (?:pay|send|give|transfer)',
    '(?:want|wants|wanted|asking|asked|asks|demand|demands|demanding|demanded|make me|makes me|told me to|tels me to|wants me to)(?: \\w+){0,3} (?:money|cash|bucks|dolars|usd|\\d+|pay|gift ?cards?|bitcoin|crypto|venmo|cashap|paypal|more (?:pics|pictures|photos|nudes|vids|videos|images|content)|another (?:pic|picture|photo|nude|vid|video))',
    'send (?:him|her|them) (?:more|money|cash|usd)|pay (?:him|her|them)|more nudes|more pics',
  ],
  negators: ['no', 'no one', 'noone', 'nobody', 'no body', 'not', 'never', 'didnt', 'hasnt', 'havent', 'doesnt', 'dont', 'wasnt', 'isnt', 'nothing'],
  languages: { english: 'en', eng: 'en', thai: 'th', spanish: 'es', espanol: 'es' },
};
