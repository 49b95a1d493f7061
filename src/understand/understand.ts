// Understands a typed answer to the open question: the choice it picks, a wish to go back, or that it is unclear, and why.

// Why it leans the way it does: a wrong choice is worse than asking again. "No" at the age
// question sends a teen away to the adult route; "no" at the nude question ends the intake. So
// an answer that says two things ("yes and no", "idk maybe yes"), an age that fits no band, or a
// bare "19" when asked whether they were under 18 then, is met with a clarifying question,
// never a guess. Within that, it is generous: teen spellings, stretched letters, particles,
// emoji, number words, and any supported language at any step (people mix them).

import { matchChoice, type ChoiceWords } from '../core/choices';
import { needsOf, screenOf } from '../core/pattern-needs';
import { collapseUnspaced, fold, foldPattern, isUnspaced } from './fold';
import type { Intent, Lexicon } from './lexicon';
import { LEXICONS } from './lexicons';

/** One reason for the reading: which rule fired on which words, in which language's list. */
export interface Evidence {
  rule: string;
  words: string;
  locale?: string;
}

/** What the answer does at the open step. */
export type Outcome =
  | { kind: 'choice'; id: string }
  | { kind: 'back' }
  | { kind: 'unclear'; candidates: string[] }
  | { kind: 'none' };

/** The reading of one typed answer, with the evidence for it. */
export interface Understanding {
  outcome: Outcome;
  /** A story of sextortion (a threat to share, a demand for money or more images), at whatever step it was typed. */
  disclosure: Evidence | null;
  evidence: Evidence[];
}

/** The open question as the person sees it. */
export interface AnswerContext {
  /** The step's own choices in the order shown: "2" picks the second. */
  choices: readonly string[];
  /** Every id a reply may pick here (the step's choices and the commands), with the words that pick it, from the translator. */
  words: readonly ChoiceWords[];
}

type PhraseMeaning = { intent: Intent } | { number: number } | { language: string } | { choice: string };

interface Phrase {
  folded: string;
  /** The phrase's letters without its spaces: any match holds them in a row, so an answer without them cannot match. */
  letters: string;
  meaning: PhraseMeaning;
  locale: string;
  mode: 'any' | 'whole' | 'start';
  readonly pattern: RegExp;
}

interface Hit {
  phrase: Phrase;
  start: number;
  end: number;
  words: string;
}

const ANSWER_INTENTS: readonly Intent[] = ['yes', 'no', 'unsure'];
/** Past this length an answer is a story: a yes or no counts only near its start ("no, but…"), not deep inside it. */
const STORY_LENGTH = 40;
const STORY_ANSWER_WITHIN = 15;
const AGE_BANDS: Readonly<Record<string, readonly [number, number]>> = {
  'age:under13': [0, 12],
  'age:13_15': [13, 15],
  'age:16_17': [16, 17],
  'age:18plus': [18, 200],
};
const PLAUSIBLE_AGE: readonly [number, number] = [5, 99];
const OLDEST = 200;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
// Word edges in any script written with spaces: no letter, vowel sign or digit just before or after.
const WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
// A stem phrase ("친구*", "صديق*") takes the rest of its last word with it.
const WORD_REST = '[\\p{L}\\p{M}]*';

function compilePhrase(raw: string, meaning: PhraseMeaning, locale: string): Phrase {
  const mode = raw.startsWith('=') ? 'whole' : raw.startsWith('^') ? 'start' : 'any';
  const marked = mode === 'any' ? raw : raw.slice(1);
  const stem = marked.endsWith('*');
  const folded = fold(stem ? marked.slice(0, -1) : marked);
  // A space in a spaced-script phrase also matches none ("idk"/"i dk", "goback"/"go back").
  const body = isUnspaced(folded)
    ? escape(folded)
    : `${WORD_BEFORE}${escape(folded).replace(/ /gu, ' ?')}${stem ? WORD_REST : WORD_AFTER}`;
  // Built when the phrase is first compared with an answer: a Unicode-class pattern costs a third of
  // a millisecond to build, and most of the thousands of phrases are never a candidate in a process's life.
  let pattern: RegExp | undefined;
  return {
    folded,
    letters: folded.replaceAll(' ', ''),
    meaning,
    locale,
    mode,
    get pattern() {
      return (pattern ??= new RegExp(body, 'gu'));
    },
  };
}

function compileLexicon(lexicon: Lexicon): Phrase[] {
  const phrases: Phrase[] = [];
  for (const [intent, list] of Object.entries(lexicon.intents) as [Intent, readonly string[]][]) {
    for (const raw of list) phrases.push(compilePhrase(raw, { intent }, lexicon.locale));
  }
  for (const [raw, number] of Object.entries(lexicon.numbers)) phrases.push(compilePhrase(raw, { number }, lexicon.locale));
  for (const [raw, language] of Object.entries(lexicon.languages)) phrases.push(compilePhrase(raw, { language }, lexicon.locale));
  return phrases;
}

/** Longer phrases first, so "ไม่ใช่" is read before the "ใช่" inside it and "not sure" before "sure". */
const byLength = (a: Phrase, b: Phrase) => b.folded.length - a.folded.length;
const PHRASES: readonly Phrase[] = LEXICONS.flatMap(compileLexicon).sort(byLength);

/**
 * The lexicons hold thousands of phrases and an answer is a few words, so each phrase is filed
 * once: a whole-answer phrase under its text, any other under its first two letters (one for a
 * one-letter phrase). An answer is then compared only with the phrases filed under its own
 * letters. Nothing is missed: a phrase's match is a run of the answer holding the phrase's
 * letters in a row (its spaces are optional), and blanking out earlier matches only takes
 * letters away.
 */
interface PhraseIndex {
  whole: Map<string, Phrase[]>;
  byStart: Map<string, Phrase[]>;
  /** Phrases with no letters at all (none today), compared with every answer. */
  always: Phrase[];
  /** Each phrase's place in PHRASES: candidates are put back in that order. */
  rank: Map<Phrase, number>;
}

function indexPhrases(phrases: readonly Phrase[]): PhraseIndex {
  const index: PhraseIndex = { whole: new Map(), byStart: new Map(), always: [], rank: new Map() };
  const file = (map: Map<string, Phrase[]>, key: string, phrase: Phrase) => {
    const list = map.get(key);
    if (list) list.push(phrase);
    else map.set(key, [phrase]);
  };
  phrases.forEach((phrase, rank) => {
    index.rank.set(phrase, rank);
    if (phrase.mode === 'whole') file(index.whole, phrase.folded, phrase);
    else if (phrase.letters === '') index.always.push(phrase);
    else file(index.byStart, phrase.letters.slice(0, 2), phrase);
  });
  return index;
}

const INDEX = indexPhrases(PHRASES);

/** The lexicon phrases that could be found in this answer, in the order of PHRASES. */
function candidatePhrases(core: string, whole: WholeForms): Phrase[] {
  const letters = core.replaceAll(' ', '');
  const found: Phrase[] = [...INDEX.always];
  const seen = new Set<Phrase[]>();
  const take = (list: Phrase[] | undefined, test: (phrase: Phrase) => boolean) => {
    if (!list || seen.has(list)) return;
    seen.add(list);
    for (const phrase of list) if (test(phrase)) found.push(phrase);
  };
  const inLetters = (phrase: Phrase) => letters.includes(phrase.letters);
  for (let i = 0; i < letters.length; i++) {
    take(INDEX.byStart.get(letters[i]!), inLetters);
    take(INDEX.byStart.get(letters.slice(i, i + 2)), inLetters);
  }
  for (const form of [...whole.full, ...whole.parts]) take(INDEX.whole.get(form), () => true);
  return found.sort((a, b) => INDEX.rank.get(a)! - INDEX.rank.get(b)!);
}
const FILLERS = [...new Set(LEXICONS.flatMap((l) => l.fillers.map(fold)))].sort((a, b) => b.length - a.length);
const PARTICLES = [...new Set(LEXICONS.flatMap((l) => l.particles.map(fold)))].sort((a, b) => b.length - a.length);
const BELOW = [...new Set(LEXICONS.flatMap((l) => l.below.map(fold)))];
const AT_LEAST = [...new Set(LEXICONS.flatMap((l) => l.atLeast.map(fold)))];
const OR_MORE = [...new Set(LEXICONS.flatMap((l) => l.orMore.map(fold)))];
const BELOW_AFTER = [...new Set(LEXICONS.flatMap((l) => (l.belowAfter ?? []).map(fold)))];

interface DisclosureRule {
  locale: string;
  /** Written without spaces: found anywhere, denied by what is close before it in letters, not words. */
  unspaced: boolean;
  pattern: RegExp;
  readonly negators: RegExp | null;
  readonly negatorsAfter: RegExp | null;
  /** "But" in this language ("but", "mais", "แต่"): a denial before one does not reach past it. Per language: Italian "ma" is French "m'a". */
  contrast: readonly string[];
}

/** Negators in one expression, each on word edges or anywhere as its script is written ("nobody", "ไม่มีใคร", "안*"). */
function wordsPattern(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  const alternatives = words.map((raw) => {
    const stem = raw.endsWith('*');
    const folded = fold(stem ? raw.slice(0, -1) : raw);
    return isUnspaced(folded) ? escape(folded) : `${WORD_BEFORE}${escape(folded)}${stem ? '' : WORD_AFTER}`;
  });
  return new RegExp(`(?:${alternatives.join('|')})`, 'u');
}

// Languages that share a script share words ("धमकी" is Hindi and Marathi, "تهديد" Arabic and
// Urdu), so a denial in any non-Latin list counts beside the rule's own. Latin denials stay with
// their language: Arabizi "la" is Spanish "la".
const latin = (w: string) => /\p{Script=Latin}/u.test(w);
const SHARED_NEGATORS = LEXICONS.flatMap((l) => l.negators.filter((w) => !latin(w)));
const SHARED_NEGATORS_AFTER = LEXICONS.flatMap((l) => (l.negatorsAfter ?? []).filter((w) => !latin(w)));

/** A value made on first use: the denial lists are long alternations, needed only once a disclosure has matched. */
function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const DISCLOSURE: readonly DisclosureRule[] = LEXICONS.flatMap((l) => {
  const negators = lazy(() => wordsPattern([...new Set([...l.negators, ...SHARED_NEGATORS])]));
  const negatorsAfter = lazy(() => wordsPattern([...new Set([...(l.negatorsAfter ?? []), ...SHARED_NEGATORS_AFTER])]));
  return l.disclosure.map((source) => {
    const folded = foldPattern(source);
    const unspaced = isUnspaced(folded);
    const pattern = new RegExp(unspaced ? folded : `${WORD_BEFORE}(?:${folded})${WORD_AFTER}`, 'gu');
    const contrast = [...new Set(['but', 'pero', 'แต่', ...(l.contrast ?? []).map(fold)])];
    return {
      locale: l.locale,
      unspaced,
      pattern,
      get negators() {
        return negators();
      },
      get negatorsAfter() {
        return negatorsAfter();
      },
      contrast,
    };
  });
});

/** Only the disclosures a text has the characters for are looked for in it (see core/pattern-needs); a rule's slot is its place in DISCLOSURE. */
const DISCLOSURE_SCREEN = screenOf(DISCLOSURE.map((rule, id) => ({ id, needs: needsOf(rule.pattern) })));

/**
 * Every match of a global pattern, as `matchAll` yields them (an empty match moves on by one
 * character), without the copy of the pattern `matchAll` makes on each call: an answer meets
 * over a hundred patterns, and copying them cost more than matching.
 */
function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0] === '') pattern.lastIndex += (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    yield m;
  }
}

/** Label phrases are compiled once per word: the translator's lists do not change while the process runs. */
const labelCache = new Map<string, Phrase | null>();
/** The label phrases of one choice's list of words (the translator hands out the same list each time). */
const labelListCache = new WeakMap<readonly string[], Map<string, Phrase[]>>();

function labelPhrases(id: string, words: readonly string[]): Phrase[] {
  let byId = labelListCache.get(words);
  if (!byId) labelListCache.set(words, (byId = new Map()));
  let phrases = byId.get(id);
  if (!phrases) {
    phrases = words.map((word) => labelPhrase(id, word)).filter((p): p is Phrase => p !== null);
    byId.set(id, phrases);
  }
  return phrases;
}

function labelPhrase(id: string, word: string): Phrase | null {
  const key = `${id}\u0000${word}`;
  let phrase = labelCache.get(key);
  if (phrase === undefined) {
    const folded = fold(word);
    // Short labels ("Yes", "No", "มี") are the lexicon's business, where they carry their own limits.
    phrase = folded.length >= 6 ? compilePhrase(folded, { choice: id }, 'label') : null;
    labelCache.set(key, phrase);
  }
  return phrase;
}

// A Thai particle may be stretched too ("ค่ะะ", "ครับบ"), so its last letter may repeat. A particle
// of a spaced script ("ji", "요") is a word of its own, so it needs a space before it.
const TRAILING_PARTICLES = new RegExp(
  `(?:${PARTICLES.map((p) => `${isUnspaced(p) ? '' : '(?<= )'}${escape(p)}${escape(p.at(-1) ?? '')}*`).join('|')})$`,
  'u',
);

function strip(text: string, words: readonly string[], atEnd: boolean): string {
  let s = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of words) {
      if (s.length <= w.length) continue;
      // Whether the word's script is spaced is asked only of a word found: the lists are long.
      if (atEnd && s.endsWith(w) && (s[s.length - w.length - 1] === ' ' || isUnspaced(w))) {
        s = s.slice(0, -w.length).trimEnd();
        changed = true;
      } else if (!atEnd && s.startsWith(w) && (s[w.length] === ' ' || isUnspaced(w))) {
        s = s.slice(w.length).trimStart();
        changed = true;
      }
    }
  }
  return s;
}

function stripParticles(text: string): string {
  let s = text;
  for (let m = s.match(TRAILING_PARTICLES); m && m.index! > 0; m = s.match(TRAILING_PARTICLES)) s = s.slice(0, m.index).trimEnd();
  return s;
}

/** Drops fillers from the start and particles or fillers from the end ("um yes", "ใช่ค่ะ", "sí porfa"). */
function trimAnswer(text: string): { core: string; withParticles: string } {
  const withParticles = strip(strip(text, FILLERS, false), FILLERS, true);
  return { core: strip(stripParticles(withParticles), FILLERS, true), withParticles };
}

/**
 * What a whole-answer phrase ("y", "มี", "ค่ะ") is compared with: the answer with and without its
 * fillers and particles, with Thai stretching undone, and each space-separated Thai part on its
 * own ("ไม่ๆ ใช่" is a "no" and a "yes", so it is asked again rather than read as either).
 */
function wholeForms(folded: string, core: string, withParticles: string): WholeForms {
  const full = [core, withParticles, folded];
  const parts = isUnspaced(core) && core.includes(' ') ? core.split(' ').map(stripParticles).filter(Boolean) : [];
  return { full: [...full, ...full.map(collapseUnspaced)], parts: [...parts, ...parts.map(collapseUnspaced)] };
}

interface WholeForms {
  full: readonly string[];
  parts: readonly string[];
}

/** Finds phrases longest first; each one found is blanked out, so the shorter phrases inside it are not found again. */
function findPhrases(core: string, whole: WholeForms, phrases: readonly Phrase[]): { hits: Hit[]; rest: string } {
  const hits: Hit[] = [];
  let rest = core;
  const blank = (start: number, end: number) => {
    rest = rest.slice(0, start) + '\u0001'.repeat(end - start) + rest.slice(end);
  };
  for (const phrase of phrases) {
    if (phrase.mode === 'whole') {
      if (whole.full.includes(phrase.folded)) {
        hits.push({ phrase, start: 0, end: core.length, words: phrase.folded });
        blank(0, core.length);
      } else if (whole.parts.includes(phrase.folded)) {
        // One space-separated part of a Thai answer: only that part is used up.
        const at = core.split(' ').findIndex((part) => part === phrase.folded || collapseUnspaced(stripParticles(part)) === phrase.folded || stripParticles(part) === phrase.folded);
        const start = at < 0 ? 0 : core.split(' ').slice(0, at).join(' ').length + (at > 0 ? 1 : 0);
        const end = at < 0 ? 0 : start + (core.split(' ')[at]?.length ?? 0);
        hits.push({ phrase, start, end, words: phrase.folded });
        blank(start, end);
      }
      continue;
    }
    for (const m of matchesOf(phrase.pattern, rest)) {
      if (phrase.mode === 'start' && m.index !== 0) continue;
      hits.push({ phrase, start: m.index, end: m.index + m[0].length, words: core.slice(m.index, m.index + m[0].length) });
      rest = rest.slice(0, m.index) + '\u0001'.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  return { hits, rest };
}

function endsWithWord(text: string, words: readonly string[]): string | undefined {
  const t = text.trimEnd();
  return words.find((w) => t.endsWith(w) && (isUnspaced(w) || t.length === w.length || /[^\p{L}\p{N}]/u.test(t[t.length - w.length - 1] ?? ' ')));
}

function startsWithWord(text: string, words: readonly string[]): string | undefined {
  const t = text.trimStart();
  return words.find((w) => t.startsWith(w) && (isUnspaced(w) || t.length === w.length || /[^\p{L}\p{N}]/u.test(t[w.length] ?? ' ')));
}

interface Age {
  range: [number, number];
  /** Said with "under", "over", "or more": a bound, not a bare number. */
  bounded: boolean;
  words: string;
}

/** Ages in the answer: digits and number words, with "under 13", "over 18", "18+", "18 ขึ้นไป" read as ranges. */
function findAges(core: string, rest: string, hits: readonly Hit[]): Age[] {
  const found: { value: number; start: number; end: number }[] = [];
  for (const m of rest.matchAll(/\d+/gu)) found.push({ value: Number(m[0]), start: m.index, end: m.index + m[0].length });
  for (const h of hits) if ('number' in h.phrase.meaning) found.push({ value: h.phrase.meaning.number, start: h.start, end: h.end });
  return found.map(({ value, start, end }) => {
    const before = core.slice(0, start);
    const after = core.slice(end);
    const below = endsWithWord(before, BELOW) ?? startsWithWord(after, BELOW_AFTER);
    const atLeast = endsWithWord(before, AT_LEAST) ?? startsWithWord(after, OR_MORE);
    const words = core.slice(start, end);
    if (below) return { range: [0, value - 1], bounded: true, words: before.endsWith(below) ? `${below} ${words}` : `${words} ${below}` };
    if (atLeast) return { range: [value, OLDEST], bounded: true, words: `${words} (${atLeast})` };
    return { range: [value, value], bounded: false, words };
  });
}

function choicesForIntent(intent: Intent, choices: readonly string[]): string[] {
  const pick = (test: (id: string) => boolean) => choices.filter(test);
  switch (intent) {
    case 'yes':
      return pick((id) => /:(?:yes|confirm)$/u.test(id));
    case 'no':
      return pick((id) => /:(?:no|cancel)$/u.test(id));
    case 'unsure':
      return pick((id) => id.endsWith(':unsure'));
    case 'self':
      return pick((id) => id === 'role:self');
    case 'helper':
      return pick((id) => id === 'role:helper');
    case 'nude':
      return pick((id) => id === 'content:yes');
    case 'not_nude':
      return pick((id) => id === 'content:no');
    case 'have_copy':
      return pick((id) => id === 'copy:yes');
    case 'no_copy':
      return pick((id) => id === 'copy:no');
    case 'new_link':
      return pick((id) => id === 'handoff:new_link');
    case 'human':
    case 'back':
    case 'confused':
      return [];
  }
}

/**
 * What the ages say at this step; `unclear` when an age was given that fits no choice or more
 * than one. `agrees` is a choice the age supports but cannot make alone (see below).
 */
function choicesForAges(ages: readonly Age[], choices: readonly string[]): { ids: string[]; unclear: boolean; agrees?: string } {
  if (ages.length === 0) return { ids: [], unclear: false };
  const low = Math.min(...ages.map((a) => a.range[0]));
  const high = Math.max(...ages.map((a) => a.range[1]));
  const plausible = ages.every((a) => a.bounded || (a.range[0] >= PLAUSIBLE_AGE[0] && a.range[0] <= PLAUSIBLE_AGE[1]));
  const bands = choices.filter((id) => id in AGE_BANDS);
  if (bands.length > 0) {
    if (!plausible) return { ids: [], unclear: true };
    const fits = bands.filter((id) => AGE_BANDS[id]![0] <= high && AGE_BANDS[id]![1] >= low);
    return fits.length === 1 ? { ids: fits, unclear: false } : { ids: [], unclear: true };
  }
  if (choices.includes('minor:yes')) {
    if (!plausible) return { ids: [], unclear: true };
    if (high <= 17) return { ids: ['minor:yes'], unclear: false };
    // "19" may be their age now, not then: only an explicit "18 or older" / "over 18" says no.
    // With a "no" beside it ("no, I was 19") it confirms that no.
    if (low >= 18 && ages.every((a) => a.bounded)) return { ids: ['minor:no'], unclear: false };
    return { ids: [], unclear: true, ...(low >= 18 ? { agrees: 'minor:no' } : {}) };
  }
  return { ids: [], unclear: false };
}

/** A sextortion story in the text, unless a negator just before denies it ("no one threatened me", "ไม่มีใครขู่"). */
export function findDisclosure(text: string): Evidence | null {
  const folded = fold(text);
  const unspacedText = isUnspaced(folded);
  const worth = new Uint8Array(DISCLOSURE.length);
  DISCLOSURE_SCREEN.mark(folded, worth);
  for (let i = 0; i < DISCLOSURE.length; i++) {
    const rule = DISCLOSURE[i]!;
    if (worth[i] !== 1 || (rule.unspaced && !unspacedText)) continue;
    for (const m of matchesOf(rule.pattern, folded)) {
      const end = m.index + m[0].length;
      let window = rule.unspaced ? folded.slice(Math.max(0, m.index - 12), m.index) : folded.slice(0, m.index).split(' ').slice(-4).join(' ');
      // "no, but he wants money": what comes after "but" is not denied.
      // Spaced scripts compare whole words ("ma" is not inside "m'a"); unspaced ones look for the word anywhere.
      if (rule.unspaced) {
        const but = Math.max(...rule.contrast.map((c) => (window.lastIndexOf(c) < 0 ? -1 : window.lastIndexOf(c) + c.length)));
        if (but >= 0) window = window.slice(but);
      } else {
        const words = window.split(' ');
        for (let i = words.length - 1; i >= 0; i--) {
          if (rule.contrast.includes(words[i]!)) {
            window = words.slice(i + 1).join(' ');
            break;
          }
        }
      }
      // Where negation follows the verb ("धमकी नहीं दी", "협박 안 했어요"), the words just after deny it.
      const after = rule.unspaced ? folded.slice(end, end + 6) : folded.slice(end).split(' ').slice(0, 3).join(' ');
      const denied = (rule.negators?.test(window) ?? false) || (rule.negatorsAfter?.test(after) ?? false);
      if (!denied) return { rule: 'disclosure', words: m[0], locale: rule.locale };
    }
  }
  return null;
}

/**
 * Reads a typed answer at the open question. First the contract of FLOW.md: a choice's label in
 * any language, its number or its id chooses it, and a command word is that command. Then the
 * lexicons: yes/no/not sure, who it is about, ages, asking for a person, going back. Pure and
 * synchronous; the phrase lists are compiled when the module loads.
 */
export function understand(text: string, context: AnswerContext): Understanding {
  const disclosure = findDisclosure(text);
  const exact = matchChoice(text, [...context.words], [...context.choices]);
  if (exact) {
    const rule = /^\s*\p{Nd}+\s*$/u.test(text) ? 'number' : 'label';
    return withDisclosure({ outcome: { kind: 'choice', id: exact }, disclosure, evidence: [{ rule, words: text.trim() }] }, context);
  }
  const folded = fold(text);
  if (folded === '') return { outcome: { kind: 'none' }, disclosure, evidence: [] };
  const { core, withParticles } = trimAnswer(folded);
  const whole = wholeForms(folded, core, withParticles);
  const letters = core.replaceAll(' ', '');
  const labels = context.words
    .filter((w) => context.choices.includes(w.id))
    .flatMap((w) => labelPhrases(w.id, w.words))
    .filter((p) => letters.includes(p.letters));
  // Labels go before lexicon phrases of the same length (the sort keeps the order of equals).
  const lexicon = candidatePhrases(core, whole);
  const phrases = labels.length > 0 ? [...labels, ...lexicon].sort(byLength) : lexicon;
  const { hits, rest } = findPhrases(core, whole, phrases);
  const story = core.length > STORY_LENGTH;
  const evidence: Evidence[] = [];
  const note = (rule: string, hit: Hit) => evidence.push({ rule, words: hit.words, locale: hit.phrase.locale });

  const intentHits = hits.filter((h): h is Hit & { phrase: { meaning: { intent: Intent } } } => 'intent' in h.phrase.meaning);
  const human = intentHits.find((h) => h.phrase.meaning.intent === 'human');
  if (human) {
    note('intent:human', human);
    return { outcome: { kind: 'choice', id: 'human' }, disclosure, evidence };
  }
  const back = intentHits.find((h) => h.phrase.meaning.intent === 'back');
  if (back) {
    note('intent:back', back);
    return { outcome: { kind: 'back' }, disclosure, evidence };
  }

  const candidates = new Set<string>();
  const answers = new Set<Intent>();
  for (const hit of hits) {
    const meaning = hit.phrase.meaning;
    if ('choice' in meaning) {
      candidates.add(meaning.choice);
      note('label', hit);
    } else if ('language' in meaning && context.choices.includes(`lang:${meaning.language}`)) {
      candidates.add(`lang:${meaning.language}`);
      note('language', hit);
    } else if ('intent' in meaning) {
      const answer = ANSWER_INTENTS.includes(meaning.intent);
      if (answer && story && hit.start > STORY_ANSWER_WITHIN) continue;
      if (answer) answers.add(meaning.intent);
      const ids = choicesForIntent(meaning.intent, context.choices);
      for (const id of ids) candidates.add(id);
      note(`intent:${meaning.intent}`, hit);
    }
  }
  const ages = findAges(core, rest, hits);
  const aged = choicesForAges(ages, context.choices);
  for (const id of aged.ids) candidates.add(id);
  for (const age of ages) evidence.push({ rule: 'age', words: age.words });

  const result = (outcome: Outcome): Understanding => withDisclosure({ outcome, disclosure, evidence }, context);
  if (answers.size > 1 && !(disclosure && context.choices.includes('threat:yes'))) {
    evidence.push({ rule: 'two-answers', words: [...answers].join('+') });
    return result({ kind: 'unclear', candidates: [...candidates] });
  }
  if (aged.unclear && !(aged.agrees && candidates.size === 1 && candidates.has(aged.agrees))) {
    return result({ kind: 'unclear', candidates: [...candidates] });
  }
  if (candidates.size === 1) return result({ kind: 'choice', id: [...candidates][0]! });
  if (candidates.size > 1) {
    evidence.push({ rule: 'two-choices', words: [...candidates].join('+') });
    return result({ kind: 'unclear', candidates: [...candidates] });
  }
  // An answer was given that this question has no choice for ("yes" to "about you or someone else?",
  // "idk" where there is no "not sure", a number beyond the choices): show the choices, numbered.
  if (answers.size > 0 || /^\d+$/u.test(core)) return result({ kind: 'unclear', candidates: [] });
  return result({ kind: 'none' });
}

/** At the threat question a disclosed threat is the answer: it outweighs a "no" said around it. */
function withDisclosure(u: Understanding, context: AnswerContext): Understanding {
  if (!u.disclosure || !context.choices.includes('threat:yes')) return u;
  if (u.outcome.kind === 'choice' && u.outcome.id === 'threat:yes') return u;
  if (u.outcome.kind === 'back' || (u.outcome.kind === 'choice' && !context.choices.includes(u.outcome.id))) return u;
  return { ...u, outcome: { kind: 'choice', id: 'threat:yes' }, evidence: [...u.evidence, u.disclosure] };
}

/** One line saying how an answer was read, for test failures and the staff transcript. */
export function explain(u: Understanding): string {
  const outcome =
    u.outcome.kind === 'choice' ? u.outcome.id : u.outcome.kind === 'unclear' ? `unclear(${u.outcome.candidates.join('|')})` : u.outcome.kind;
  const why = u.evidence.map((e) => `${e.rule} "${e.words}"${e.locale ? `[${e.locale}]` : ''}`).join(', ');
  return `${outcome}${why ? ` ← ${why}` : ''}${u.disclosure ? ` +disclosure "${u.disclosure.words}"[${u.disclosure.locale}]` : ''}`;
}
