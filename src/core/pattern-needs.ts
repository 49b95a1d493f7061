// The characters a pattern cannot match without: a message lacking them is not tested against it (risk phrases, disclosures).

// Risk phrase books and disclosure patterns are read against every message, and nearly every
// message matches none of them ("hi", "yes", a Thai sentence against the Latin books). Each
// pattern is read once, at load, for the characters any match of it must contain: one set per way it can match
// ("kill myself" | "end it all" needs k,i,l,m,y,s,e,f or e,n,d,t,a,l). A message whose
// characters cover none of those sets cannot match, so its pattern is skipped, and the answer is
// the same as running every pattern. What the reader does not understand counts as "anything",
// which never skips a pattern wrongly: it only skips less.

/** Ways a pattern can match, each the characters that way needs. `[[]]` is "anything". */
export type Needs = readonly (readonly string[])[];

const ANYTHING: Needs = [[]];
/** More ways than this in one sequence, and a weaker need is kept instead (see `both`). */
const MOST_WAYS = 64;

/** The needs of a compiled pattern (its source and flags). */
export function needsOf(pattern: RegExp): Needs {
  // Without `u` a pattern's astral characters are two units; with `i` or `v` a letter is more than itself.
  if (!pattern.flags.includes('u') || /[iv]/u.test(pattern.flags)) return ANYTHING;
  try {
    return new Reader([...pattern.source]).read();
  } catch {
    return ANYTHING;
  }
}

/** True when a message with these characters could match a pattern with these needs. */
export function couldMatch(needs: Needs, chars: ReadonlySet<string>): boolean {
  return needs.some((way) => way.every((c) => chars.has(c)));
}

/** A recursive-descent reader of the regular-expression subset the phrase books use. */
class Reader {
  private at = 0;

  constructor(private readonly source: readonly string[]) {}

  read(): Needs {
    const needs = this.alternatives();
    if (this.at !== this.source.length) throw new Error('unread pattern');
    return needs;
  }

  private alternatives(): Needs {
    const ways: (readonly string[])[] = [...this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      ways.push(...this.sequence());
    }
    return simplify(ways);
  }

  private sequence(): Needs {
    let needs = ANYTHING;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      // An atom that may be left out (`?`, `*`, `{0,…}`) needs nothing.
      needs = both(needs, this.leastRepeats() === 0 ? ANYTHING : atom);
    }
    return needs;
  }

  /** Reads the quantifier after an atom, if any (lazy or not), and returns the fewest times it lets the atom match. */
  private leastRepeats(): number {
    const q = this.source[this.at];
    let least = 1;
    if (q === '?' || q === '*') {
      this.at++;
      least = 0;
    } else if (q === '+') {
      this.at++;
    } else if (q === '{') {
      const match = /^\{(\d+)(?:,\d*)?\}/u.exec(this.source.slice(this.at, this.at + 16).join(''));
      if (!match) throw new Error('unread quantifier');
      this.at += match[0].length;
      least = Number(match[1]);
    } else {
      return least;
    }
    if (this.source[this.at] === '?') this.at++; // lazy
    return least;
  }

  private atom(): Needs {
    const c = this.source[this.at++]!;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        this.skipClass();
        return ANYTHING;
      case '\\':
        return this.escape();
      case '.':
      case '^':
      case '$':
        return ANYTHING;
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case ']':
      case '}':
        throw new Error('unexpected syntax');
      default:
        return [[c]];
    }
  }

  private group(): Needs {
    let lookaround = false;
    if (this.source[this.at] === '?') {
      const next = this.source[this.at + 1];
      const after = this.source[this.at + 2];
      if (next === ':') this.at += 2;
      else if (next === '=' || next === '!') {
        this.at += 2;
        lookaround = true;
      } else if (next === '<' && (after === '=' || after === '!')) {
        this.at += 3;
        lookaround = true;
      } else throw new Error('unread group'); // named groups, modifiers
    }
    const inner = this.alternatives();
    if (this.source[this.at] !== ')') throw new Error('unclosed group');
    this.at++;
    // A lookaround consumes nothing of the match.
    return lookaround ? ANYTHING : inner;
  }

  private skipClass() {
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      if (this.source[this.at] === '\\') this.at++;
      this.at++;
    }
    if (this.source[this.at] !== ']') throw new Error('unclosed class');
    this.at++;
  }

  private escape(): Needs {
    const e = this.source[this.at++];
    if (e === undefined) throw new Error('trailing escape');
    if (e === 'p' || e === 'P') {
      if (this.source[this.at] !== '{') throw new Error('unread property');
      while (this.at < this.source.length && this.source[this.at] !== '}') this.at++;
      this.at++;
      return ANYTHING;
    }
    // Classes, boundaries and back-references need nothing certain; written code points are not read.
    if (/[0-9A-Za-z]/u.test(e)) {
      if (/[dDsSwWbB1-9]/u.test(e)) return ANYTHING;
      throw new Error('unread escape');
    }
    // `\.`, `\?`, `\\`: the character itself.
    return [[e]];
  }
}

/**
 * Every way of A followed by every way of B. Past MOST_WAYS, one of three weaker needs that still
 * hold is kept, the one whose least demanding way needs most: A's alone, B's alone, or what every
 * way of A and every way of B share.
 */
function both(a: Needs, b: Needs): Needs {
  if (a.length * b.length <= MOST_WAYS) return simplify(a.flatMap((x) => b.map((y) => [...x, ...y])));
  const options = [a, b, simplify([[...shared(a), ...shared(b)]])];
  const least = (needs: Needs) => Math.min(...needs.map((way) => way.length));
  return options.reduce((best, option) => (least(option) > least(best) ? option : best));
}

/** The characters every way needs. */
function shared(needs: Needs): string[] {
  return needs.reduce<string[]>((common, way) => common.filter((c) => way.includes(c)), [...needs[0]!]);
}

/** Distinct characters per way; a way that needs nothing makes the whole "anything"; ways that need more than another are dropped. */
function simplify(ways: readonly (readonly string[])[]): Needs {
  const sets = ways.map((way) => [...new Set(way)]);
  if (sets.some((set) => set.length === 0)) return ANYTHING;
  return sets.filter((set, i) => !sets.some((other, j) => j !== i && covers(set, other) && (other.length < set.length || j < i)));
}

/** True when `set` has every character of `other`. */
function covers(set: readonly string[], other: readonly string[]): boolean {
  return other.every((c) => set.includes(c));
}

/** Marks, for a message, the patterns it could match: the ones worth testing. */
export interface Screen {
  /** Sets `worth[id]` to 1 for every rule of the screen that `subject` could match. */
  mark(subject: string, worth: Uint8Array): void;
}

/** Characters that get a bit of a way's mask: the most needed ones of a script. */
const MASK_BITS = 64;

/** Which UTF-16 units the message being screened has (set, then cleared, within one `mark`). */
const SEEN = new Uint8Array(0x10000);

/**
 * Keeps each way of each rule as a 64-bit mask of the characters it needs (the 64 most needed
 * across the rules, as two 32-bit words), with any others listed beside it, and files it under
 * its rarest character. A message is read once for the distinct characters it has; only the ways
 * filed under those are looked at, each with a few integer operations. Characters outside the
 * Basic Multilingual Plane (none are in today's books) are checked by searching the message.
 */
export function screenOf(rules: readonly { readonly id: number; readonly needs: Needs }[]): Screen {
  const single = (c: string) => c.length === 1;
  const frequency = new Map<string, number>();
  for (const rule of rules) for (const way of rule.needs) for (const c of way) if (single(c)) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  const bitOf = new Map(
    [...frequency]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MASK_BITS)
      .map(([c], i) => [c.charCodeAt(0), i] as const),
  );
  const always: number[] = [];
  const owner: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  /** Per way: needed units without a bit, and needed characters of two units; null when none. */
  const units: (readonly number[] | null)[] = [];
  const astral: (readonly string[] | null)[] = [];
  /** Ways with no single-unit character to be filed under: looked at for every message. */
  const unfiled: number[] = [];
  const filed = new Map<number, number[]>();
  for (const rule of rules) {
    for (const way of rule.needs) {
      if (way.length === 0) {
        always.push(rule.id);
        continue;
      }
      const k = owner.length;
      let [lo, hi] = [0, 0];
      const others: number[] = [];
      const pairs: string[] = [];
      for (const c of way) {
        const b = single(c) ? bitOf.get(c.charCodeAt(0)) : undefined;
        if (!single(c)) pairs.push(c);
        else if (b === undefined) others.push(c.charCodeAt(0));
        else if (b < 32) lo |= 1 << b;
        else hi |= 1 << (b - 32);
      }
      owner.push(rule.id);
      low.push(lo);
      high.push(hi);
      units.push(others.length > 0 ? others : null);
      astral.push(pairs.length > 0 ? pairs : null);
      const candidates = way.filter(single);
      if (candidates.length === 0) {
        unfiled.push(k);
        continue;
      }
      const key = candidates.reduce((rarest, c) => (frequency.get(c)! < frequency.get(rarest)! ? c : rarest)).charCodeAt(0);
      const entries = filed.get(key);
      if (entries) entries.push(k);
      else filed.set(key, [k]);
    }
  }
  const byUnit = new Map([...filed].map(([unit, ks]) => [unit, Int32Array.from(ks)] as const));

  return {
    mark(subject, worth) {
      for (const id of always) worth[id] = 1;
      const distinct: number[] = [];
      let lo = 0;
      let hi = 0;
      for (let i = 0; i < subject.length; i++) {
        const unit = subject.charCodeAt(i);
        if (SEEN[unit] === 1) continue;
        SEEN[unit] = 1;
        distinct.push(unit);
        const b = bitOf.get(unit);
        if (b === undefined) continue;
        if (b < 32) lo |= 1 << b;
        else hi |= 1 << (b - 32);
      }
      const consider = (k: number) => {
        const id = owner[k]!;
        if (worth[id] === 1) return;
        const l = low[k]!;
        const h = high[k]!;
        if ((l & lo) !== l || (h & hi) !== h) return;
        const others = units[k];
        if (others && !others.every((unit) => SEEN[unit] === 1)) return;
        const pairs = astral[k];
        if (pairs && !pairs.every((c) => subject.includes(c))) return;
        worth[id] = 1;
      };
      try {
        for (const unit of distinct) {
          const ks = byUnit.get(unit);
          if (ks) for (let i = 0; i < ks.length; i++) consider(ks[i]!);
        }
        for (const k of unfiled) consider(k);
      } finally {
        for (const unit of distinct) SEEN[unit] = 0;
      }
    },
  };
}
