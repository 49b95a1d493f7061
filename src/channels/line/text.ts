// LINE's text limits, counted the way LINE counts them (UTF-16 units) and cut only between whole characters.

/** LINE counts a character outside the Basic Multilingual Plane (most emoji) as two, i.e. UTF-16 units. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The UTF-16 offsets where a user-perceived character ends, up to `limit` (a Thai vowel mark stays on its consonant). */
function boundaries(text: string, limit: number): number[] {
  const ends: number[] = [];
  // Look a little past the limit so the character straddling it is seen whole and rejected.
  for (const { index, segment } of graphemes.segment(text.slice(0, limit + 32))) {
    const end = index + segment.length;
    if (end > limit) break;
    ends.push(end);
  }
  return ends;
}

/**
 * Shortens `text` to at most `max` UTF-16 units, ending in "…" when cut. Never splits an emoji,
 * a surrogate pair or a combining sequence, so a label never shows a broken glyph.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const ends = boundaries(text, max - 1);
  return `${text.slice(0, ends.at(-1) ?? 0).trimEnd()}…`;
}

/**
 * Splits `text` into pieces of at most `max` UTF-16 units, preferring paragraph, line and word
 * breaks in the second half of each piece, and otherwise cutting between whole characters.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const ends = boundaries(rest, max);
    const allowed = new Set(ends);
    const hard = ends.at(-1) ?? max;
    const window = rest.slice(0, hard);
    let cut = hard;
    for (const separator of ['\n\n', '\n', ' ']) {
      const at = window.lastIndexOf(separator);
      if (at > hard / 2 && allowed.has(at + separator.length)) {
        cut = at + separator.length;
        break;
      }
    }
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim()) pieces.push(rest);
  return pieces;
}
