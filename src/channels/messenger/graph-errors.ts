// Classifies failed Graph API calls into the outbox's vocabulary: rate limit, retryable, blocked, outside the window, or final.

import { PlatformError } from '../../core/errors';
import type { GraphError } from './types';

// Codes from Meta's Send API error table (developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes,
// and the newer "Common Error Codes" page under messenger-platform/error-codes) and from observed responses:
//   4 application request limit, 17 user request limit, 32 Page request limit, 613 "Calls to this API have exceeded the rate limit".
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
//   1 unknown error, 2 "An unexpected error has occurred. Please retry your request later.", 1200 "Temporary send message failure".
const RETRYABLE_CODES = new Set([1, 2, 1200]);
//   10/2018278 "This message is sent outside of allowed window", 10/2018065 the older wording of the same
//   (see microsoft/botframework-sdk#2050); 2534022 is its Instagram twin. The person can reopen the window.
const OUTSIDE_WINDOW_SUBCODES = new Set([2018278, 2018065, 2534022]);
//   551 "This person isn't available right now" (microsoft/botframework-sdk#4556, with subcode 1545041),
//   200/1545041 "Message Not Sent: This person isn't receiving messages from you right now",
//   10/2018108 "This Person Cannot Receive Messages: This person isn't receiving messages from you right now".
const BLOCKED_WORDING = /isn[’']t (?:available right now|receiving messages from you)/i;

/** Reads the Graph `error` object out of a response body, if there is one. */
export function graphErrorOf(body: unknown): GraphError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as GraphError) : undefined;
}

/**
 * The PlatformError for a failed Send API call. `status` is the HTTP status; `body` the parsed JSON
 * (or undefined). Graph's own message is not copied into the error: only codes travel, so nothing
 * a person wrote can end up in a log line.
 */
export function classifyGraphFailure(status: number, body: unknown, headers?: Headers): PlatformError {
  const error = graphErrorOf(body);
  const code = typeof error?.code === 'number' ? error.code : undefined;
  const subcode = typeof error?.error_subcode === 'number' ? error.error_subcode : undefined;
  const label = code === undefined ? `HTTP ${status}` : subcode === undefined ? `${code}` : `${code}/${subcode}`;
  const details = { code: label };
  const wording = typeof error?.message === 'string' ? error.message : '';

  if (code === 551 || (code === 10 && subcode === 2018108) || (code === 200 && subcode === 1545041) || BLOCKED_WORDING.test(wording)) {
    return new PlatformError(`Graph API: the person cannot be messaged (${label})`, status, { ...details, blocked: true });
  }
  if (code === 10 && subcode !== undefined && OUTSIDE_WINDOW_SUBCODES.has(subcode)) {
    return new PlatformError(`Graph API: outside the 24-hour window (${label})`, status, { ...details, hold: true });
  }
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    // Graph gives no retry_after; a Retry-After header is honoured if a proxy in between adds one.
    const retryAfter = retryAfterSeconds(headers?.get('retry-after'));
    return new PlatformError(`Graph API: rate limited (${label})`, 429, retryAfter === undefined ? details : { ...details, retryAfter });
  }
  if (status >= 500 || (code !== undefined && RETRYABLE_CODES.has(code))) {
    return new PlatformError(`Graph API: temporary failure (${label})`, status >= 500 ? status : 503, details);
  }
  return new PlatformError(`Graph API: request refused (${label})`, status >= 400 ? status : 400, details);
}

function retryAfterSeconds(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
