// One-time Page setup: the Get Started button, whose postback starts a conversation.

import { createGraphClient } from './graph-client';
import { GET_STARTED_PAYLOAD } from './inbound';

export interface MessengerProfileOptions {
  pageAccessToken: string;
  graphApiUrl?: string | undefined;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/**
 * Sets the Page's Get Started button (Messenger Profile API) to our payload, so a person who taps it
 * is greeted like one who typed. Idempotent; run it once per Page, e.g. from the CLI at deploy time.
 */
export async function configureMessengerProfile(options: MessengerProfileOptions): Promise<void> {
  const graph = createGraphClient({ graphApiUrl: options.graphApiUrl, pageAccessToken: options.pageAccessToken, ...(options.fetch ? { fetch: options.fetch } : {}) });
  await graph.post('/me/messenger_profile', { get_started: { payload: GET_STARTED_PAYLOAD } }, options.signal);
}
