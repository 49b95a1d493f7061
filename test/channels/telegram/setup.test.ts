// setupTelegramWebhook: registers our webhook URL, secret and update types with the Bot API.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTelegramWebhook } from '../../../src/channels/telegram/index';
import { PlatformError } from '../../../src/core/errors';
import type { FakeApi } from '../../helpers';
import { calls, SECRET, startFakeTelegram, TOKEN } from './fake';

let fake: FakeApi;
beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(() => fake.close());

describe('setupTelegramWebhook', () => {
  it('calls setWebhook with the public URL, the secret and only the updates we handle', async () => {
    const url = await setupTelegramWebhook({ token: TOKEN, secret: SECRET, apiRoot: fake.url }, 'https://reclaim.example.org/');
    expect(url).toBe('https://reclaim.example.org/webhooks/telegram');
    expect(calls(fake, 'setWebhook')).toEqual([
      { url: 'https://reclaim.example.org/webhooks/telegram', secret_token: SECRET, allowed_updates: ['message', 'callback_query', 'my_chat_member'], drop_pending_updates: false },
    ]);
  });

  it('refuses a secret Telegram would reject, before calling it', async () => {
    const before = fake.requests.length;
    await expect(setupTelegramWebhook({ token: TOKEN, secret: 'has spaces!', apiRoot: fake.url }, 'https://x.example')).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(fake.requests.length).toBe(before);
  });

  it('reports a refusal as a PlatformError', async () => {
    await expect(setupTelegramWebhook({ token: 'wrong', secret: SECRET, apiRoot: fake.url }, 'https://x.example')).rejects.toBeInstanceOf(PlatformError);
  });
});
