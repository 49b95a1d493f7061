// Messenger webhooks carrying events that cannot be processed: the good ones beside them still are, once, on both databases.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, eventually, inboxDrained, startServer, type FakeApi, type TestServer } from '../../helpers';
import { envelope, messengerEnv, postWebhook, sends, startFakeGraph, textMessage } from './fake';

let next = 0;
const psid = () => `2600${Date.now() % 1e9}${next++}`;

describe.each(DIALECTS)('Messenger poison events on %s', (dialect) => {
  let fake: FakeApi;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeGraph();
    server = await startServer(messengerEnv(fake), { dialect });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  async function inboundLines(user: string): Promise<string[] | undefined> {
    const conversation = await server.reclaim.store.db.selectFrom('conversations').select('id').where('channel', '=', 'messenger').where('user_id', '=', user).executeTakeFirst();
    if (!conversation) return undefined;
    const rows = await server.reclaim.store.db.selectFrom('transcript').select('text').where('conversation_id', '=', conversation.id).where('direction', '=', 'in').execute();
    return rows.map((row) => row.text);
  }

  it('processes the good events beside a U+0000 text and fractional, 1e20 and negative timestamps, and a redelivery reprocesses nothing', async () => {
    const [nul, fractional, huge, negative, good] = [psid(), psid(), psid(), psid(), psid()];
    const body = envelope(
      textMessage(nul, 'hi\u0000 there'),
      textMessage(fractional, 'hello', { timestamp: Date.now() + 0.5 }),
      textMessage(huge, 'hello', { timestamp: 1e20 }),
      textMessage(negative, 'hello', { timestamp: -1 }),
      textMessage(good, 'hello'),
    );
    const first = await postWebhook(server.url, body);
    expect(first.status).toBe(200);
    expect(await eventually(() => inboundLines(nul))).toEqual(['hi there']);
    expect(await eventually(() => inboundLines(good))).toEqual(['hello']);
    for (const user of [fractional, huge, negative]) expect(await inboundLines(user)).toBeUndefined();
    await eventually(() => sends(fake, good).length > 0, 10_000, 'an answer to the good event');

    const again = await postWebhook(server.url, body);
    expect(again.status).toBe(200);
    await inboxDrained(server);
    expect(await inboundLines(nul)).toEqual(['hi there']);
    expect(await inboundLines(good)).toEqual(['hello']);
    for (const user of [fractional, huge, negative]) expect(await inboundLines(user)).toBeUndefined();
  });

  it('acknowledges a signed body nested beyond reason without processing it', async () => {
    const user = psid();
    const raw = `${JSON.stringify(envelope(textMessage(user, 'hello'))).slice(0, -1)},"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const response = await postWebhook(server.url, null, { raw });
    expect(response.status).toBe(200);
    expect(await inboundLines(user)).toBeUndefined();
  });
});
