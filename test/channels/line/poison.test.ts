// LINE webhooks carrying an event that cannot be processed: its neighbours still are, and nothing loops, on both databases.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRetention } from '../../../src/engine/retention';
import { silentLogger } from '../../../src/core/logger';
import { DIALECTS, eventually, inboxDrained, startServer, type DialectName, type TestServer } from '../../helpers';
import { callback, lineEvents, lineUserId, postWebhook, sentMessages, startFakeLine, type FakeLine } from './fake';

const DAY = 24 * 60 * 60_000;

let fake: FakeLine;
let server: TestServer;

async function start(dialect: DialectName) {
  fake = await startFakeLine();
  server = await startServer(fake.env, { dialect });
}
afterEach(async () => {
  await server?.close();
  await fake?.close();
});

async function conversationOf(user: string) {
  return server.reclaim.store.db.selectFrom('conversations').selectAll().where('channel', '=', 'line').where('user_id', '=', user).executeTakeFirst();
}
async function inboundLines(user: string): Promise<string[]> {
  const conversation = await conversationOf(user);
  if (!conversation) return [];
  const rows = await server.reclaim.store.db.selectFrom('transcript').select('text').where('conversation_id', '=', conversation.id).where('direction', '=', 'in').execute();
  return rows.map((row) => row.text);
}
/** Messages that reached the fake for `user`, by reply token or push. */
function answersTo(user: string, tokens: string[]) {
  return sentMessages(fake.api).filter((m) => {
    const body = m.request.json as { to?: string; replyToken?: string };
    return body.to === user || tokens.includes(body.replyToken ?? '');
  });
}

describe.each(DIALECTS)('LINE poison events on %s', (dialect) => {
  beforeEach(() => start(dialect));

  it('processes the good events of a body beside a U+0000 text and a bad timestamp, and a redelivery reprocesses nothing', async () => {
    const [nul, bad, good] = [lineUserId(), lineUserId(), lineUserId()];
    const now = Date.now();
    const events = [
      lineEvents.text(nul, 'hi\u0000 there', { timestamp: now - 2 }),
      lineEvents.text(bad, 'hello', { timestamp: now - 1 + 0.5 }),
      lineEvents.text(good, 'hello', { timestamp: now }),
    ];
    const body = callback(...events);
    const first = await postWebhook(server.url, body);
    expect(first.status).toBe(200);

    // The good neighbour is answered.
    await eventually(() => answersTo(good, [events[2]!.replyToken ?? '']).length > 0, 10_000, 'an answer to the good event');
    // The U+0000 text is stored without the control character.
    expect(await inboundLines(nul)).toEqual(['hi there']);
    // The event with a fractional timestamp is acknowledged and skipped.
    expect(await conversationOf(bad)).toBeUndefined();

    // LINE redelivers the same body (or an attacker replays it): nothing is processed twice.
    const again = await postWebhook(server.url, body);
    expect(again.status).toBe(200);
    expect(await inboundLines(good)).toEqual(['hello']);
    expect(await inboundLines(nul)).toEqual(['hi there']);
    expect(await conversationOf(bad)).toBeUndefined();
  });

  it('acknowledges and skips timestamps far from now (1e20, negative, two years ago) beside a good event', async () => {
    const users = [lineUserId(), lineUserId(), lineUserId()];
    const good = lineUserId();
    const body = callback(
      lineEvents.text(users[0]!, 'far future', { timestamp: 1e20 }),
      lineEvents.text(users[1]!, 'negative', { timestamp: -5 }),
      lineEvents.text(users[2]!, 'old', { timestamp: Date.now() - 730 * DAY }),
      lineEvents.text(good, 'hello'),
    );
    const response = await postWebhook(server.url, body);
    expect(response.status).toBe(200);
    expect(await eventually(() => inboundLines(good).then((lines) => (lines?.length ? lines : undefined)))).toEqual(['hello']);
    for (const user of users) expect(await conversationOf(user)).toBeUndefined();
  });

  it('acknowledges a signed body nested beyond reason without processing it', async () => {
    const user = lineUserId();
    const body = `${callback(lineEvents.text(user, 'hello')).slice(0, -1)},"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect((await postWebhook(server.url, body)).status).toBe(200);
    expect(await conversationOf(user)).toBeUndefined();
  });

  it('never processes a captured body from two years ago, before or after the dedupe keys are purged', async () => {
    const user = lineUserId();
    const body = callback(lineEvents.text(user, 'hello', { timestamp: Date.now() - 730 * DAY }));
    expect((await postWebhook(server.url, body)).status).toBe(200);
    await createRetention({ store: server.reclaim.store, logger: silentLogger, transcriptDays: 30 }).purge();
    expect((await postWebhook(server.url, body)).status).toBe(200);
    await inboxDrained(server);
    expect(await inboundLines(user)).toEqual([]);
  });

  it('remembers an event by when it arrived: a redelivery after the week-old keys are purged is not processed again', async () => {
    const user = lineUserId();
    const body = callback(lineEvents.text(user, 'hello', { timestamp: Date.now() - DAY }));
    expect((await postWebhook(server.url, body)).status).toBe(200);
    expect(await eventually(() => inboundLines(user).then((lines) => (lines.length ? lines : undefined)))).toEqual(['hello']);
    // Six and a half days on: the key is not a week old by our clock, whatever the body's timestamp says.
    await createRetention({ store: server.reclaim.store, logger: silentLogger, transcriptDays: 30, now: () => Date.now() + 6.5 * DAY }).purge();
    expect((await postWebhook(server.url, body)).status).toBe(200);
    await inboxDrained(server);
    expect(await inboundLines(user)).toEqual(['hello']);
  });
});
