// The LINE channel: the Messaging API client, the webhook and send, behind the ChannelAdapter port.

import { messagingApi } from '@line/bot-sdk';
import type { ChannelAdapter } from '../../core/channel';
import type { Logger } from '../../core/logger';
import { createLineProfiles } from './profiles';
import { createLineSender } from './send';
import { createLineWebhook } from './webhook';
import { LINE_LIMITS } from './render';

export interface LineChannelOptions {
  channelSecret: string;
  accessToken: string;
  /** Messaging API origin (LINE_API_BASE_URL); https://api.line.me when unset. */
  apiBaseUrl: string | undefined;
  /**
   * Content API origin (LINE_DATA_API_BASE_URL). Accepted for completeness and deliberately
   * unused: Reclaim never downloads what a person sends, so no blob client is ever made.
   */
  dataApiBaseUrl: string | undefined;
  logger: Logger;
}

/** Creates the LINE adapter. Nothing is called on LINE until a webhook arrives or a message is sent. */
export function createLineChannel(options: LineChannelOptions): ChannelAdapter {
  const { logger } = options;
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.accessToken,
    ...(options.apiBaseUrl ? { baseURL: options.apiBaseUrl.replace(/\/+$/, '') } : {}),
  });
  const profiles = createLineProfiles({ client, logger });
  const webhook = createLineWebhook({ channelSecret: options.channelSecret, client, profiles, logger });
  const send = createLineSender({ client, profiles, logger });
  return {
    name: 'line',
    capabilities: {
      maxChoices: LINE_LIMITS.quickReplyItems,
      maxLabelLength: LINE_LIMITS.actionLabel,
      deletesMedia: false,
      replyTokens: true,
      // LINE allows 2,000 requests a second per endpoint; half leaves room for profile lookups and other instances.
      ratePerSecond: 1_000,
    },
    webhook,
    send,
    async close() {
      profiles.clear();
    },
  };
}
