// Names of the 25 languages as people type them (in their own script, in English, misspelt) and the order the language step lists them in.

import { normaliseAnswer } from './choices';

interface LanguageName {
  /** The language's name in itself: the label of its `lang:<code>` choice, the same in every locale. */
  endonym: string;
  english: string;
  /** Other ways people write it: other scripts, exonyms, ISO 639-2 codes, common misspellings. */
  aliases: string[];
}

/** One row per language Reclaim can speak, in the order of the `lang:<code>` contract. */
export const LANGUAGE_NAMES = {
  en: { endonym: 'English', english: 'English', aliases: ['eng', 'inglés', 'ingles', 'anglais', 'englisch', 'inggris', 'ingles', 'อังกฤษ', 'ภาษาอังกฤษ', '英语', '英文', '영어', 'انجليزي', 'إنجليزي', 'انگلیسی', 'अंग्रेज़ी', 'अंग्रेजी', 'tiếng anh'] },
  es: { endonym: 'Español', english: 'Spanish', aliases: ['spa', 'castellano', 'espagnol', 'spanisch', 'spanyol', 'สเปน', 'ภาษาสเปน', '西班牙语', '스페인어', 'español latino'] },
  ar: { endonym: 'العربية', english: 'Arabic', aliases: ['ara', 'arab', 'arabe', 'arabisch', 'عربي', 'عربى', 'العربي', 'اللغة العربية', 'arabi', 'arbi'] },
  bn: { endonym: 'বাংলা', english: 'Bengali', aliases: ['ben', 'bangla', 'bengalí', 'বাঙালি', 'বাংলা ভাষা', 'बंगाली', 'bangali'] },
  zh: { endonym: '简体中文', english: 'Chinese', aliases: ['zho', 'chi', 'mandarin', 'simplified chinese', '中文', '汉语', '漢語', '普通话', '普通話', '华语', '華語', '简体', '簡體', '簡體中文', '繁體中文', '繁体中文', 'zhongwen', 'putonghua', 'chino', 'chinois', 'จีน', 'ภาษาจีน', '중국어', 'tiếng trung'] },
  nl: { endonym: 'Nederlands', english: 'Dutch', aliases: ['nld', 'dut', 'vlaams', 'flemish', 'holandés', 'néerlandais', 'hollands'] },
  fr: { endonym: 'Français', english: 'French', aliases: ['fra', 'fre', 'francés', 'französisch', 'prancis', 'ฝรั่งเศส', 'ภาษาฝรั่งเศส', '法语', '프랑스어'] },
  de: { endonym: 'Deutsch', english: 'German', aliases: ['deu', 'ger', 'alemán', 'allemand', 'jerman', 'เยอรมัน', 'ภาษาเยอรมัน', '德语', '독일어'] },
  hi: { endonym: 'हिन्दी', english: 'Hindi', aliases: ['hin', 'हिंदी', 'हिन्दी भाषा', 'ہندی', 'hindī'] },
  is: { endonym: 'Íslenska', english: 'Icelandic', aliases: ['isl', 'ice', 'islandés', 'islandais', 'isländisch'] },
  id: { endonym: 'Bahasa Indonesia', english: 'Indonesian', aliases: ['ind', 'indonesia', 'indo', 'bahasa', 'bahasa indo', 'indonesio', 'indonésien', 'อินโดนีเซีย', '印尼语'] },
  it: { endonym: 'Italiano', english: 'Italian', aliases: ['ita', 'italien', 'italienisch', 'อิตาลี', '意大利语'] },
  km: { endonym: 'ខ្មែរ', english: 'Khmer', aliases: ['khm', 'ភាសាខ្មែរ', 'cambodian', 'camboyano', 'khmer language', 'เขมร', 'ภาษาเขมร'] },
  ko: { endonym: '한국어', english: 'Korean', aliases: ['kor', '한국말', '한글', '조선말', 'coreano', 'coréen', 'koreanisch', 'เกาหลี', 'ภาษาเกาหลี', '韩语', '韓語', 'hangul', 'hangeul'] },
  ckb: { endonym: 'کوردی (سۆرانی)', english: 'Kurdish (Sorani)', aliases: ['kurdish', 'sorani', 'kurdi', 'kurdî', 'kurd', 'کوردی', 'کوردى', 'كوردي', 'كردي', 'سۆرانی', 'سورانی', 'کوردیی ناوەندی', 'central kurdish', 'kurdish sorani'] },
  ml: { endonym: 'മലയാളം', english: 'Malayalam', aliases: ['mal', 'malayalam', 'മലയാളം ഭാഷ', 'मलयालम'] },
  mr: { endonym: 'मराठी', english: 'Marathi', aliases: ['mar', 'marathi', 'मराठी भाषा'] },
  pt: { endonym: 'Português', english: 'Portuguese', aliases: ['por', 'portugues', 'português do brasil', 'portugues do brasil', 'brasileiro', 'portugués', 'portugais', 'portugiesisch', 'portugis', 'โปรตุเกส'] },
  si: { endonym: 'සිංහල', english: 'Sinhala', aliases: ['sin', 'sinhalese', 'singhalese', 'sinhala language', 'සිංහල භාෂාව', 'cingalés'] },
  tl: { endonym: 'Filipino (Tagalog)', english: 'Filipino', aliases: ['tgl', 'fil', 'tagalog', 'pilipino', 'wikang filipino', 'wikang tagalog', 'tagalo', 'ตากาล็อก', 'ฟิลิปปินส์'] },
  ta: { endonym: 'தமிழ்', english: 'Tamil', aliases: ['tam', 'thamizh', 'tamizh', 'தமிழ் மொழி', 'तमिल'] },
  th: { endonym: 'ภาษาไทย', english: 'Thai', aliases: ['tha', 'ไทย', 'ภาษา ไทย', 'tailandés', 'thaï', 'thailändisch', 'thailand', '泰语', '태국어', 'tiếng thái'] },
  tr: { endonym: 'Türkçe', english: 'Turkish', aliases: ['tur', 'turkce', 'turco', 'turc', 'türkisch', 'turki'] },
  ur: { endonym: 'اردو', english: 'Urdu', aliases: ['urd', 'اُردو', 'उर्दू', 'urdū'] },
  vi: { endonym: 'Tiếng Việt', english: 'Vietnamese', aliases: ['vie', 'viet', 'việt', 'tieng viet', 'vietnam', 'việt nam', 'vietnamita', 'vietnamien', 'เวียดนาม', 'ภาษาเวียดนาม', '越南语', '베트남어'] },
} satisfies Record<string, LanguageName>;

export type LanguageCode = keyof typeof LANGUAGE_NAMES;

/** The language's own name, the label of `lang:<code>` whatever language the conversation is in. */
export function endonym(code: string): string | undefined {
  return (LANGUAGE_NAMES as Record<string, LanguageName>)[code]?.endonym;
}

/**
 * Folds what differs between ways of typing the same name: case, width, Latin accents, Arabic-script
 * letter variants (Arabic, Persian and Kurdish keyboards give different ی/ي, ک/ك, ه/ە), vowel marks and tatweel.
 */
export function normaliseName(text: string): string {
  return normaliseAnswer(text)
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىيې]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[ةە]/g, 'ه')
    .replace(/[\u200c\u200d]/g, '')
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Codes that are everyday chat words before they are languages: "hi" greets, "ta" thanks. */
const NOT_TYPED_CODES = new Set(['hi', 'ta']);

/** Every normalised name of every language, to the languages it names (normally one). */
const BY_NAME = new Map<string, Set<LanguageCode>>();
for (const [code, row] of Object.entries(LANGUAGE_NAMES) as [LanguageCode, LanguageName][]) {
  for (const name of [...(NOT_TYPED_CODES.has(code) ? [] : [code]), row.endonym, row.english, ...row.aliases]) {
    const key = normaliseName(name);
    if (!BY_NAME.has(key)) BY_NAME.set(key, new Set());
    BY_NAME.get(key)!.add(code);
  }
}

/** Latin names long enough that one slip of the finger still says which language ("vietnamse", "portugese"). */
const FUZZY = [...BY_NAME.entries()].filter(([name, codes]) => /^[a-z ]{5,}$/.test(name) && codes.size === 1);

/**
 * The language a typed reply names, among `offered`, or null. The whole reply may be a name or
 * a code in any script ("ไทย", "vietnamese", "vi", "عربي"), a phrase containing one name
 * ("thai please", "in english"), or a Latin name with one typo (two in names of eight letters or more).
 */
export function matchLanguageName(text: string, offered: readonly string[]): string | null {
  const answer = normaliseName(text);
  if (answer === '') return null;
  const pick = (codes: Iterable<string> | undefined) => {
    const found = [...(codes ?? [])].filter((code) => offered.includes(code));
    return found.length === 1 ? found[0]! : null;
  };
  const whole = pick(BY_NAME.get(answer));
  if (whole) return whole;
  // A name inside a short phrase: codes are too short to trust there ("is it ok" is not Icelandic or Italian).
  const words = answer.split(' ');
  if (words.length > 1 && words.length <= 6) {
    const named = new Set<string>();
    for (let size = 3; size >= 1; size--) {
      for (let i = 0; i + size <= words.length; i++) {
        const phrase = words.slice(i, i + size).join(' ');
        for (const code of BY_NAME.get(phrase) ?? []) if (phrase.length >= 4 && phrase !== code) named.add(code);
      }
    }
    const one = pick(named);
    if (one) return one;
  }
  if (!/^[a-z ]{5,}$/.test(answer)) return null;
  const close = new Set<string>();
  for (const [name, codes] of FUZZY) {
    const allowed = name.length >= 8 ? 2 : 1;
    if (Math.abs(name.length - answer.length) <= allowed && editDistance(answer, name, allowed) <= allowed) for (const code of codes) close.add(code);
  }
  return pick(close);
}

/** Levenshtein distance with adjacent swaps, giving up (returning limit + 1) once past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Languages most people reach for, for a first page when nothing says where someone is. */
const DEFAULT_ORDER: readonly LanguageCode[] = ['en', 'es', 'ar', 'zh', 'hi', 'pt', 'fr', 'bn', 'id', 'vi', 'th', 'tr', 'ko', 'de', 'ur', 'ta', 'tl', 'it', 'mr', 'ml', 'km', 'si', 'nl', 'ckb', 'is'];

/** Languages likely in a country (the region of a platform hint like `en-IN` or `ms_MY`), most likely first. */
const BY_REGION: Record<string, readonly LanguageCode[]> = {
  TH: ['th', 'en'], IN: ['hi', 'en', 'bn', 'mr', 'ta', 'ml', 'ur'], PK: ['ur', 'en'], BD: ['bn', 'en'], LK: ['si', 'ta', 'en'],
  NP: ['hi', 'en'], ID: ['id', 'en'], MY: ['en', 'zh', 'ta', 'id'], SG: ['en', 'zh', 'ta'], PH: ['tl', 'en'], VN: ['vi', 'en'],
  KH: ['km', 'en'], KR: ['ko', 'en'], CN: ['zh'], TW: ['zh', 'en'], HK: ['zh', 'en'], MO: ['zh', 'pt'], IQ: ['ar', 'ckb', 'en'],
  IR: ['ckb', 'ar', 'en'], SY: ['ar', 'ckb'], TR: ['tr', 'ckb'], EG: ['ar', 'en'], SA: ['ar', 'en'], AE: ['ar', 'en', 'hi', 'ur'],
  JO: ['ar', 'en'], LB: ['ar', 'fr', 'en'], MA: ['ar', 'fr'], DZ: ['ar', 'fr'], TN: ['ar', 'fr'], QA: ['ar', 'en'], KW: ['ar', 'en'],
  BR: ['pt', 'es', 'en'], PT: ['pt', 'en'], AO: ['pt'], MZ: ['pt'], ES: ['es', 'en'], MX: ['es', 'en'], AR: ['es'], CO: ['es'],
  CL: ['es'], PE: ['es'], US: ['en', 'es', 'zh', 'vi', 'tl', 'ko'], CA: ['en', 'fr', 'zh', 'tl'], GB: ['en', 'ur', 'bn', 'hi'],
  AU: ['en', 'zh', 'ar', 'vi'], NZ: ['en', 'zh'], IE: ['en'], FR: ['fr', 'ar', 'en'], BE: ['nl', 'fr', 'de', 'en'], NL: ['nl', 'en', 'tr', 'ar'],
  DE: ['de', 'tr', 'en', 'ar'], AT: ['de', 'tr', 'en'], CH: ['de', 'fr', 'it', 'en'], IT: ['it', 'en'], IS: ['is', 'en'], SE: ['en', 'ar'],
};

/** The region of a platform hint (`en-IN`, `ms_MY`, `zh-Hant-TW`), upper-cased, or null. */
function regionOf(hint: string | null | undefined): string | null {
  const parts = (hint ?? '').replace(/_/g, '-').split('-').slice(1);
  return parts.find((part) => /^[a-z]{2}$/i.test(part))?.toUpperCase() ?? null;
}

/**
 * The offered languages in the order the language step lists them: the `first` ones (the
 * conversation's language, the platform's), then those likely where the hint says the person
 * is, then the rest by how many people speak them.
 */
export function orderLanguages(offered: readonly string[], hint: string | null | undefined, first: readonly (string | null | undefined)[] = []): string[] {
  const region = regionOf(hint);
  const wanted = [...first, ...(region ? (BY_REGION[region] ?? []) : []), ...DEFAULT_ORDER, ...offered];
  return [...new Set(wanted.filter((code): code is string => typeof code === 'string' && offered.includes(code)))];
}

/**
 * Languages per page of the language step. LINE and Messenger show at most 13 quick replies;
 * a page carries this many languages, "More languages", and room for "Talk to a person" when
 * the question is asked a third time.
 */
export const LANGUAGES_PER_PAGE = 11;

/** Splits the ordered languages into pages of `LANGUAGES_PER_PAGE`. */
export function languagePages(ordered: readonly string[], perPage: number = LANGUAGES_PER_PAGE): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < ordered.length; i += perPage) pages.push(ordered.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}
