// Checks every `locales/<lng>/translation.json` against the English source of truth: same keys,
// same placeholders and nesting, short button labels, usable command words, and that i18next
// really renders the nested contacts. Locales are discovered from the directory, so a new one is
// checked as soon as its folder exists.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { COMMANDS, STEPS, offeredChoices, type Step } from '../flows/intake';
import { normaliseAnswer } from '../src/core/choices';

/** `RECLAIM_LOCALES_DIR` points the checks at another tree (used to check this test itself). */
const LOCALES_DIR = process.env.RECLAIM_LOCALES_DIR ?? join(import.meta.dirname, '..', 'locales');
const SOURCE = 'en';
/** LINE quick-reply and button labels are cut at 20 characters; Telegram buttons are narrow too. */
const MAX_LABEL = 20;
/** Keys rendered as a button besides `choice.*`: the hashing link. */
const BUTTON_KEYS = ['handoff.link_label'];
/** Steps whose choices are ordinary answers to a question (not commands or confirmations). */
const ANSWER_PREFIXES = ['role:', 'minor:', 'age:', 'content:', 'threat:', 'copy:'];
/** Capitalised acronyms that are names, not words the bot asks people to type. */
const ACRONYMS = new Set(['NCMEC', 'TICAC', 'ANAR', 'INCIBE']);

type Json = { [key: string]: Json } | string;
type Flat = Map<string, string>;

function loadResources(): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const lng of readdirSync(LOCALES_DIR).sort()) {
    const file = join(LOCALES_DIR, lng, 'translation.json');
    if (existsSync(file)) found.set(lng, JSON.parse(readFileSync(file, 'utf8')) as Json);
  }
  return found;
}

/** Flattens nested resources to `a.b` keys; a non-string leaf is kept as its JSON so it fails loudly. */
function flatten(node: Json, prefix = '', out: Flat = new Map()): Flat {
  if (typeof node === 'string') {
    out.set(prefix, node);
    return out;
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    out.set(prefix, JSON.stringify(node));
    return out;
  }
  for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

const placeholders = (value: string): string[] =>
  [...new Set([...value.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => (m[1] ?? '').trim()))].sort();
const nestings = (value: string): string[] =>
  [...new Set([...value.matchAll(/\$t\(([^)]*)\)/g)].map((m) => (m[1] ?? '').trim()))].sort();
const length = (value: string): number => [...value].length;
const alternatives = (value: string): string[] => value.split('|');

/** Words the bot tells people to type: CAPITALS in cased scripts, "quoted" text in scripts without case. */
function typedWords(value: string): string[] {
  const words: string[] = [];
  for (const m of value.matchAll(/(?<![\p{L}\p{M}])\p{Lu}{3,}(?![\p{L}\p{M}])/gu)) {
    if (!ACRONYMS.has(m[0])) words.push(m[0]);
  }
  for (const m of value.matchAll(/["“«]([^"”»\n]{1,40})["”»]/g)) words.push(m[1] ?? '');
  return words;
}

/** Word-aware containment (Thai has no spaces, so plain `includes` would over-match English). */
function containsWords(haystack: string, needle: string, lng: string): boolean {
  const segmenter = new Intl.Segmenter(lng, { granularity: 'word' });
  const words = (s: string) =>
    [...segmenter.segment(s.toLowerCase())].filter((seg) => seg.isWordLike).map((seg) => seg.segment);
  const hay = words(haystack);
  const need = words(needle);
  if (need.length === 0) return false;
  for (let i = 0; i + need.length <= hay.length; i++) {
    if (need.every((w, j) => hay[i + j] === w)) return true;
  }
  return false;
}

const resources = loadResources();
const flat = new Map([...resources].map(([lng, json]) => [lng, flatten(json)] as const));
const source = flat.get(SOURCE);
const locales = [...flat.keys()];

function get(lng: string): Flat {
  const f = flat.get(lng);
  if (!f) throw new Error(`no resources for ${lng}`);
  return f;
}

function entries(lng: string, prefix: string): [string, string][] {
  return [...get(lng)].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]);
}

describe('locale discovery', () => {
  it('finds the English source and at least the shipped locales', () => {
    expect(source, 'locales/en/translation.json is the source of truth').toBeDefined();
    expect(locales).toEqual(expect.arrayContaining(['en', 'th', 'es']));
  });
});

describe.each(locales)('locale %s', (lng) => {
  const mine = get(lng);
  const en = source ?? new Map<string, string>();

  it('has exactly the keys of English', () => {
    const missing = [...en.keys()].filter((k) => !mine.has(k));
    const extra = [...mine.keys()].filter((k) => !en.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('keeps every {{placeholder}} and $t() reference of English, no more and no fewer', () => {
    const wrong: string[] = [];
    for (const [key, value] of mine) {
      const reference = en.get(key);
      if (reference === undefined) continue;
      const a = JSON.stringify({ p: placeholders(value), t: nestings(value) });
      const b = JSON.stringify({ p: placeholders(reference), t: nestings(reference) });
      if (a !== b) wrong.push(`${key}: ${a} (English ${b})`);
    }
    expect(wrong).toEqual([]);
  });

  it('nests only keys that exist, and never itself', () => {
    const wrong: string[] = [];
    for (const [key, value] of mine) {
      for (const ref of nestings(value)) {
        if (ref === key || !mine.has(ref)) wrong.push(`${key} -> ${ref}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no empty value', () => {
    const empty = [...mine].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('describes itself (meta.name, meta.dir)', () => {
    expect(mine.get('meta.name')?.trim()).toBeTruthy();
    expect(['ltr', 'rtl']).toContain(mine.get('meta.dir'));
  });

  it(`keeps button labels to ${MAX_LABEL} characters`, () => {
    const buttons = [
      ...entries(lng, 'choice.').map(([id, label]) => [`choice.${id}`, label] as const),
      ...BUTTON_KEYS.map((key) => [key, mine.get(key) ?? ''] as const),
    ];
    const long = buttons.filter(([, label]) => length(label) > MAX_LABEL).map(([key, label]) => `${key}: ${label} (${length(label)})`);
    expect(long).toEqual([]);
  });

  it('names each language in that language (lang:* labels match English)', () => {
    const wrong = entries(SOURCE, 'choice.lang:')
      .filter(([id, label]) => mine.get(`choice.lang:${id}`) !== label)
      .map(([id]) => id);
    expect(wrong).toEqual([]);
  });

  it('has no empty or padded command alternative', () => {
    const wrong: string[] = [];
    for (const [command, value] of entries(lng, 'command.')) {
      for (const word of alternatives(value)) {
        if (word.trim() === '' || word !== word.trim()) wrong.push(`${command}: "${value}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('recognises every word it tells people to type', () => {
    const known = new Set(
      [lng, SOURCE].flatMap((l) => [
        ...entries(l, 'command.').flatMap(([, v]) => alternatives(v)),
        ...entries(l, 'choice.').map(([, v]) => v),
      ]).map(normaliseAnswer),
    );
    const unknown: string[] = [];
    for (const [key, value] of mine) {
      if (key.startsWith('command.') || key.startsWith('choice.')) continue;
      for (const word of typedWords(value)) if (!known.has(normaliseAnswer(word))) unknown.push(`${key}: ${word}`);
    }
    expect(unknown).toEqual([]);
  });

  it('hides no command word inside an ordinary answer', () => {
    const answers = entries(lng, 'choice.').filter(([id]) => ANSWER_PREFIXES.some((p) => id.startsWith(p)));
    const hidden: string[] = [];
    for (const [command, value] of entries(lng, 'command.')) {
      for (const word of alternatives(value)) {
        for (const [id, label] of answers) if (containsWords(label, word, lng)) hidden.push(`${command} "${word}" in ${id} "${label}"`);
      }
    }
    expect(hidden).toEqual([]);
  });

  it('sends adults whose images were taken at 18+ to StopNCII.org', () => {
    expect(mine.get('adult.info')).toContain('StopNCII.org');
  });
});

describe('free-text answers across all locales', () => {
  /** Every word that selects `id`, as the engine builds it: labels in every locale plus command words. */
  const wordsFor = (id: string): string[] =>
    locales.flatMap((lng) => {
      const f = get(lng);
      const label = f.get(`choice.${id}`);
      const command = f.get(`command.${id}`);
      return [...(label ? [label] : []), ...(command ? alternatives(command).filter(Boolean) : [])];
    });

  it.each(Object.keys(STEPS) as Step[])('never lets one typed word pick two choices at step %s', (step) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const id of new Set(offeredChoices({ step }))) {
      for (const word of wordsFor(id)) {
        const normal = normaliseAnswer(word);
        const first = owner.get(normal);
        if (first === undefined) owner.set(normal, id);
        else if (first !== id) clashes.push(`"${word}" selects ${first} and ${id}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no label or command word that would be read as a choice number', () => {
    const ids = [...new Set([...Object.values(STEPS).flatMap((s) => s.choices), ...COMMANDS])];
    const numeric = ids.flatMap((id) => wordsFor(id).filter((w) => /^\d{1,2}$/.test(normaliseAnswer(w))).map((w) => `${id}: ${w}`));
    expect(numeric).toEqual([]);
  });
});

describe('locale contacts (FLOW.md "Contacts")', () => {
  // Numbers live in src/core/contacts/directory.ts, one sourced list; the texts only frame them.
  // test/core/contacts.test.ts checks that a Thai teen's crisis message carries 1387, 1300 and 191.
  it.each(locales)('%s frames the contacts list in the crisis, sextortion and no-copy texts', (lng) => {
    const f = get(lng);
    for (const key of ['risk.crisis', 'contacts.all', 'contacts.for_country', 'no_copy.info', 'no_copy.info_helper']) {
      expect(f.get(key), `${lng} ${key}`).toContain('{{contacts}}');
    }
    expect(get('th').get('human.queued')).toContain('191');
  });
});

describe('Thai register', () => {
  const th = get('th');
  it('speaks with one voice: ค่ะ/คะ, never ครับ', () => {
    expect([...th].filter(([, v]) => v.includes('ครับ')).map(([k]) => k)).toEqual([]);
  });
  it('uses Thai command words only (the engine always accepts the English ones too)', () => {
    const latin = entries('th', 'command.').flatMap(([command, v]) =>
      alternatives(v).filter((w) => /[A-Za-z]/.test(w)).map((w) => `${command}: ${w}`),
    );
    expect(latin).toEqual([]);
  });
  it('keeps polite particles out of labels and command words (they are the person’s own words)', () => {
    const gendered = [...th]
      .filter(([k]) => k.startsWith('choice.') || k.startsWith('command.'))
      .filter(([, v]) => /ค่ะ|คะ|ครับ|นะคะ/.test(v))
      .map(([k]) => k);
    expect(gendered).toEqual([]);
  });
});

describe('rendering with i18next', () => {
  async function init() {
    const instance = i18next.createInstance();
    await instance.init({
      resources: Object.fromEntries([...resources].map(([lng, json]) => [lng, { translation: json }])),
      lng: 'th',
      fallbackLng: 'en',
      nsSeparator: false,
      interpolation: { escapeValue: false },
    });
    return instance;
  }

  it('renders contacts.all in Thai around the list it is given', async () => {
    const i18n = await init();
    const text = i18n.t('contacts.all', { lng: 'th', contacts: '• 1387' });
    expect(text).toContain('1387');
    expect(text).toMatch(/[\u0E00-\u0E7F]/);
    expect(text).not.toContain('$t(');
    expect(text).not.toBe('contacts.all');
  });

  it.each(locales)('renders every key of %s with nothing left unresolved', async (lng) => {
    const i18n = await init();
    const params = { caseNumber: 'ABCD-EFGH', date: '1', state: 'x', platform: 'P', lines: '• x', contacts: '• x', name: 'N', how: '1', heard: 'ok', language: 'L', platforms: 'A and B', back: 'Monday 08:00' };
    const wrong: string[] = [];
    for (const key of get(lng).keys()) {
      const text = i18n.t(key, { lng, ...params });
      if (text === key || text.includes('$t(') || text.includes('{{')) wrong.push(`${key}: ${text}`);
    }
    expect(wrong).toEqual([]);
  });

  it('picks the _helper wording with context, and choice ids containing ":"', async () => {
    const i18n = await init();
    const th = get('th');
    expect(i18n.t('minor.ask', { lng: 'th', context: 'helper' })).toBe(th.get('minor.ask_helper'));
    expect(i18n.t('minor.ask', { lng: 'th' })).toBe(th.get('minor.ask'));
    expect(i18n.t('choice.lang:th', { lng: 'es' })).toBe('ภาษาไทย');
    expect(i18n.t('withdraw.confirm', { lng: 'th', caseNumber: 'ABCD-EFGH' })).toContain('ABCD-EFGH');
  });
});

describe.each(locales)('hashing page texts (page.json) for %s', (lng) => {
  const pageFlat = (l: string): Flat => {
    const file = join(LOCALES_DIR, l, 'page.json');
    return existsSync(file) ? flatten(JSON.parse(readFileSync(file, 'utf8')) as Json) : new Map();
  };
  const mine = pageFlat(lng);
  const en = pageFlat(SOURCE);

  it('has exactly the keys and placeholders of English, none empty', () => {
    expect([...mine.keys()].sort()).toEqual([...en.keys()].sort());
    const wrong = [...mine].filter(([key, value]) => value.trim() === '' || JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(en.get(key) ?? '')));
    expect(wrong.map(([key]) => key)).toEqual([]);
    expect(['ltr', 'rtl']).toContain(mine.get('meta.dir'));
    expect(mine.get('meta.dir')).toBe(get(lng).get('meta.dir'));
  });

  it('names the chat’s own “new link” button and a help word the bot understands', () => {
    const newLink = get(lng).get('choice.handoff:new_link') ?? '';
    for (const key of ['expired.body', 'nolink.body', 'maybe_sent.body']) expect(mine.get(key), key).toContain(newLink);
    const helpWords = [...alternatives(get(lng).get('command.human') ?? ''), ...alternatives(get(SOURCE).get('command.human') ?? '')].map(normaliseAnswer);
    const told = typedWords(mine.get('help.text') ?? '').map(normaliseAnswer);
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((word) => helpWords.includes(word))).toBe(true);
  });
});
