// Sends one rendered message: the free reply token when fresh, otherwise push with a retry key; never retries itself.

import { createHash } from 'node:crypto';
import type { messagingApi } from '@line/bot-sdk';
import { PlatformError } from '../../core/errors';
import type { RenderedMessage } from '../../core/messages';
import type { Logger } from '../../core/logger';
import type { Recipient, SendOptions } from '../../core/channel';
import { abortable } from './abortable';
import { classifyLineError, isInvalidReplyToken } from './errors';
import type { LineProfiles } from './profiles';
import { renderLineMessages } from './render';

/** What `send` needs: a client and the profile memory that tells whether someone is still there. */
export interface LineSenderOptions {
  client: Pick<messagingApi.MessagingApiClient, 'replyMessage' | 'pushMessage'>;
  profiles: LineProfiles;
  logger: Logger;
}

/** LINE answers this (400) when a push cannot be delivered to the user id at all. */
const FAILED_TO_SEND = /failed to send messages/i;

/*
 * How a person who blocked the account shows up, per the LINE Developers FAQ
 * (https://developers.line.biz/en/faq/tags/message/, "If you send a message specifying a user
 * who has blocked the LINE Official Account or a user who deleted their account, no error will
 * occur and status code 200 will be returned", while an unknown user id gets 400 "Failed to send
 * messages"): a push to them does NOT fail. What does fail is Get profile, which answers 404
 * "Not found" for a user who blocked the account or never added it (Messaging API reference,
 * Get profile; also qiita.com/shinbunbun_/items/59c81f796c80bd26e3fb). So before pushing to
 * someone who has not written to us lately, and after a 400 "Failed to send messages", we ask
 * for the profile: a 404 marks them unreachable. The `unfollow` webhook makes us ask at once.
 */
function blocked(): PlatformError {
  return new PlatformError('LINE: the person blocked the account or left LINE (profile 404)', 404, { blocked: true, code: 'Not found' });
}

/** Creates `send` for the LINE adapter. */
export function createLineSender(options: LineSenderOptions): (message: RenderedMessage, to: Recipient, send: SendOptions) => Promise<void> {
  const { client, profiles, logger } = options;

  async function push(to: Recipient, messages: messagingApi.Message[], retryKey: string, signal: AbortSignal) {
    try {
      await abortable(() => client.pushMessage({ to: to.userId, messages }, retryKey), signal);
    } catch (error) {
      const failure = classifyLineError(error, 'push');
      // 409 answers a retry key LINE has already accepted: an earlier attempt got through.
      if (failure instanceof PlatformError && failure.status === 409) return;
      if (failure instanceof PlatformError && failure.status === 400 && FAILED_TO_SEND.test(String(failure.details.code ?? ''))) {
        if (!(await profiles.reachable(to.userId, signal, true))) throw blocked();
      }
      throw failure;
    }
  }

  return async function send(message, to, { signal, replyToken, idempotencyKey, log = logger }) {
    const batches = renderLineMessages(message);
    let next = 0;
    if (replyToken && batches[0]) {
      try {
        await abortable(() => client.replyMessage({ replyToken, messages: batches[0]! }), signal);
        next = 1;
      } catch (error) {
        const failure = classifyLineError(error, 'reply');
        if (!isInvalidReplyToken(failure)) throw failure;
        log.info({ channel: 'line' }, 'reply token no longer valid; pushing instead');
      }
    }
    if (next === batches.length) return;
    // A reply just went through, so the person is there; otherwise make sure they still are.
    if (next === 0 && !(await profiles.reachable(to.userId, signal))) throw blocked();
    for (; next < batches.length; next++) await push(to, batches[next]!, batchRetryKey(idempotencyKey, next), signal);
  };
}

/**
 * The X-Line-Retry-Key of the n-th request of one message: the outbox key itself for the first,
 * a UUID derived from it for the rest, so every retry of the message repeats the same keys.
 */
export function batchRetryKey(idempotencyKey: string, index: number): string {
  if (index === 0) return idempotencyKey;
  const hex = createHash('sha256').update(`${idempotencyKey}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
