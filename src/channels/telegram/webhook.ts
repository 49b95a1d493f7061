// The Telegram webhook: check the secret, read and parse the update, ingest it, answer, then do the follow-up calls.

import type { Logger } from '../../core/logger';
import type { Ingest } from '../../core/channel';
import { checkUpdate, isUpdate, parseUpdate, type FollowUp } from './parse-update';
import { parseJsonBody } from '../json';
import { MAX_WEBHOOK_BYTES, readBody } from '../read-body';
import { SECRET_HEADER, secretMatches } from './secret';

export interface TelegramWebhookOptions {
  secret: string;
  logger: Logger;
  /** Runs a follow-up call after the answer; it must catch and log its own failures. */
  followUp: (call: FollowUp) => void;
  now?: () => number;
  maxBodyBytes?: number;
}

/**
 * Creates the `POST /webhooks/telegram` handler. Answers 200 only after `ingest` resolved; if it
 * throws, the error propagates (the app answers 503 and Telegram redelivers).
 */
export function createTelegramWebhook(options: TelegramWebhookOptions): (request: Request, ingest: Ingest) => Promise<Response> {
  const { secret, logger, followUp } = options;
  const now = options.now ?? Date.now;
  return async (request, ingest) => {
    if (request.method !== 'POST') return json({ error: 'method not allowed' }, 405, { allow: 'POST' });
    // Before reading a byte of the body: an unauthenticated caller gets nothing parsed.
    if (!secretMatches(request.headers.get(SECRET_HEADER), secret)) return json({ error: 'unauthorized' }, 401);
    const raw = await readBody(request, options.maxBodyBytes ?? MAX_WEBHOOK_BYTES);
    if (raw === null) return json({ error: 'body too large' }, 413);
    // Telegram's text is always UTF-8; a stray invalid byte becomes U+FFFD rather than failing the update.
    const body = parseJsonBody(raw, { fatal: false });
    if (!body.ok && body.reason === 'too_deep') {
      // It came with our secret, so it is Telegram's; nothing nested this deep is an update we handle.
      logger.warn({ channel: 'telegram', reason: body.reason }, 'update skipped');
      return new Response(null, { status: 200 });
    }
    if (!body.ok) return json({ error: 'body is not valid JSON' }, 400);
    const update = body.value;
    if (!isUpdate(update)) return json({ error: 'body is not a Telegram update' }, 400);
    const checked = checkUpdate(update);
    if (!checked.ok) {
      // Acknowledged: a redelivery would be just as malformed, and would hold back the updates after it.
      logger.warn({ channel: 'telegram', updateId: update.update_id, reason: checked.reason }, 'update skipped');
      return new Response(null, { status: 200 });
    }

    const parsed = parseUpdate(checked.update, now());
    if (parsed.event) await ingest([parsed.event]);
    else logger.debug({ channel: 'telegram', updateId: update.update_id, reason: parsed.ignored }, 'update ignored');
    for (const call of parsed.followUps) followUp(call);
    return new Response(null, { status: 200 });
  };
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
