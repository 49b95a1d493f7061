// Registers Reclaim's webhook with Telegram: `reclaim setup telegram` calls this once per deployment.

import { callTelegram } from './errors';
import { createTelegramApi } from './channel';

/** The updates Reclaim handles; Telegram then does not send the others at all. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** Telegram's rule for secret_token: 1–256 characters from A–Z, a–z, 0–9, `_` and `-`. */
const SECRET_FORMAT = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Points the bot's webhook at `${publicBaseUrl}/webhooks/telegram` with our secret token.
 * Pending updates are kept, so nothing sent while the service was away is lost.
 * Resolves with the webhook URL; throws PlatformError or NetworkError.
 */
export async function setupTelegramWebhook(
  config: { token: string; secret: string; apiRoot?: string | undefined },
  publicBaseUrl: string,
  signal?: AbortSignal,
): Promise<string> {
  if (!SECRET_FORMAT.test(config.secret)) {
    throw new Error('TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, _ and -');
  }
  const url = `${publicBaseUrl.replace(/\/+$/, '')}/webhooks/telegram`;
  const api = createTelegramApi(config.token, config.apiRoot);
  await callTelegram('setWebhook', () =>
    api.setWebhook(url, { secret_token: config.secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false }, signal),
  );
  return url;
}
