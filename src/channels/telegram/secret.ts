// The webhook secret check: Telegram echoes our secret_token in a header; compare it in constant time.

import { hash, timingSafeEqual } from 'node:crypto';

/** Header Telegram sets on every webhook request to the secret_token given to setWebhook. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The digest of the secret last checked against: one secret per bot, so each webhook hashes only what it received. */
let expectedDigest: { secret: string; digest: Buffer } | undefined;

/** True when `received` equals `expected`. Digests first, so neither the length nor a prefix leaks through timing. */
export function secretMatches(received: string | null, expected: string): boolean {
  if (received === null || expected.length === 0) return false;
  if (expectedDigest?.secret !== expected) expectedDigest = { secret: expected, digest: hash('sha256', expected, 'buffer') };
  return timingSafeEqual(hash('sha256', received, 'buffer'), expectedDigest.digest);
}
