// The Telegram channel adapter: grammY's Api as the transport, our own webhook and rendering around it.

import { Api, type ApiClientOptions } from 'grammy';
import type { Logger } from '../../core/logger';
import type { ChannelAdapter } from '../../core/channel';
import { callTelegram } from './errors';
import type { FollowUp } from './parse-update';
import { renderMessage } from './render';
import { botApiFetch } from './transport';
import { createTelegramWebhook } from './webhook';

export interface TelegramChannelOptions {
  /** Bot token from BotFather. Never logged. */
  token: string;
  /** The secret_token given to setWebhook; Telegram echoes it on every webhook request. */
  secret: string;
  /** Bot API root (TELEGRAM_API_ROOT), for a local fake or a self-hosted Bot API server. */
  apiRoot?: string | undefined;
  logger: Logger;
  /** Clock for event times; tests may fix it. */
  now?: () => number;
  /** How long a follow-up call (answering a button, deleting media) may take before it is given up. */
  followUpTimeoutMs?: number;
}

/** Follow-up calls (answering a button, deleting media) get this long before they are given up. */
const FOLLOW_UP_TIMEOUT_MS = 10_000;

/** Builds a Bot API client that goes to `apiRoot` when set. It never calls getMe: webhooks need no bot info. */
export function createTelegramApi(token: string, apiRoot?: string): Api {
  // The outbox worker's AbortSignal bounds each call; grammY's own timeout is only a backstop.
  return new Api(token, {
    ...(apiRoot ? { apiRoot: apiRoot.replace(/\/+$/, '') } : {}),
    timeoutSeconds: 60,
    // grammY reads only the answer's JSON; see transport.ts for why not its default node-fetch.
    fetch: botApiFetch as unknown as NonNullable<ApiClientOptions['fetch']>,
  });
}

/**
 * Creates the Telegram channel. `send` never retries by itself: it classifies failures
 * (429 with retryAfter, blocked, 5xx, network) and leaves retries to the outbox worker.
 */
export function createTelegramChannel(options: TelegramChannelOptions): ChannelAdapter {
  const { logger } = options;
  const api = createTelegramApi(options.token, options.apiRoot);
  const inFlight = new Set<Promise<void>>();

  const followUpTimeoutMs = options.followUpTimeoutMs ?? FOLLOW_UP_TIMEOUT_MS;

  /**
   * Runs a follow-up after the webhook answered. Nobody awaits it, so it must never reject: every
   * path ends in the catch below, and the call is abandoned at its deadline even if the HTTP
   * client ignores the abort.
   */
  function followUp(call: FollowUp) {
    const work = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => runFollowUp(call))
      .catch((error: unknown) => {
        try {
          logger.warn({ channel: 'telegram', call: call.type, error: error instanceof Error ? error.message : String(error) }, 'follow-up call failed');
        } catch {
          // A failing logger must not turn into an unhandled rejection.
        }
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  }

  async function runFollowUp(call: FollowUp) {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`Telegram ${call.type} gave no answer within ${followUpTimeoutMs} ms`));
      }, followUpTimeoutMs);
    });
    const request =
      call.type === 'answerCallbackQuery'
        ? callTelegram(call.type, () => api.answerCallbackQuery(call.callbackQueryId, {}, controller.signal))
        : // Media never stays in the chat with the bot; Telegram allows this for 48 hours in private chats.
          callTelegram(call.type, () => api.deleteMessage(call.chatId, call.messageId, controller.signal));
    // Whichever loses the race still settles later; its outcome is observed here, not left unhandled.
    request.catch(() => undefined);
    try {
      await Promise.race([request, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    name: 'telegram',
    capabilities: { maxChoices: 100, maxLabelLength: 64, deletesMedia: true, replyTokens: false, ratePerSecond: 30 },
    webhook: createTelegramWebhook({ secret: options.secret, logger, followUp, ...(options.now ? { now: options.now } : {}) }),
    async send(message, to, { signal }) {
      const chatId = toChatId(to.userId);
      for (const part of renderMessage(message)) {
        await callTelegram('sendMessage', () =>
          api.sendMessage(
            chatId,
            part.text,
            { link_preview_options: { is_disabled: true }, ...(part.replyMarkup ? { reply_markup: part.replyMarkup } : {}) },
            signal,
          ),
        );
      }
    },
    async close() {
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Telegram chat ids are integers that fit a double; the id is kept as a string outside this folder. */
function toChatId(userId: string): number | string {
  return /^-?\d{1,16}$/.test(userId) ? Number(userId) : userId;
}
