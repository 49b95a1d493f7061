// Renders a RenderedMessage as Telegram sendMessage calls: plain text in parts of at most 4096, buttons on the last part.

import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { RenderedMessage } from '../../core/messages';

/** Telegram's limit on one message's text. */
export const MAX_TEXT_LENGTH = 4096;
/** Telegram's limit on a button's callback_data, in bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

/** One sendMessage call: no parse_mode, so no text ever needs escaping. */
export interface TelegramSend {
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

/**
 * Renders a message as one or more sends. The handoff link is a URL button (first, it is what
 * matters most); each choice is a button of its own row whose callback_data is the choice id.
 */
export function renderMessage(message: RenderedMessage): TelegramSend[] {
  const parts = splitText(message.text, MAX_TEXT_LENGTH);
  const keyboard = new InlineKeyboard();
  if (message.link?.url) keyboard.url(message.link.label, message.link.url).row();
  for (const choice of message.choices) {
    if (Buffer.byteLength(choice.id, 'utf8') > MAX_CALLBACK_DATA_BYTES) throw new RangeError(`choice id longer than ${MAX_CALLBACK_DATA_BYTES} bytes`);
    keyboard.text(choice.label, choice.id).row();
  }
  const rows = keyboard.inline_keyboard.filter((row) => row.length > 0);
  const sends: TelegramSend[] = parts.map((text) => ({ text }));
  if (rows.length > 0) sends[sends.length - 1]!.replyMarkup = { inline_keyboard: rows };
  return sends;
}

/**
 * Splits text into parts of at most `limit` UTF-16 units (what Telegram counts), preferring a
 * paragraph break, then a line break, then a space, and never cutting a surrogate pair.
 */
export function splitText(text: string, limit: number = MAX_TEXT_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = breakPoint(rest, limit);
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    const part = rest.slice(0, cut).trimEnd();
    if (part.length > 0) parts.push(part);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

function breakPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  // A break in the last quarter or so only; earlier would make a needlessly short part.
  const floor = Math.floor(limit * 0.7);
  for (const separator of ['\n\n', '\n', ' ']) {
    // Cut before the separator; the next part drops it as leading whitespace.
    const at = window.lastIndexOf(separator);
    if (at >= floor) return at;
  }
  return limit;
}
