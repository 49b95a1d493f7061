// The channel registry: one line per channel, each enabled when its configuration is present.

import type { ChannelName } from '../core/events';
import type { Config } from '../config';
import type { Logger } from '../core/logger';
import type { ChannelAdapter } from '../core/channel';
import { createConsoleChannel, type ConsoleChannel } from './console/index';

export interface Channels {
  all: Map<ChannelName, ChannelAdapter>;
  console: ConsoleChannel;
}

/** Builds every enabled channel. The console channel is always there. */
export async function createChannels(config: Config, logger: Logger, now?: () => number): Promise<Channels> {
  const consoleChannel = createConsoleChannel();
  const all = new Map<ChannelName, ChannelAdapter>([['console', consoleChannel]]);
  // Each SDK is loaded only when its channel is configured.
  if (config.telegram) all.set('telegram', (await import('./telegram/index')).createTelegramChannel({ ...config.telegram, logger, ...(now ? { now } : {}) }));
  if (config.line) all.set('line', (await import('./line/index')).createLineChannel({ ...config.line, logger }));
  if (config.messenger) all.set('messenger', (await import('./messenger/index')).createMessengerChannel({ ...config.messenger, logger, ...(now ? { now } : {}) }));
  return { all, console: consoleChannel };
}
