// Tagalog/Filipino words for typed answers, as teens type them, Taglish included (oo po, uu, hindi, ewan, di ko alam, jowa).

import type { Lexicon } from '../lexicon';

export const tl: Lexicon = {
  locale: 'tl',
  script: 'latin',
  intents: {
    yes: [
      '=oo', '=uu', '=ou', 'oo po', 'opo', 'oo naman', 'oo nga', 'oo talaga', 'oo ako', 'oo at', 'oo pala', 'oo pero', '=oum', 'yes po', 'tama po', '=tama', 'tama yan', 'tama ka', 'tumpak', 'syempre',
      'siyempre', 'sige', 'sige po', '=meron', 'meron po', '=mayroon', 'mayroon po', 'oo meron', 'oo ganun', 'oo eh',
    ],
    no: [
      'hindi', 'hinde', 'hnd', 'hndi', '=di', 'hindi po', 'hindi naman', 'di naman', 'hindi talaga', 'hindi nga', 'hnd po', 'ayoko', '=wala', 'wala po', 'wla po',
      'wala naman', 'wala talaga', 'wala na', 'wala na po', 'walang nagbanta', 'walang tao', 'walang ganun', 'wala namang', 'hindi kailanman', 'wala kahit isa',
      'walang ganon',
    ],
    unsure: [
      'hindi ko alam', 'di ko alam', 'ewan', 'ewan ko', 'ewn', 'hindi ako sigurado', 'di ako sigurado', 'di sure', 'hindi sure', 'siguro', '=baka', 'baka oo', 'baka hindi',
      '=ata', '=yata', 'hindi ko maalala', 'di ko maalala', 'nakalimutan ko', 'malay ko', 'aywan', 'hindi ko sure', 'di ko sure',
    ],
    self: [
      '=ako', 'ako po', 'ako mismo', 'sarili ko', 'tungkol sakin', 'ako yun', 'ako yung', 'ako talaga', 'ako lang', 'ako nga', 'pics ko', 'litrato ko', 'picture ko',
      'mga pic ko', 'mga litrato ko', 'video ko', 'para sa akin', 'para sakin', 'sakin', '=sa akin', '=akin', 'ako to', 'ako ito', 'nangyari sakin', 'nangyari sa akin',
    ],
    helper: [
      'ibang tao', 'kaibigan ko', 'kaibigan', 'bestfriend ko', 'best friend ko', 'bff ko', 'bespren ko', 'tropa ko', 'anak ko', 'kapatid ko', 'ate ko', 'kuya ko',
      'bunso ko', 'pinsan ko', 'estudyante ko', 'student ko', 'jowa ko', 'gf ko', 'bf ko', 'pamangkin ko', 'kaklase ko', 'classmate ko', 'hindi para sakin',
      'hindi tungkol sa akin', 'hindi tungkol sakin', 'hindi ako yun', 'hindi ako yung', 'di ako yun', 'tinutulungan ko', 'tumutulong ako', 'magulang ako', 'nanay ako',
      'tatay ako', 'guro ako', 'teacher ako', 'para sa kaibigan', 'para sa kaibigan ko',
    ],
    human: [
      'totoong tao po', '=tao po', 'tao ba', 'gusto kong makausap', 'pwede makausap', 'pwedeng makausap', 'gusto ko makausap', 'may tao ba', 'bot ka ba', 'bot ka',
      'robot ka ba', 'totoo ka ba', 'tao ka ba', 'makausap ng tao', 'kausap ng tao',
    ],
    back: [
      '=balik', 'bumalik', 'balik sa dati', 'nakaraang tanong', 'dating tanong', '=mali', 'mali pindot', 'mali ang pindot', 'mali napindot', 'mali yung napindot',
      'napindot ko', 'nagkamali ako', '=nagkamali', 'palitan sagot', 'palitan ang sagot', 'baguhin sagot', 'baguhin ang sagot',
    ],
    new_link: ['ibang link', 'panibagong link', 'ayaw gumana ng link', 'di gumagana link', 'hindi gumagana ang link', 'ayaw mag open ng link', 'expired na link', 'paki send ulit link', 'link ulit'],
    nude: [
      'hubad', 'hubo', 'nakahubad', 'walang damit', 'walang saplot', 'naka bra', 'naka panty', 'panty', 'bastos', 'malaswa', 'dede', 'iskandalo', 'scandal', 'naka brief',
      'walang suot',
    ],
    not_nude: ['hindi hubad', 'di hubad', 'hindi nakahubad', 'may damit', 'nakadamit', 'mukha lang', 'yung mukha lang', 'normal na picture', 'normal na litrato', 'hindi bastos', 'di bastos', 'hindi malaswa'],
    have_copy: ['nasa akin', 'nasa akin pa', 'nasa sakin', 'meron ako', 'mayroon ako', 'may kopya ako', 'may copy ako', 'nasa phone ko', 'nasa cellphone ko', 'nasa gallery ko', 'naka save', 'na save ko', 'meron pa'],
    no_copy: [
      'wala sa akin', 'wala sakin', 'wala akong kopya', 'walang kopya', 'binura ko', 'binura ko na', 'nabura', 'dinelete ko', 'na delete ko', 'nadelete',
      'wala sa phone ko', 'online lang', 'wala na sakin',
    ],
    confused: [
      'oo hindi', 'hindi ko gets', 'di ko gets', 'hindi ko maintindihan', 'di ko maintindihan', 'di ko naintindihan', 'hindi ko naiintindihan', 'ano daw', 'anong ibig mong sabihin',
      'ano ibig sabihin', 'ano ibig mo sabihin', '=ano', '=ano po', '=ha',
    ],
  },
  numbers: {
    'labing isa': 11, labindalawa: 12, 'labing dalawa': 12, labintatlo: 13, 'labing tatlo': 13, 'labing apat': 14, labinapat: 14, 'labing lima': 15, labinlima: 15,
    'labing anim': 16, labinganim: 16, labimpito: 17, 'labing pito': 17, labingwalo: 18, 'labing walo': 18, labinsiyam: 19, 'labing siyam': 19, dalawampu: 20,
    dose: 12, trese: 13, katorse: 14, kinse: 15, disisais: 16, disisyete: 17, disiotso: 18, disinuwebe: 19, bente: 20,
  },
  below: ['wala pang', 'wala pa', 'wla pang', 'mas bata sa', 'kulang sa', 'halos', 'di pa', 'hindi pa'],
  atLeast: ['lagpas', 'lampas', 'higit sa', 'mahigit', 'mahigit sa', 'mas matanda sa'],
  orMore: ['pataas', 'pataas na', 'o higit pa', 'o mahigit'],
  fillers: ['po', 'naman', 'hehe', 'hahaha', 'charot', 'char', 'beh', 'bes', 'bhe', 'pre', 'lodi', 'ehh'],
  particles: [],
  disclosure: [
    'banta\\w*|nagbanta\\w*|binanta\\w*|binabanta\\w*|pinagbabantaan|pinagbantaan|tinatakot|tinakot|kinikikilan|kinikilan|kikilan|blackmail\\w*|blinackmail\\w*|binablackmail\\w*',
    'ikakalat|ipapakalat|ipagkakalat|ipopost|ipapost|iuupload|ilalabas|ipapakita|ishashare|isheshare|isesend',
    'kung (?:hindi|di) (?:ako )?(?:magbabayad|magbayad|magpapadala|magsesend|magsend|mag send|bibigay|magbigay|magpadala)',
    '(?:humihingi|hiningi|humingi|nanghihingi|nagdedemand|demand|gusto niya|gusto nya)(?: \\w+){0,3} (?:pera|money|bayad|\\d+|usd|piso|php|load|gcash|more pics|pics pa|picture pa|litrato pa|video pa|nudes pa)',
  ],
  negators: ['hindi', 'di', 'wala', 'walang', 'wla', 'never'],
  contrast: ['pero', 'kaso'],
  languages: { tagalog: 'tl', filipino: 'tl', pilipino: 'tl', ingles: 'en', english: 'en', espanyol: 'es', thai: 'th' },
};
