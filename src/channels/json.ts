// Reads a webhook body as JSON with a bound on nesting, so a hostile body cannot exhaust the stack of any code that walks it.

/** Platforms' webhook bodies nest a dozen levels at most; anything far deeper is not theirs to send. */
export const MAX_JSON_DEPTH = 64;

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: 'not_json' | 'too_deep' };

/**
 * Decodes (strict UTF-8 unless `fatal` is false) and parses `raw`. Nesting is measured on the text first: V8's parser
 * copes with any depth, but JSON.stringify, SDKs and validators recurse and overflow the stack.
 */
export function parseJsonBody(raw: Uint8Array, options: { maxDepth?: number; fatal?: boolean } = {}): JsonResult {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: options.fatal ?? true }).decode(raw);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  if (nestingDepth(text) > maxDepth) return { ok: false, reason: 'too_deep' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'not_json' };
  }
}

/** The deepest nesting of arrays and objects in JSON text, ignoring brackets inside strings. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
