// Text normalisation before storage: what a person or staff member typed, made safe for every database and screen.

/** Longest text kept from one message; platforms allow less (Telegram 4096, LINE 5000, Messenger 2000 bytes). */
export const MAX_TEXT_LENGTH = 5000;

/**
 * C0 controls except tab and newline, DEL, and lone surrogates. PostgreSQL refuses U+0000 in text
 * (22021), lone surrogates are not valid UTF-8 anywhere, and the other controls only garble screens.
 * `\r\n` and `\r` become `\n` first, so a line break typed on any platform survives.
 */
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Normalises text for storage: line breaks unified, unwanted controls and lone surrogates dropped,
 * NFC (so the same Thai or accented word is stored one way), at most `max` UTF-16 units, never
 * cutting a surrogate pair.
 */
export function normalizeText(text: string, max: number = MAX_TEXT_LENGTH): string {
  let clean = text.replace(/\r\n?/g, '\n').replace(UNWANTED, '').normalize('NFC');
  if (clean.length > max) {
    let cut = max;
    const code = clean.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    clean = clean.slice(0, cut);
  }
  return clean;
}

/** The same for a value that may not be a string at all: anything else passes through untouched, for the caller's own check. */
export function normalizeIfText<T>(value: T): T | string {
  return typeof value === 'string' ? normalizeText(value) : value;
}
