// Spots messages that suggest self-harm or immediate danger, in any supported language, so crisis contacts go out at once.

// Why it leans the way it does: a teen in danger who gets no crisis message is far worse off
// than one who gets an extra one, so genuine risk phrasing is matched generously (typos,
// slang, "lol" after it, hyperbolic reasons like "so embarrassed I want to die"; shame is
// what drives sextortion suicides). Precision is spent only where a phrase is an everyday
// idiom with no wish or threat in it ("this is killing me", "dying of embarrassment",
// "เหนื่อยจะตาย", "me muero de vergüenza", "笑死", "je meurs de rire", "my mom's gonna kill me
// if she finds out"), and on the words the bot itself tells people to type: the engine checks
// risk before commands, so "help" / "ช่วยด้วย" / "ayúdame" must reach the person they ask for,
// not a crisis script.
//
// Each language's phrases live in ./risk/<code>.ts (one or more books: its own script and, where
// teens also write it in Latin letters, a romanised book); ./risk/book.ts folds and compiles them.
// The lists are written by non-native engineers and need a native speaker's review.

import { foldFor, ruleCount, type PhraseBook, type RiskKind, type Script } from './risk/book';
import { screenOf, type Screen } from './pattern-needs';
import { en } from './risk/en';
import { es } from './risk/es';
import { th } from './risk/th';
import { fr } from './risk/fr';
import { de } from './risk/de';
import { nl } from './risk/nl';
import { it } from './risk/it';
import { pt } from './risk/pt';
import { is } from './risk/is';
import { id } from './risk/id';
import { tl } from './risk/tl';
import { tr } from './risk/tr';
import { vi } from './risk/vi';
import { zh } from './risk/zh';
import { ko } from './risk/ko';
import { km } from './risk/km';
import { ar, arLatin } from './risk/ar';
import { ckb, ckbLatin } from './risk/ckb';
import { hi, hindustaniLatin } from './risk/hi';
import { ur, urLatin } from './risk/ur';
import { mr, mrLatin } from './risk/mr';
import { bn, bnLatin } from './risk/bn';
import { ta, taLatin } from './risk/ta';
import { ml, mlLatin } from './risk/ml';
import { si, siLatin } from './risk/si';

export type { RiskKind } from './risk/book';

/** A recognised risk, and the language whose phrase list recognised it. */
export interface RiskMatch {
  kind: RiskKind;
  locale: string;
}

// Danger first: when a message says both, the emergency number matters most.
const KINDS: readonly RiskKind[] = ['immediate_danger', 'self_harm'];

const BOOKS: Readonly<Record<string, readonly PhraseBook[]>> = {
  en: [en],
  th: [th],
  es: [es],
  fr: [fr],
  de: [de],
  nl: [nl],
  it: [it],
  pt: [pt],
  is: [is],
  id: [id],
  tl: [tl],
  tr: [tr],
  vi: [vi],
  zh: [zh],
  ko: [ko],
  km: [km],
  ar: [ar, arLatin],
  ckb: [ckb, ckbLatin],
  hi: [hi, hindustaniLatin],
  ur: [ur, urLatin],
  mr: [mr, mrLatin],
  bn: [bn, bnLatin],
  ta: [ta, taLatin],
  ml: [ml, mlLatin],
  si: [si, siLatin],
};

/** Languages with their own phrase lists. Every message is checked against all of them. */
export const RISK_LOCALES: readonly string[] = Object.freeze(Object.keys(BOOKS));

/** The person's language first (it names the match), then English, then the rest: people mix languages. */
function orderFor(first: string | null): readonly string[] {
  return [...new Set([...(first ? [first] : []), 'en', ...RISK_LOCALES])];
}

/** The reading order for each language with a book, and for every other (no book of its own first). */
const ORDERS = new Map(RISK_LOCALES.map((code) => [code, orderFor(code)]));
const DEFAULT_ORDER = orderFor(null);

function localeOrder(locale: string | null | undefined): readonly string[] {
  return ORDERS.get(locale?.toLowerCase().split(/[-_]/u)[0] ?? '') ?? DEFAULT_ORDER;
}

/** Every book's rules, screened per script: a message is folded once per script and tested only against patterns it could match. */
const SCREENS: ReadonlyMap<Script, Screen> = (() => {
  const byScript = new Map<Script, PhraseBook[]>();
  for (const phrases of Object.values(BOOKS).flat()) {
    const books = byScript.get(phrases.script);
    if (books) books.push(phrases);
    else byScript.set(phrases.script, [phrases]);
  }
  return new Map([...byScript].map(([script, books]) => [script, screenOf(books.flatMap((b) => [...b.rules.self_harm, ...b.rules.immediate_danger]))]));
})();
const RULES = ruleCount();

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
  /** 1 where a rule's pattern could match the message as folded for its script. */
  const worth = new Uint8Array(RULES);
  const fold = (script: Script): string => {
    let subject = folded[script];
    if (subject === undefined) {
      subject = folded[script] = foldFor(script, text);
      SCREENS.get(script)!.mark(subject, worth);
    }
    return subject;
  };
  const gates = new Map<RegExp, boolean>();
  const opens = (gate: RegExp): boolean => {
    let open = gates.get(gate);
    if (open === undefined) gates.set(gate, (open = gate.test(text)));
    return open;
  };
  const order = localeOrder(locale);
  for (const kind of KINDS) {
    for (const code of order) {
      for (const phrases of BOOKS[code] ?? []) {
        if (phrases.gate && !opens(phrases.gate)) continue;
        const subject = fold(phrases.script);
        for (const rule of phrases.rules[kind]) {
          if (worth[rule.id] === 1 && rule.pattern.test(subject) && !rule.unless?.test(subject)) return { kind, locale: code };
        }
      }
    }
  }
  return null;
}
