// The Telegram channel (grammY): the adapter factory and the webhook registration the CLI runs.

export { createTelegramChannel, type TelegramChannelOptions } from './channel';
export { setupTelegramWebhook } from './setup';
