// Turns grammY's errors into Reclaim's named errors, so the outbox worker knows whether and when to retry.

import { GrammyError, HttpError } from 'grammy';
import { NetworkError, PlatformError } from '../../core/errors';

/** Telegram's words for a person the bot can no longer write to. */
const BLOCKED = /bot was blocked by the user|user is deactivated|bot can't initiate conversation with a user/i;

/**
 * Classifies a failed Bot API call. The result carries the method, code and Telegram's
 * description only: never grammY's payload, which holds the message text.
 */
export function toReclaimError(error: unknown, method: string): unknown {
  if (error instanceof GrammyError) {
    const status = error.error_code;
    const message = `Telegram ${method} failed: ${status} ${error.description}`;
    const retryAfter = error.parameters.retry_after;
    if (status === 429) return new PlatformError(message, 429, { code: status, ...(retryAfter !== undefined ? { retryAfter } : {}) });
    if (status === 403 && BLOCKED.test(error.description)) return new PlatformError(message, 403, { code: status, blocked: true });
    return new PlatformError(message, status, { code: status });
  }
  if (error instanceof HttpError) return new NetworkError(`Telegram ${method} unreachable`, { cause: error.error });
  return error;
}

/** Runs a Bot API call and rethrows its failure classified. */
export async function callTelegram<T>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toReclaimError(error, method);
  }
}
