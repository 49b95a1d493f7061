// The webhook in process: handshake, signature before parsing, size and shape checks, acknowledgement after ingest.

import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../src/core/events';
import { silentLogger } from '../../../src/core/logger';
import { createMessengerChannel, MAX_BODY_BYTES } from '../../../src/channels/messenger/index';
import { APP_SECRET, echo, envelope, PAGE_TOKEN, quickReply, sign, textMessage, VERIFY_TOKEN } from './fake';

const URL_BASE = 'http://reclaim.test/webhooks/messenger';

function channel() {
  // Graph is never called here: a fetch that fails the test if it is.
  return createMessengerChannel({ appSecret: APP_SECRET, pageAccessToken: PAGE_TOKEN, verifyToken: VERIFY_TOKEN, logger: silentLogger, fetch: () => Promise.reject(new Error('no Graph calls expected')) });
}

function recorder() {
  const batches: InboundEvent[][] = [];
  return { batches, ingest: async (events: InboundEvent[]) => void batches.push(events) };
}

function post(body: string, signature: string | null = sign(body)) {
  return new Request(URL_BASE, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) }, body });
}

describe('GET /webhooks/messenger (handshake)', () => {
  it('echoes the challenge as text when the verify token matches', async () => {
    const response = await channel().webhook!(new Request(`${URL_BASE}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`), recorder().ingest);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('1158201444');
  });

  it('answers 403 to a wrong token, a missing token or another mode', async () => {
    for (const query of [`hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`, `hub.mode=subscribe&hub.challenge=1`, `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`]) {
      const response = await channel().webhook!(new Request(`${URL_BASE}?${query}`), recorder().ingest);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('1');
    }
  });

  it('does not reflect a challenge that is not a plain token', async () => {
    const response = await channel().webhook!(new Request(`${URL_BASE}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=%3Cscript%3E`), recorder().ingest);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('<script>');
  });
});

describe('POST /webhooks/messenger', () => {
  it('ingests the events and then answers 200 EVENT_RECEIVED', async () => {
    const { batches, ingest } = recorder();
    const response = await channel().webhook!(post(JSON.stringify(envelope(textMessage('1', 'hi', { mid: 'm_1' }), quickReply('1', 'lang:en', 'English', { mid: 'm_2' })))), ingest);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('EVENT_RECEIVED');
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((e) => [e.dedupeKey, e.kind])).toEqual([['messenger:m_1', 'text'], ['messenger:m_2', 'choice']]);
  });

  it('answers 401 without a signature and 403 with a wrong one, ingesting nothing', async () => {
    const body = JSON.stringify(envelope(textMessage('1', 'hi')));
    const { batches, ingest } = recorder();
    expect((await channel().webhook!(post(body, null), ingest)).status).toBe(401);
    expect((await channel().webhook!(post(body, sign(body, 'another-secret')), ingest)).status).toBe(403);
    expect((await channel().webhook!(post(body, 'sha256=zz'), ingest)).status).toBe(403);
    expect((await channel().webhook!(post(body, sign(body).replace('sha256=', 'sha1=')), ingest)).status).toBe(403);
    // Signed for other bytes: the check is on the raw body, not on re-serialised JSON.
    expect((await channel().webhook!(post(body + ' ', sign(body)), ingest)).status).toBe(403);
    expect(batches).toEqual([]);
  });

  it('checks the signature before parsing: garbage with a bad signature is 403, not 400', async () => {
    expect((await channel().webhook!(post('{not json', 'sha256=' + '0'.repeat(64)), recorder().ingest)).status).toBe(403);
  });

  it('answers 400 to a signed body that is not JSON or not a Page webhook', async () => {
    for (const body of ['{not json', '[1,2]', JSON.stringify({ object: 'page' }), JSON.stringify({ object: 'page', entry: [{ messaging: 'x' }] })]) {
      expect((await channel().webhook!(post(body), recorder().ingest)).status).toBe(400);
    }
  });

  it('answers 404 to another object type, as Meta suggests', async () => {
    const body = JSON.stringify({ object: 'instagram', entry: [] });
    expect((await channel().webhook!(post(body), recorder().ingest)).status).toBe(404);
  });

  it('answers 413 to a body over 1 MB, even a signed one', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES);
    const body = JSON.stringify({ ...envelope(textMessage('1', 'hi')), padding });
    const { batches, ingest } = recorder();
    expect((await channel().webhook!(post(body), ingest)).status).toBe(413);
    expect(batches).toEqual([]);
  });

  it('acknowledges echoes and receipts without calling the engine', async () => {
    const { batches, ingest } = recorder();
    const response = await channel().webhook!(post(JSON.stringify(envelope(echo('1', 'from us')))), ingest);
    expect(response.status).toBe(200);
    expect(batches).toEqual([]);
  });

  it('does not acknowledge when ingest fails, so Meta redelivers', async () => {
    const failing = async () => {
      throw new Error('store down');
    };
    await expect(channel().webhook!(post(JSON.stringify(envelope(textMessage('1', 'hi')))), failing)).rejects.toThrow('store down');
  });

  it('refuses other methods', async () => {
    expect((await channel().webhook!(new Request(URL_BASE, { method: 'PUT', body: '{}' }), recorder().ingest)).status).toBe(405);
  });
});
