// Spots messages that suggest self-harm or immediate danger, in any supported language, so crisis contacts go out at once.

// Why it leans the way it does: a teen in danger who gets no crisis message is far worse off
// than one who gets an extra one, so genuine risk phrasing is matched generously (typos,
// slang, "lol" after it, hyperbolic reasons like "so embarrassed I want to die"; shame is
// what drives sextortion suicides). Precision is spent only where a phrase is an everyday
// idiom with no wish or threat in it ("this is killing me", "dying of embarrassment",
// "เหนื่อยจะตาย", "me muero de vergüenza", "my mom's gonna kill me if she finds out"), and on
// the words the bot itself tells people to type: the engine checks risk before commands, so
// "help" / "ช่วยด้วย" / "ayúdame" must reach the person they ask for, not a crisis script.

/** What a risky message suggests. Both get crisis contacts; danger leads with the emergency number. */
export type RiskKind = 'self_harm' | 'immediate_danger';

/** A recognised risk, and the language whose phrase list recognised it. */
export interface RiskMatch {
  kind: RiskKind;
  locale: string;
}

type Script = 'latin' | 'thai';

/** A phrase as written below; `unless` is checked against the whole message, `whole` anchors it to the whole message. */
type PhraseSpec = string | { re: string; unless?: string; whole?: true };

interface Rule {
  readonly pattern: RegExp;
  readonly unless: RegExp | null;
}

interface PhraseBook {
  readonly script: Script;
  readonly rules: Readonly<Record<RiskKind, readonly Rule[]>>;
}

// Danger first: when a message says both, the emergency number matters most.
const KINDS: readonly RiskKind[] = ['immediate_danger', 'self_harm'];

// Zero-width and formatting characters: invisible, but they split words ("kill\u200bmyself").
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/gu;
// Dropped rather than spaced so "don't", "he's", "I'm" become "dont", "hes", "im".
const APOSTROPHES = /['’‘`´ʼ′]/gu;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '5': 's', '@': 'a', $: 's' };
// Thai tone marks, maitaikhu and thanthakhat are often dropped or mistyped in chat; the
// repetition mark ๆ only adds emphasis ("ตายๆ"). Ignoring all of them costs no real meaning here.
const THAI_IGNORABLE = /[\u0E46-\u0E4C]/gu;
// Stretching ("dieeee", "killlll") collapses to one letter in Latin text; phrases are folded the
// same way, so "kill" is written and matched as "kil". Thai doubles are real spelling at word
// joins ("ตามมา", "ให้หน่อย") and Thai phrases match as substrings, so only runs of three or more
// collapse there ("ตายยยย"); a single extra letter at the end ("ตายย") still contains the phrase.
const LATIN_REPEATS = /(\p{L})\1+/gu;
const THAI_REPEATS = /([\p{L}\p{M}])\1{2,}/gu;
// A phrase must not start or end inside a Latin word ("diet" is not "die"); Thai has no spaces,
// so Thai phrases are matched as substrings instead.
const LATIN_BEFORE = '(?<![\\p{Script=Latin}\\p{N}])';
const LATIN_AFTER = '(?![\\p{Script=Latin}\\p{N}])';

/**
 * Folds text for Latin-script phrases: NFKC, lower case, no apostrophes or diacritics, leetspeak
 * inside words ("k1ll"), spelled-out letters joined ("k m s"), punctuation and emoji as one space,
 * and every run of a repeated letter as one letter (see LATIN_REPEATS).
 */
function foldLatin(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .normalize('NFC')
    .replace(/[\p{L}\p{N}@$]+/gu, (word) =>
      /\p{Script=Latin}/u.test(word) ? word.replace(/[0135@$]/gu, (c) => LEET[c] ?? c) : word,
    )
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .replace(/(?<!\S)\p{Script=Latin}(?: \p{Script=Latin}(?!\S)){2,}/gu, (letters) => letters.replace(/ /gu, ''))
    .replace(LATIN_REPEATS, '$1');
}

/** The Thai folding shared by messages and phrases: no tone marks or ๆ, "เเ" as "แ", long runs collapsed. */
function foldThaiLetters(text: string): string {
  return text.normalize('NFKC').replace(THAI_IGNORABLE, '').replace(/เเ/gu, 'แ').replace(THAI_REPEATS, '$1');
}

/** Folds a message for Thai phrases: no spaces or punctuation at all, since Thai does not separate words. */
function foldThai(text: string): string {
  return foldThaiLetters(text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ''));
}

/** Compiles one phrase: Latin phrases get word edges and an optional space wherever the source has a space. */
function compile(script: Script, source: string, whole = false): RegExp {
  // "want to" folds to "wanto" when typed "wantto", so a space between two equal letters may vanish with one of them.
  const body =
    script === 'latin'
      ? source.replace(LATIN_REPEATS, '$1').replace(/ /gu, ' ?').replace(/(\p{L}) \?\1/gu, '$1(?: ?$1)?')
      : foldThaiLetters(source);
  if (whole) return new RegExp(`^(?:${body})$`, 'u');
  return new RegExp(script === 'latin' ? `${LATIN_BEFORE}(?:${body})${LATIN_AFTER}` : body, 'u');
}

function book(script: Script, phrases: Record<RiskKind, readonly PhraseSpec[]>): PhraseBook {
  const rules = (specs: readonly PhraseSpec[]): Rule[] =>
    specs.map((spec) => {
      const { re, unless, whole } = typeof spec === 'string' ? { re: spec, unless: undefined, whole: undefined } : spec;
      return { pattern: compile(script, re, whole), unless: unless ? compile(script, unless) : null };
    });
  return { script, rules: { self_harm: rules(phrases.self_harm), immediate_danger: rules(phrases.immediate_danger) } };
}

/** A negative lookahead: the phrase does not go on with one of these words. */
const notBefore = (...words: string[]): string => `(?!\\s?(?:${words.join('|')})(?![\\p{L}\\p{N}]))`;

// ---------------------------------------------------------------------------------------------
// English. Sources are written lower case without apostrophes ("dont", "hes"), as messages are
// folded; doubled letters are collapsed at compile time; a space means "optional space", so
// "kill myself" also catches "killmyself".

const EN_ME = '(?:my self|me self|myslf|mysef)';
const EN_ONLINE = notBefore('on', 'online', 'in (?:the|this|my|our|that|his|her) (?:chat|group|gc|dms?|screenshot|pic|picture|photo|video|app|server|class|followers)', 'in dms?');
// People who turn up or threaten. Family is left out of "is at my house" (they live there).
const EN_THEY =
  '(?:he|she|they|someone|somebody|some one|some body|a man|a guy|a stranger|a car|a van|this man|this guy|that guy|the man|the guy|the person|this person|my ex|the blackmailer|the scammer|theres someone|theres somebody|theres a (?:man|guy|car|van|stranger))';
const EN_FAMILY = '(?:my (?:step dad|stepdad|stepfather|step father|dad|father|uncle|brother|boyfriend|bf|cousin|mom|mum|mother|step mom|stepmom|neighbou?r|parents?))';
const EN_ANYONE = `(?:${EN_THEY}|${EN_FAMILY})`;
const EN_BE = '(?: ?(?:is|are|s|re|was|were))?(?: ?(?:still|just|now|right|literally|already))?';
const EN_PLACE = '(?:my|our|the) (?:house|home|door|front door|room|bedroom|window|apartment|flat|building|porch|yard|driveway|street|place)';
// "My mom is going to kill me (if she finds out)" is the commonest idiom in this chat; a parent's
// real violence shows up as hitting/hurting, which still matches.
const EN_IDIOM_KILL = notBefore('lol', 'lmao', 'haha', 'jk', 'if (?:she|he|they) (?:finds?|found|sees?|saw|knows?|knew|hears?|heard)');

const en = book('latin', {
  self_harm: [
    `(?:kill|killing|killed|kills|hang|hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|starve|starving|stab|stabbing|off|offing|unalive|unaliving|end) ${EN_ME}${notBefore('laughing', 'lol laughing')}`,
    // Accidents ("cut myself shaving") and idioms ("cut myself off") are the common innocent uses.
    `(?:hurt|hurting|harm|harming|cut|cutting|cuts|burn|burning|burned|burnt) ${EN_ME}${notBefore('a', 'some', 'off', 'out', 'shaving', 'cooking', 'playing', 'by accident', 'accidentally', 'on (?:the|a|my) (?:stove|oven|pan|paper|glass|knife)', 'at (?:the )?(?:gym|practice|training)')}`,
    '(?<![0-9]\\s?)kms|kmsl|kmsf|wanttodie|wannadie|wanttobedead',
    { re: 'suicid(?:e|al|ing|ed)?|sucide|suicde|suiside|sucidal|suisidal|sewer slide|unaliv(?:e|ing|ed)', unless: 'suicide squad' },
    'self harm(?:ing|ed)?|self injur(?:y|e|ing|ed)',
    `(?:want|wanna|wana|wanted|wants|wish|wished|ready|deserve|deserves|rather|prefer|hope) (?:to |2 )?(?:just )?(?:die|be dead|not exist|not be alive|disappear forever|stop existing)${notBefore('my', 'her', 'his', 'their', 'the', 'it', 'this')}`,
    'wish (?:i|id) (?:was|were|could|would|had|just)? (?:just )?(?:die|died|be dead|dead|never been born|never born|not exist|not be here)',
    '(?:hope|wish) i (?:die|get hit by a (?:car|bus|train)|dont wake up|never wake up)',
    'better (?:off|of) dead|(?:better|beter) (?:off|of) without me',
    '(?:no|not any) (?:reason|point) (?:to|in|of) (?:live|living|being alive|life|go on|going on)|nothing (?:left )?to live for',
    'not worth (?:living|being alive)|(?:life|living|my life) (?:is not|isnt|aint|not) worth (?:it|living)|(?:whats|what is) the point (?:of|in) (?:living|life|being alive|going on)',
    `(?:dont|do not|dnt|dun|no longer|dont even|never) (?:want|wanna|wana|wish) (?:to |2 )?(?:live|be alive|exist|wake up|be here anymore|go on)${notBefore('with', 'at', 'near', 'together', 'there', 'in (?:a|an|the|this|that|my|his|her) (?:house|home|city|town|country|dorm|place|room|apartment|flat)')}`,
    `cant (?:live (?:like this|with this|anymore)|go on${notBefore('the', 'my', 'a', 'an', 'to', 'with', 'it', 'insta', 'tiktok', 'snap', 'ig', 'there', 'here', 'vacation', 'holiday')})`,
    `end(?:ing)? (?:it all|my life|my own life|everything|it tonight|it today|it now)|(?:take|taking|took) my (?:own )?life${notBefore('back', 'savings', 'insurance')}`,
    '(?:want|wish|need) (?:it all|everything|my life) to (?:end|stop|be over)',
    '(?:cut|cutting|slit|slitting|slice|slicing) (?:open )?my (?:wrists?|arms?|legs?|thighs?|skin|veins)|(?:started|start|been|keep|kept|back to|cant stop) cutting|cutting again',
    'overdos(?:e|ed|ing)|od on (?:pills|meds)|(?:take|took|taking|swallow|swallowed|swallowing) (?:all|a bunch of|a lot of|a whole bottle of|the whole bottle of|too many) (?:of )?(?:my |the |these |those )?(?:pills|meds|tablets|sleeping pills|painkillers)',
    'jump(?:ing|ed)? (?:off|of|from) (?:a |the |this |my )?(?:bridge|roof|rooftop|building|cliff|balcony|window|tower|overpass)|jump(?:ing)? in front of (?:a |the )?(?:train|car|bus|truck)',
    '(?:sleep|fall asleep|go to sleep) (?:and|forever and) never wake up|never wake up again|goodbye forever|final goodbye|goodbye world',
  ],
  immediate_danger: [
    `${EN_THEY}${EN_BE} (?:standing |waiting |hiding |sitting |parked |banging |knocking )?(?:outside|in front of|at|near|by|inside|in|on) ${EN_PLACE}`,
    `outside (?:my|our) (?:house|home|door|room|window|apartment|flat)`,
    `${EN_THEY}${EN_BE} (?:here|outside|downstairs|upstairs|coming (?:here|for me|to get me|to my (?:house|home|place|school)|after me|to find me)|on (?:his|her|their|the) way(?: here| over| to my (?:house|home|place))?|waiting (?:for me )?outside)${EN_ONLINE}`,
    `${EN_ANYONE}${EN_BE} (?:following|stalking|chasing) me${EN_ONLINE}`,
    `${EN_ANYONE}${EN_BE} (?:hurting|hitting|beating|choking|strangling|touching|attacking|raping|abusing|punching|kicking|grabbing) me`,
    `${EN_ANYONE} (?:hit|beat|choked|strangled|attacked|raped|assaulted|stabbed|drugged|kidnapped|grabbed|punched|kicked|abused|molested|touched|hits|beats|chokes|hurts|abuses|rapes|touches|kicks|punches) me${notBefore('up', 'at', 'in', 'to', 'on (?:snap|insta|ig|tiktok|discord)')}`,
    `${EN_ANYONE}${EN_BE} (?:going to|gonna|gona|will|wil|wants to|want to|trying to|tried to|threatened to|threatens to|threatening to|says (?:he|she|they) (?:will|is going to|is gonna)|says (?:he|she|they)(?:l|s going to|s gonna)|said (?:he|she|they) (?:will|would|is going to|was going to)|said (?:he|she|they)(?:d|l|s going to)) (?:hurt|hit|beat|rape|find|stab|shoot|kidnap|attack|come for|come after|come get) me${notBefore('up', 'lol', 'lmao', 'haha', 'jk', 'at', 'in')}`,
    `${EN_THEY}${EN_BE} (?:going to|gonna|gona|will|wil|wants to|want to|trying to|tried to|threatened to|threatens to|threatening to|says (?:he|she|they) (?:will|is going to|is gonna)|says (?:he|she|they)(?:l|s going to|s gonna)|said (?:he|she|they) (?:will|would|is going to|was going to)|said (?:he|she|they)(?:d|l|s going to)) kill me${EN_IDIOM_KILL}`,
    `(?:im|i am|i feel|feel|feeling) (?:not safe|unsafe|in danger)${notBefore('of', 'sending', 'sharing', 'using', 'clicking', 'uploading', 'doing', 'with (?:this|that|the|your) (?:link|site|app|page|bot)')}`,
    `(?:dont|do not|never) feel safe${notBefore('sending', 'sharing', 'using', 'clicking', 'uploading', 'doing', 'with (?:this|that|the|your) (?:link|site|app|page|bot)')}|not safe (?:at home|here|anymore|right now|around him|around her|with him|with her)`,
    '(?:i was|i got|ive been|i have been|been|being|getting) (?:raped|sexually assaulted|assaulted|kidnapped|drugged|beaten up|attacked)',
    '(?:knows|found out|find out|found|has|got) (?:where i live|my (?:home )?address)',
    '(?:scared|afraid|terrified|fear|fearing|fearful) for my (?:life|safety)|my life is in danger',
    'locked me (?:in|up|inside)|(?:im|i am|been|got|being) (?:locked|trapped|tied|held) (?:up |down )?(?:in|inside) (?:a|the|his|her|this|my|their) (?:room|house|car|basement|closet|bathroom|garage|attic|van|trunk|shed)',
    // Not family: "my mom won't let me leave the house" is being grounded.
    `${EN_THEY} (?:wont|will not|doesnt|does not) let me (?:leave|go home|get out)${notBefore('the (?:group|chat|gc|server|call)')}`,
    'kidnapped|abducted|(?:being )?held (?:captive|hostage)',
    `${EN_ANYONE}${EN_BE} (?:has|got|have|holding|pulled|brought|with) (?:a|his|her|their) (?:gun|knife|weapon|pistol|rifle)`,
    '(?:please|pls|plz|someone|somebody|anyone|any one|can (?:you|someone|somebody|anyone)|could (?:you|someone|somebody)) (?:call|get) (?:911|999|112|000|the police|police|the cops|cops|an ambulance)|call (?:911|999|112|the police|the cops|an ambulance) (?:now|asap|please|pls|plz|for me)',
    // A bare "help" is the HELP command and reaches a person; calling on anyone at all is a cry.
    {
      re: '(?:(?:please|pls|plz|oh god|god) )*(?:sos|(?:someone|somebody|anyone|any one|some one|any body|anybody) (?:please )?(?:help|save me)|save me)(?: (?:please|pls|plz|now|asap|help|me|fast|quick|right now|rn))*',
      whole: true,
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Thai. Sources keep their tone marks for readability; they are folded like messages (no tone
// marks, ๆ or repeats), and matched anywhere in the message with its spaces removed.

const TH_ME = '(?:หนู|ฉัน|ผม|เรา|กู|น้อง|ชั้น|เค้า)';
const TH_THEY = '(?:เขา|เค้า|มัน|ผู้ชาย|คนนั้น|มีคน|คนแปลกหน้า|แฟนเก่า|พ่อเลี้ยง|พวกมัน|พวกเขา|ไอ้คนนั้น|คนร้าย)';
const TH_ROOM = '(?:บ้าน|ห้อง|หอ|ประตู)';
// "ทำร้ายจิตใจ" (hurt feelings) is not physical, and "ทำร้ายตัวเอง" is self-harm, not danger.
const TH_NOT_PHYSICAL = '(?!ตัวเอง|ตนเอง|ร่างกายตัวเอง|ร่างกายตนเอง|จิตใจ|ความรู้สึก|หัวใจ)';

const th = book('thai', {
  self_harm: [
    // "ขำจนอยากตาย" is laughter; "อยากตายใจ" is "want to feel at ease".
    '(?<!ขำจน|ขำ|ฮาจน)อยาก(?:จะ)?(?:ตาย|ตุย|ม่องเท่ง)(?!ใจ)',
    'ไม่อยาก(?:จะ)?(?:อยู่|มีชีวิตอยู่)(?:แล้ว|ละ|ล่ะ|ต่อ|อีกต่อไป|อีกแล้ว|บนโลก|ในโลก)(?!ที่|ในกลุ่ม|ในห้อง|ในบ้าน|กลุ่ม|โรงเรียน|บ้าน|ห้อง|หอ|แชท|ไลน์|เพจ|เฟส|ไอจี)',
    'ไม่อยากมีชีวิต|ไม่อยากหายใจ|ไม่อยากตื่น(?:ขึ้นมา)?อีก|อยาก(?:หลับ|นอน)(?:แล้ว|ไป)?ไม่(?:ต้อง)?ตื่น|อยากหลับไปตลอดกาล',
    'ฆ่าตัว(?:ตาย|เอง)|ฆตต|ปลิดชีพ|ปลิดชีวิต|(?:อยาก|จะ)จบชีวิต|จบชีวิต(?:ตัวเอง|ตนเอง|ลง)|คิดสั้น',
    '(?:ดาดฟ้า|ตึก|สะพาน|ระเบียง).{0,12}(?:จะ|อยาก)(?:กระ)?โดด(?!เรียน|ร่ม|น้ำเล่น)',
    '(?:กระโดด|โดด)(?:ตึก|สะพาน|ระเบียง|น้ำตาย|ลงจาก(?:ตึก|ระเบียง|สะพาน|ชั้น|หน้าต่าง))|(?:ผูกคอ|แขวนคอ)',
    'กรีด(?:แขน|ข้อมือ|ขา|ตัวเอง|เลือด)|เฉือน(?:แขน|ข้อมือ|ตัวเอง)|(?:เอา|ใช้)(?:มีด|คัตเตอร์|ใบมีด)กรีด|ทำร้าย(?:ร่างกาย)?(?:ตัวเอง|ตนเอง)',
    'กินยา(?:ตาย|ฆ่าตัวตาย|เกินขนาด|พิษ|ฆ่าแมลง|ฆ่าหญ้า|(?:ทั้ง|หมด)(?:แผง|ขวด|กระปุก))|ดื่ม(?:ยาพิษ|ยาฆ่าแมลง|ยาฆ่าหญ้า|น้ำยาล้างห้องน้ำ)',
    'อยู่ไป(?:ก็)?(?:ไร้ค่า|ไม่มีค่า|ไม่มีประโยชน์|ทำไม|ก็เท่านั้น)|(?:จะ|มีชีวิต)อยู่ไปทำไม',
    'ตาย(?:ไป)?(?:ซะ)?(?:คง|จะ)?ดีกว่า|อยาก(?:ไป)?เกิดใหม่|อยากหายไป(?:จากโลก|ตลอดกาล)|ไม่(?:น่า|ควร|อยาก)เกิดมา',
  ],
  immediate_danger: [
    `(?:จะ|กำลัง|จะมา|มา|ขู่จะ|ขู่ว่าจะ|บอกว่าจะ|พยายาม)ทำร้าย${TH_NOT_PHYSICAL}`,
    `ทำร้าย(?:ร่างกาย)?${TH_ME}|(?:ถูก|โดน)(?:ทำร้าย|ทุบตี|ซ้อม|ลักพาตัว|กักขัง|จับขัง|ขัง|ลวนลาม)${TH_NOT_PHYSICAL}|ข่มขืน`,
    'ขู่(?:ว่า)?(?:จะ)?ฆ่า',
    // "ถ้าแม่รู้ แม่จะฆ่าหนูแน่" is the idiom for "mum will kill me if she finds out".
    { re: `(?:จะ|กำลัง|พยายาม)(?:มา)?ฆ่า${TH_ME}(?!แน่|ตายแน่)`, unless: 'ถ้า.{0,20}(?:รู้|เห็น|เจอ)' },
    `${TH_THEY}(?:จะ|กำลัง|ได้)?(?:ตาม|บุก|แอบ)?มา(?:ยืน|รอ|ดัก|หา|อยู่)?${TH_ME}?(?:ที่|ถึง|หน้า|ใน|หลัง|แถว)?${TH_ROOM}`,
    `${TH_THEY}(?:กำลัง|ยัง)?(?:ยืน|รอ|ดัก|แอบ|ซุ่ม)?อยู่(?:(?:หน้า|ใน|หลัง|แถว)${TH_ROOM}|ที่${TH_ROOM}${TH_ME})`,
    `(?<!ไม่)รู้(?:ว่า)?(?:บ้าน|ที่อยู่)${TH_ME}?(?:อยู่)?(?:ที่|ตรง)?ไหน|(?<!ไม่)รู้ที่อยู่${TH_ME}`,
    `ขัง${TH_ME}?ไว้|สะกดรอยตาม|ตาม${TH_ME}(?:มา|ไป)(?!ใน|ทาง)`,
    // "ข้อมูลของหนูไม่ปลอดภัย" is about data, not the person.
    `(?<!ของ|ข้อมูล|รูป|คลิป|บัญชี|ไอดี)(?:${TH_ME}|ตอนนี้|ที่บ้าน|อยู่บ้าน|อยู่ที่นี่)(?:รู้สึก)?ไม่ปลอดภัย|รู้สึกไม่ปลอดภัย|(?:ตก)?อยู่ในอันตราย|กลัว(?:ว่า)?(?:เขา|มัน)?จะ(?:มา)?(?:ทำร้าย|ฆ่า)`,
    `${TH_THEY}(?:มี|ถือ|พก|เอา)(?:มีด|ปืน|อาวุธ)`,
    '(?:ช่วย)?(?:เรียก|โทรหา|โทรเรียก|โทรแจ้ง)(?:ตำรวจ|191|1669|รถพยาบาล)(?:ให้)?(?:หน่อย|ที|ด่วน|เดี๋ยวนี้)',
    // "ช่วยด้วย" alone is the Thai HELP command (the welcome message says so); calling on anyone is a cry.
    `ใครก็ได้ช่วย(?:ด้วย|${TH_ME}|ที)`,
  ],
});

// ---------------------------------------------------------------------------------------------
// Spanish. Folded like English: no accents ("dano", "mi"), no ñ ("munecas"), letters collapsed.

const ES_ONLINE = notBefore('en', 'por');
// Who else might be the subject: "va a matarme" is a threat, "voy a matarme" is self-harm.
const ES_THEY_VERB =
  '(?:quiere|quieren|queria|querian|va a|van a|iba a|iban a|amenaza con|amenazo con|amenazan con|amenazaron con|intenta|trata de|esta tratando de|dijo que (?:me )?va a|dice que (?:me )?va a|dijo que (?:me )?iba a|puede|podria)';
const ES_PARENTS = 'mama|mami|madre|papa|papi|padre|padres|papas|mis jefes|abuel[oa]s?|mi familia';
const ES_IDIOM_KILL = `${ES_PARENTS}|si (?:se entera|sabe|lo sabe|ve|lo ve|me ve|se da cuenta|descubre)|cuando (?:se entere|sepa|vea|lo vea|se de cuenta)`;
const ES_NOT_HAIR = notBefore('el', 'la', 'los', 'las', 'mi', 'mis', 'un', 'una', 'con', 'jugando', 'cocinando');

const es = book('latin', {
  self_harm: [
    '(?:quiero|quisiera|kiero|qiero|queria|deseo|desearia|prefiero|preferiria|ganas de|me gustaria|ojala pudiera|solo quiero) morir(?:me|nos)?',
    '(?:quiero|quisiera|deseo|prefiero|ojala) (?:estar )?muert[oa]|ojala (?:me muera|estuviera muert[oa]|no hubiera nacido|no haber nacido)|mejor (?:estar |estaria )?muert[oa]|(?:estarian|estaria) (?:todos )?mejor sin mi',
    'suicid(?:arme|arse|ar|io|ios|a|as|ando|ado|ada)',
    'auto ?lesion(?:es|arme|arse|ando|o)?|autolesionar(?:me|se)',
    `(?<!${ES_THEY_VERB}\\s?)(?:matarme|hacerme dano|lastimarme|herirme|cortarme${ES_NOT_HAIR})`,
    'me (?:voy a|vo a|quiero|kiero|queria|pienso) (?:matar|suicidar|lastimar|ahorcar|morir)',
    `me (?:voy a|quiero|kiero) cortar${ES_NOT_HAIR}`,
    'me (?:hago|hice|estoy haciendo|quiero hacer|voy a hacer|sigo haciendo) dano',
    `cortar(?:me)? (?:las|mis) (?:venas|munecas|brazos|piernas)|me (?:corto|corte|cortaba|estoy cortando|sigo cortando|volvi a cortar)(?: (?:las|los|mis) (?:venas|munecas|brazos|piernas))?${ES_NOT_HAIR}`,
    `no (?:quiero|kiero|qiero|deseo) (?:seguir )?(?:vivir|viviendo|existir|estar vivo|estar viva|despertar)${notBefore('con', 'cerca', 'junto')}`,
    'no (?:vale|merece) la pena (?:vivir|seguir)|(?:no tengo|sin) (?:razon|razones|motivo|motivos|nada|ganas) (?:para|por|de|por que|para que) (?:vivir|seguir viviendo)|ya no (?:puedo|quiero) (?:seguir )?(?:vivir|viviendo)|no (?:tiene|le veo) sentido (?:a )?(?:vivir|seguir viviendo|la vida|mi vida)',
    'quitarme la vida|(?:acabar|terminar) con (?:mi vida|todo)|desaparecer para siempre|dormir(?:me)? y no despertar|no despertar nunca|adios para siempre|adios mundo',
    '(?:tirarme|lanzarme|aventarme|me (?:voy a|quiero|kiero|pienso) (?:tirar|lanzar|aventar)) (?:de|desde|por|a|al) (?:un |el |la |una |los |las )?(?:puente|edificio|balcon|ventana|azotea|techo|tren|metro|vias|rio|precipicio|barranco)',
    'ahorcarme|envenenarme|sobredosis|(?:tomarme|tomar|me tome|tragarme) (?:todas las|todas mis|muchas|un monton de|el frasco de) (?:pastillas|pildoras|medicinas)',
  ],
  immediate_danger: [
    `${ES_THEY_VERB} (?:hacerme dano|lastimarme|golpearme|pegarme|violarme|secuestrarme|herirme|buscarme)`,
    'me (?:quiere|quieren|queria|va a|van a|iba a|amenaza con|amenazo con|amenazaron con) (?:hacer dano|lastimar|golpear|pegar|violar|secuestrar|herir)',
    { re: `${ES_THEY_VERB} matarme|me (?:quiere|quieren|queria|va a|van a|iba a|amenaza con|amenazo con|amenazaron con) matar`, unless: ES_IDIOM_KILL },
    '(?:esta|estan|hay alguien|hay un (?:hombre|tipo|senor|carro|coche)|alguien esta)(?: esperando| parado| afuera)? (?:afuera de|fuera de|enfrente de|frente a|en la puerta de) (?:mi|la) (?:casa|cuarto|puerta|ventana|depa|departamento|edificio)',
    '(?:el|ella|ellos|alguien|un hombre|un tipo|ese tipo|el tipo) (?:ya )?(?:esta|estan|se metio|entro|se metieron|entraron) (?:aqui|aca|en mi casa|en mi cuarto|adentro|dentro)',
    '(?:viene|vienen|va a venir|vino|vinieron|esta viniendo) (?:a|hacia|para) (?:mi casa|buscarme|por mi)|(?:sabe|saben|conoce) (?:donde vivo|mi direccion)',
    `me (?:esta|estan) (?:siguiendo|persiguiendo)${ES_ONLINE}|me (?:esta|estan) (?:pegando|golpeando|lastimando|haciendo dano|tocando|violando|ahorcando|asfixiando)`,
    'me (?:pega|pego|golpea|golpeo|golpearon|pegaron|violo|violaron|secuestro|secuestraron|drogo|drogaron|encerro|encerraron|amarro|amarraron|ataco|atacaron)|me (?:tiene|tienen) (?:encerrad[ao]|amarrad[ao]|secuestrad[ao])|estoy secuestrad[ao]',
    `(?:estoy|estamos) en peligro${notBefore('de')}|no estoy a salvo|no me siento (?:segur[ao]|a salvo)${notBefore('de', 'si', 'que', 'con (?:esto|eso)')}|(?:temo|tengo miedo) por mi vida|mi vida (?:esta )?en peligro|corro peligro`,
    '(?:tiene|trae|saco|lleva) (?:un|una) (?:arma|pistola|cuchillo|navaja|machete)',
    '(?:llamen|llama|llame|marquen|marca) (?:a )?(?:la policia|policia|al 911|911|al 112|112|una ambulancia|emergencias)',
    // "ayuda" and "ayúdame" are the Spanish HELP command; these are cries to anyone within earshot.
    {
      re: '(?:(?:por favor|porfa|porfavor|alguien|ayuda) )*(?:auxilio|socorro|ayudenme|alguien ayudeme|alguien ayudame|alguien ayuda|sos)(?: (?:por favor|porfa|porfavor|alguien|ya|rapido|auxilio|socorro|ayuda|ayudenme|ayudame))*',
      whole: true,
    },
  ],
});

const BOOKS: Readonly<Record<string, PhraseBook>> = { en, th, es };

/** Languages with their own phrase lists. Every message is checked against all of them. */
export const RISK_LOCALES: readonly string[] = Object.freeze(Object.keys(BOOKS));

/** The person's language first (it names the match), then English, then the rest: people mix languages. */
function localeOrder(locale: string | null | undefined): readonly string[] {
  const base = locale?.toLowerCase().split(/[-_]/u)[0] ?? '';
  const first = RISK_LOCALES.includes(base) ? [base] : [];
  return [...new Set([...first, 'en', ...RISK_LOCALES])];
}

/**
 * Recognises messages that suggest self-harm/suicidal intent or immediate danger. Checks the
 * given locale's phrases and English (and, cheaply, all supported locales since people mix
 * languages). Returns null when nothing matches.
 *
 * Danger wins over self-harm when a message says both. `locale` in the result is the phrase
 * list that matched (the person's own language when it matched there), not a guess at the
 * language of the message. Pure and synchronous; every pattern is compiled at module load.
 */
export function detectRisk(text: string, locale?: string | null): RiskMatch | null {
  if (!text) return null;
  const folded: Partial<Record<Script, string>> = {};
  const fold = (script: Script): string => (folded[script] ??= script === 'latin' ? foldLatin(text) : foldThai(text));
  const hasThai = /[\u0E00-\u0E7F]/u.test(text);
  const order = localeOrder(locale);
  for (const kind of KINDS) {
    for (const code of order) {
      const phrases = BOOKS[code];
      if (!phrases || (phrases.script === 'thai' && !hasThai)) continue;
      const subject = fold(phrases.script);
      for (const rule of phrases.rules[kind]) {
        if (rule.pattern.test(subject) && !rule.unless?.test(subject)) return { kind, locale: code };
      }
    }
  }
  return null;
}
