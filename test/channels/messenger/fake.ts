// A fake Graph API on loopback, Messenger webhook fixtures shaped like Meta's, and a signed webhook poster.

import { createHmac } from 'node:crypto';
import { startFakeApi, type FakeApi, type FakeReply, type RecordedRequest } from '../../helpers';
import { GRAPH_API_VERSION } from '../../../src/channels/messenger/index';

export const APP_SECRET = 'test-app-secret-0123456789abcdef';
export const PAGE_TOKEN = 'EAAtestPageAccessToken0123456789';
export const VERIFY_TOKEN = 'verify-me-please';
export const PAGE_ID = '104857600000001';

/** The Send API path Reclaim calls. */
export const SEND_PATH = `/${GRAPH_API_VERSION}/me/messages`;

/** The environment that enables the Messenger channel against `fake`. */
export function messengerEnv(fake: FakeApi): Record<string, string> {
  return {
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_ACCESS_TOKEN: PAGE_TOKEN,
    MESSENGER_VERIFY_TOKEN: VERIFY_TOKEN,
    MESSENGER_GRAPH_API_URL: fake.url,
  };
}

let nextMessageId = 1;

/** How Graph answers: the Send API and the Messenger Profile API for our token; Graph's errors otherwise. */
export function graphReply(request: RecordedRequest): FakeReply {
  if (request.headers.authorization !== `Bearer ${PAGE_TOKEN}`) return GRAPH_ERRORS.invalidToken;
  if (request.method === 'POST' && request.path === SEND_PATH) {
    const body = request.json as { recipient?: { id?: string } };
    return { json: { recipient_id: body.recipient?.id, message_id: `m_fake${nextMessageId++}` } };
  }
  if (request.method === 'POST' && request.path === `/${GRAPH_API_VERSION}/me/messenger_profile`) return { json: { result: 'success' } };
  return { status: 400, json: { error: { message: 'Unsupported request', type: 'GraphMethodException', code: 100, fbtrace_id: 'AfakeTrace' } } };
}

/** Graph's refusals, as the real API sends them (codes from Meta's Send API error table). */
export const GRAPH_ERRORS = {
  invalidToken: { status: 401, json: { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'A1' } } },
  rateLimited: { status: 400, json: { error: { message: '(#613) Calls to this API have exceeded the rate limit.', type: 'OAuthException', code: 613, fbtrace_id: 'A2' } } },
  tooManyRequests: { status: 429, json: { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true, fbtrace_id: 'A3' } } },
  internal: { status: 500, json: { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2, is_transient: true, fbtrace_id: 'A4' } } },
  unavailable: { status: 400, json: { error: { message: "(#551) This person isn't available right now.", type: 'OAuthException', code: 551, error_subcode: 1545041, fbtrace_id: 'A5' } } },
  notReceiving: { status: 400, json: { error: { message: "(#10) This Person Cannot Receive Messages: This person isn't receiving messages from you right now.", type: 'OAuthException', code: 10, error_subcode: 2018108, fbtrace_id: 'A6' } } },
  outsideWindow: { status: 400, json: { error: { message: '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview', type: 'OAuthException', code: 10, error_subcode: 2018278, fbtrace_id: 'A7' } } },
  invalidParameter: { status: 400, json: { error: { message: '(#100) The parameter recipient is required', type: 'OAuthException', code: 100, fbtrace_id: 'A8' } } },
} satisfies Record<string, FakeReply>;

/** Starts the fake Graph API. */
export function startFakeGraph(): Promise<FakeApi> {
  return startFakeApi(graphReply);
}

/** Send API request bodies the fake received, oldest first. */
export function sends(fake: FakeApi, psid?: string): Record<string, any>[] {
  return fake.requests
    .filter((r) => r.method === 'POST' && r.path === SEND_PATH)
    .map((r) => r.json as Record<string, any>)
    .filter((body) => psid === undefined || body.recipient?.id === psid);
}

// ---- Webhook fixtures: the shapes of Meta's "messages", "messaging_postbacks" and receipt webhooks. ----

let seq = 0;
/** A mid in Messenger's current format. */
export function mid(): string {
  seq++;
  return `m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0${seq}`;
}

/** The webhook envelope for one Page. */
export function envelope(...messaging: Record<string, unknown>[]): Record<string, unknown> {
  return { object: 'page', entry: [{ id: PAGE_ID, time: Date.now(), messaging }] };
}

function from(psid: string, timestamp: number) {
  return { sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp };
}

export function textMessage(psid: string, text: string, options: { mid?: string; timestamp?: number } = {}) {
  return { ...from(psid, options.timestamp ?? Date.now()), message: { mid: options.mid ?? mid(), text } };
}

export function quickReply(psid: string, payload: string, label = payload, options: { mid?: string; timestamp?: number } = {}) {
  return { ...from(psid, options.timestamp ?? Date.now()), message: { mid: options.mid ?? mid(), text: label, quick_reply: { payload } } };
}

export function postback(psid: string, payload: string, title = 'Get Started', options: { mid?: string | null; timestamp?: number } = {}) {
  const postbackMid = options.mid === undefined ? mid() : options.mid;
  return { ...from(psid, options.timestamp ?? Date.now()), postback: { ...(postbackMid ? { mid: postbackMid } : {}), title, payload } };
}

export function attachmentMessage(psid: string, type: string, payload: Record<string, unknown>, options: { timestamp?: number; stickerId?: number } = {}) {
  return {
    ...from(psid, options.timestamp ?? Date.now()),
    message: { mid: mid(), ...(options.stickerId ? { sticker_id: options.stickerId } : {}), attachments: [{ type, payload }] },
  };
}

export function echo(psid: string, text: string) {
  return { sender: { id: PAGE_ID }, recipient: { id: psid }, timestamp: Date.now(), message: { is_echo: true, app_id: 1517776481860111, mid: mid(), text } };
}

export function delivery(psid: string) {
  return { sender: { id: psid }, recipient: { id: PAGE_ID }, delivery: { mids: [mid()], watermark: Date.now() } };
}

export function read(psid: string) {
  return { ...from(psid, Date.now()), read: { watermark: Date.now() - 1000 } };
}

/** The X-Hub-Signature-256 header Meta would send for `body`. */
export function sign(body: string, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs `payload` to the Messenger webhook, signed unless `signature` says otherwise (null: no header). */
export async function postWebhook(baseUrl: string, payload: unknown, options: { signature?: string | null; raw?: string } = {}): Promise<Response> {
  const body = options.raw ?? JSON.stringify(payload);
  const signature = options.signature === undefined ? sign(body) : options.signature;
  return fetch(`${baseUrl}/webhooks/messenger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
    body,
  });
}
