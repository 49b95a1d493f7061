// Page text made readable on a phone: quoted keywords and case numbers never split across lines, helpline numbers dialable.

import { CASE_ALPHABET } from '../../core/case-number';

/** A piece of a text: free to wrap, kept on one line, or a number to call. */
export type RichPiece = { kind: 'text'; text: string } | { kind: 'keep'; text: string } | { kind: 'phone'; text: string; dial: string };

const QUOTED = String.raw`“[^“”\n]{1,40}”|"[^"\n]{1,40}"|«[^«»\n]{1,40}»`;
/** `XXXX-XXXX`, with an optional two-letter prefix (`RC-XXXX-XXXX`). */
const CASE_NUMBER = String.raw`\b(?:[A-Z]{2}-)?[${CASE_ALPHABET}]{4}-[${CASE_ALPHABET}]{4}\b`;
/**
 * Three or more digits, in groups joined by one space or hyphen, with no letter, digit or URL
 * punctuation of Latin script either side ("1387", "900 20 20 10", "1-800-843-5678"). Thai letters
 * may touch it: Thai writes "โทร191" without a space.
 */
const PHONE = String.raw`(?<![A-Za-z0-9_/.:+@-])\+?\d+(?:[ -]\d+)*(?![A-Za-z0-9_/@-]|[.:]\d)`;
const PIECES = new RegExp(`(${QUOTED})|(${CASE_NUMBER})|(${PHONE})`, 'g');

/** Pure: splits `text` into pieces, in order; joined, they are `text` again. */
export function splitRichText(text: string): RichPiece[] {
  const pieces: RichPiece[] = [];
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(PIECES)) {
    const [whole, quoted, caseNumber] = match;
    const piece: RichPiece | null = quoted || caseNumber ? { kind: 'keep', text: whole } : phoneNumber(whole);
    if (piece === null) continue;
    plain += text.slice(last, match.index);
    if (plain) pieces.push({ kind: 'text', text: plain });
    plain = '';
    pieces.push(piece);
    last = match.index + whole.length;
  }
  plain += text.slice(last);
  if (plain) pieces.push({ kind: 'text', text: plain });
  return pieces;
}

function phoneNumber(text: string): RichPiece | null {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3 || digits.length > 15) return null;
  // A year, Gregorian or Thai Buddhist (2568), is not a number to call.
  if (/^\d{4}$/.test(text) && ((+text >= 1900 && +text <= 2099) || (+text >= 2400 && +text <= 2699))) return null;
  return { kind: 'phone', text, dial: `tel:${text.startsWith('+') ? '+' : ''}${digits}` };
}

/**
 * DOM nodes for `text`: kept pieces in a span and numbers in a `tel:` link, both unbreakable.
 * Text goes in as text nodes only, so nothing is ever parsed as markup. The style is set through
 * the CSSOM, which the pages' Content-Security-Policy allows, so no stylesheet needs a rule for it.
 */
export function richText(text: string): Node[] {
  return splitRichText(text).map((piece) => {
    if (piece.kind === 'text') return document.createTextNode(piece.text);
    const element = piece.kind === 'phone' ? Object.assign(document.createElement('a'), { href: piece.dial }) : document.createElement('span');
    element.textContent = piece.text;
    element.style.whiteSpace = 'nowrap';
    return element;
  });
}
