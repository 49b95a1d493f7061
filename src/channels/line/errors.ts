// Classifies what the LINE SDK throws into Reclaim's named errors, so the outbox knows whether to retry.

import { HTTPFetchError } from '@line/bot-sdk';
import { NetworkError, PlatformError } from '../../core/errors';

/** LINE's `message` field from an error body (e.g. "Invalid reply token"); never carries message text. */
export function lineErrorMessage(body: unknown): string {
  if (typeof body !== 'string' || !body) return '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message.slice(0, 200) : '';
  } catch {
    return '';
  }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if LINE sent one. */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Maps an SDK failure to PlatformError (LINE answered: 429 with `retryAfter` when given, 5xx
 * retryable, other 4xx final, `code` = LINE's message) or NetworkError (LINE was not reached,
 * or the caller's signal gave up first). Anything else is returned unchanged.
 */
export function classifyLineError(error: unknown, call: string): Error {
  if (error instanceof PlatformError || error instanceof NetworkError) return error;
  if (error instanceof HTTPFetchError) {
    const code = lineErrorMessage(error.body);
    if (error.status === 429) {
      const retryAfter = retryAfterSeconds(error.headers);
      // 429 also means the monthly message quota is spent; the outbox backs off either way.
      return new PlatformError(`LINE ${call}: too many requests${code ? ` (${code})` : ''}`, 429, {
        ...(code ? { code } : {}),
        ...(retryAfter === undefined ? {} : { retryAfter }),
      });
    }
    return new PlatformError(`LINE ${call} failed with ${error.status}${code ? `: ${code}` : ''}`, error.status, code ? { code } : {});
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new NetworkError(`LINE ${call}: gave up waiting (${error.name})`, { cause: error });
  }
  // fetch() rejects with a TypeError when the connection fails (refused, reset, DNS).
  if (error instanceof TypeError) return new NetworkError(`LINE ${call}: could not reach LINE`, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** LINE refused a reply token: used, expired (about a minute) or unknown. A push still works. */
export function isInvalidReplyToken(error: Error): boolean {
  return error instanceof PlatformError && error.status === 400 && /reply token/i.test(String(error.details.code ?? ''));
}

/** The HTTP status of an SDK failure, if LINE answered at all. */
export function lineStatus(error: unknown): number | undefined {
  return error instanceof HTTPFetchError ? error.status : error instanceof PlatformError ? error.status : undefined;
}
