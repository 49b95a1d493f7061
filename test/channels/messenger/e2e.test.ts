// End to end over HTTP: a whole Reclaim with the Messenger channel against the fake Graph API, on both databases.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, eventually, startServer, type FakeApi, type FakeReply, type RecordedRequest, type TestServer } from '../../helpers';
import {
  attachmentMessage,
  envelope,
  GRAPH_ERRORS,
  graphReply,
  messengerEnv,
  postWebhook,
  quickReply,
  SEND_PATH,
  sends,
  sign,
  startFakeGraph,
  textMessage,
  VERIFY_TOKEN,
} from './fake';
import { shownChoices } from '../../../flows/intake';

/** The first page of the language question for someone the platform gives no hint for: the offered languages by their own names. */
const firstLanguagePage = () => shownChoices({ step: 'language', locale: null, hint: null, languagePage: 0, retries: 0 });

const PATH = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];
const HOUR = 3600_000;

type Sent = { recipient: { id: string }; messaging_type: string; tag?: string; message: Record<string, any> };

function isSendTo(r: RecordedRequest, psid: string): boolean {
  return r.method === 'POST' && r.path === SEND_PATH && (r.json as Sent | undefined)?.recipient?.id === psid;
}

function payloads(body: Sent): string[] {
  return (body.message.quick_replies ?? []).map((q: { payload: string }) => q.payload);
}

/** Waits for a message to `psid`, sent after request number `since`, offering exactly `choices`. */
async function question(fake: FakeApi, psid: string, since: number, choices: string[]): Promise<Sent> {
  const request = await fake.waitFor((r) => fake.requests.indexOf(r) >= since && isSendTo(r, psid) && JSON.stringify(payloads(r.json as Sent)) === JSON.stringify(choices));
  return request.json as Sent;
}

/** Taps a quick reply and waits for the next question. */
async function tap(server: TestServer, fake: FakeApi, psid: string, payload: string, next: string[]): Promise<Sent> {
  const since = fake.requests.length;
  const response = await postWebhook(server.url, envelope(quickReply(psid, payload)));
  expect(response.status).toBe(200);
  return question(fake, psid, since, next);
}

function conversationOf(server: TestServer, psid: string) {
  return server.reclaim.store.db.selectFrom('conversations').selectAll().where('channel', '=', 'messenger').where('user_id', '=', psid).executeTakeFirst();
}

function outboxOf(server: TestServer, psid: string) {
  return server.reclaim.store.db.selectFrom('outbox').select(['id', 'status', 'attempts', 'last_error']).where('channel', '=', 'messenger').where('user_id', '=', psid).orderBy('id').execute();
}

/** Answers `failure` to the first send to `psid`, then behaves like Graph. Other people are unaffected. */
function failFirstSendTo(psid: string, failure: FakeReply) {
  let failed = false;
  return (r: RecordedRequest): FakeReply => {
    if (!failed && isSendTo(r, psid)) {
      failed = true;
      return failure;
    }
    return graphReply(r);
  };
}

describe.each(DIALECTS)('Messenger end to end on %s', (dialect) => {
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

  it('walks from the first message to the hashing link by quick replies', async () => {
    const psid = `71000000000${dialect === 'sqlite' ? 1 : 2}`;
    const first = await postWebhook(server.url, envelope(textMessage(psid, 'hi')));
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('EVENT_RECEIVED');

    // Messenger gives no locale, so the bot asks for a language first.
    await question(fake, psid, 0, firstLanguagePage());
    let asked = await tap(server, fake, psid, 'lang:en', ['role:self', 'role:helper']);
    expect(asked.message.quick_replies[0]).toEqual({ content_type: 'text', title: "It's about me", payload: 'role:self' });

    const next: Record<string, string[]> = {
      'role:self': ['minor:yes', 'minor:no', 'minor:unsure'],
      'minor:yes': ['age:under13', 'age:13_15', 'age:16_17', 'age:18plus'],
      'age:13_15': ['content:yes', 'content:no'],
      'content:yes': ['threat:yes', 'threat:no'],
      'threat:no': ['copy:yes', 'copy:no'],
      'copy:yes': ['handoff:new_link', 'human'],
    };
    for (const choice of PATH) asked = await tap(server, fake, psid, choice, next[choice]!);

    const template = asked.message.attachment;
    expect(template.type).toBe('template');
    expect(template.payload.template_type).toBe('button');
    expect(template.payload.text.length).toBeLessThanOrEqual(640);
    expect(template.payload.buttons).toHaveLength(1);
    expect(template.payload.buttons[0].type).toBe('web_url');
    expect(template.payload.buttons[0].url.startsWith('http://127.0.0.1:1/hash#t=')).toBe(true);

    const all = sends(fake, psid) as Sent[];
    expect(all.length).toBeGreaterThanOrEqual(PATH.length + 2);
    expect(all.every((body) => body.messaging_type === 'RESPONSE' && body.tag === undefined)).toBe(true);
    // The token exists only in the sent link: it is not in the stored message.
    const rows = await server.reclaim.store.db.selectFrom('outbox').select('message').where('user_id', '=', psid).execute();
    const token = template.payload.buttons[0].url.split('#t=')[1].split('&')[0];
    expect(rows.some((row) => row.message.includes(token))).toBe(false);
  });
});

describe('Messenger end to end, failures and policy (sqlite)', () => {
  let fake: FakeApi;
  let server: TestServer;
  let n = 0;
  const person = () => `72000000000${String(++n).padStart(2, '0')}`;
  beforeAll(async () => {
    fake = await startFakeGraph();
    server = await startServer(messengerEnv(fake));
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('answers the subscription handshake only with the right verify token', async () => {
    const good = await fetch(`${server.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=843521`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('843521');
    const bad = await fetch(`${server.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=843521`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain('843521');
  });

  it('refuses a forged signature and records nothing', async () => {
    const psid = person();
    const body = JSON.stringify(envelope(textMessage(psid, 'hi')));
    expect((await postWebhook(server.url, null, { raw: body, signature: sign(body, 'not-the-app-secret') })).status).toBe(403);
    expect((await postWebhook(server.url, null, { raw: body, signature: null })).status).toBe(401);
    expect(await conversationOf(server, psid)).toBeUndefined();
    const keys = await server.reclaim.store.db.selectFrom('processed_events').select('key').where('key', 'like', 'messenger:%').execute();
    expect(keys.map((k) => k.key)).not.toContain(`messenger:${JSON.parse(body).entry[0].messaging[0].message.mid}`);
    expect(sends(fake, psid)).toEqual([]);
  });

  it('answers 400 to a malformed body and 413 to an oversized one', async () => {
    expect((await postWebhook(server.url, null, { raw: '{"object":"page","entry":' })).status).toBe(400);
    const huge = JSON.stringify({ ...envelope(textMessage(person(), 'hi')), padding: 'x'.repeat(1_100_000) });
    expect((await postWebhook(server.url, null, { raw: huge })).status).toBe(413);
  });

  it('processes a redelivered message once', async () => {
    const psid = person();
    const payload = envelope(textMessage(psid, 'hello'));
    expect((await postWebhook(server.url, payload)).status).toBe(200);
    expect((await postWebhook(server.url, payload)).status).toBe(200);
    // Both acknowledgements came after their commits, so the store already shows the final state.
    const conversation = await conversationOf(server, psid);
    const incoming = await server.reclaim.store.db.selectFrom('transcript').select('id').where('conversation_id', '=', conversation!.id).where('direction', '=', 'in').execute();
    expect(incoming).toHaveLength(1);
    expect(await outboxOf(server, psid)).toHaveLength(1);
    await eventually(async () => (await outboxOf(server, psid))[0]?.status === 'sent');
    expect(sends(fake, psid)).toHaveLength(1);
  });

  it.each([
    ['a 429', GRAPH_ERRORS.tooManyRequests],
    ['a 500', GRAPH_ERRORS.internal],
  ])('retries after %s and then delivers', async (_name, failure) => {
    const psid = person();
    fake.reply = failFirstSendTo(psid, failure);
    try {
      expect((await postWebhook(server.url, envelope(textMessage(psid, 'hi')))).status).toBe(200);
      const [row] = await eventually(async () => {
        const rows = await outboxOf(server, psid);
        return rows[0]?.status === 'sent' ? rows : undefined;
      });
      expect(row!.attempts).toBe(2);
      const bodies = sends(fake, psid);
      expect(bodies).toHaveLength(2);
      expect(bodies[1]).toEqual(bodies[0]);
    } finally {
      fake.reply = graphReply;
    }
  });

  it('marks a person who blocked the Page unreachable', async () => {
    const psid = person();
    fake.reply = (r) => (isSendTo(r, psid) ? GRAPH_ERRORS.unavailable : graphReply(r));
    try {
      expect((await postWebhook(server.url, envelope(textMessage(psid, 'hi')))).status).toBe(200);
      await eventually(async () => (await conversationOf(server, psid))?.unreachable === 1, 10_000, 'conversation marked unreachable');
      const rows = await outboxOf(server, psid);
      expect(rows.every((row) => row.status === 'failed')).toBe(true);
      expect(sends(fake, psid)).toHaveLength(1);
    } finally {
      fake.reply = graphReply;
    }
  });

  it('answers an image kindly and never requests the attachment URL', async () => {
    const psid = person();
    expect((await postWebhook(server.url, envelope(textMessage(psid, 'hi')))).status).toBe(200);
    await question(fake, psid, 0, firstLanguagePage());
    await tap(server, fake, psid, 'lang:en', ['role:self', 'role:helper']);

    const since = fake.requests.length;
    const photoUrl = `${fake.url}/cdn/v/t1.15752-9/photo-of-me.jpg?_nc_cat=104`;
    expect((await postWebhook(server.url, envelope(attachmentMessage(psid, 'image', { url: photoUrl })))).status).toBe(200);
    const reply = await fake.waitFor((r) => fake.requests.indexOf(r) >= since && isSendTo(r, psid) && /don't send images/.test(JSON.stringify(r.json)));
    expect(reply).toBeDefined();
    // Every reply to the image has been sent: the outbox has nothing left for this person.
    await eventually(async () => (await outboxOf(server, psid)).every((row) => row.status === 'sent'));
    expect(fake.requests.filter((r) => r.path.startsWith('/cdn'))).toEqual([]);
    expect(fake.requests.every((r) => r.method === 'POST')).toBe(true);
    const transcript = await server.reclaim.store.db.selectFrom('transcript').select('text').execute();
    expect(transcript.some((line) => line.text.includes('/cdn/') || line.text.includes('photo-of-me'))).toBe(false);
  });

  it('holds a bot message outside the 24-hour window and sends it after the person writes again', async () => {
    const psid = person();
    // A message Meta delivers a day late: the person last wrote 25 hours ago.
    const late = textMessage(psid, 'hi', { timestamp: Date.now() - 25 * HOUR });
    expect((await postWebhook(server.url, envelope(late))).status).toBe(200);
    const [held] = await eventually(async () => {
      const rows = await outboxOf(server, psid);
      return rows[0]?.status === 'held' ? rows : undefined;
    }, 10_000, 'the reply to be held');
    expect(held!.last_error).toMatch(/24-hour window/);
    expect(sends(fake, psid)).toEqual([]);

    expect((await postWebhook(server.url, envelope(textMessage(psid, 'are you there?')))).status).toBe(200);
    await eventually(async () => {
      const rows = await outboxOf(server, psid);
      return rows.length >= 2 && rows.every((row) => row.status === 'sent');
    }, 10_000, 'the held reply and the new one to be sent');
    const bodies = sends(fake, psid) as Sent[];
    expect(payloads(bodies[0]!)).toEqual(firstLanguagePage());
    expect(bodies.every((b) => b.messaging_type === 'RESPONSE')).toBe(true);
  });

  it('sends a staff reply after 24 hours with the HUMAN_AGENT tag', async () => {
    const psid = person();
    expect((await postWebhook(server.url, envelope(textMessage(psid, 'hi')))).status).toBe(200);
    await question(fake, psid, 0, firstLanguagePage());
    const conversation = await conversationOf(server, psid);
    await server.reclaim.store.db.updateTable('conversations').set({ last_inbound_at: Date.now() - 30 * HOUR }).where('id', '=', conversation!.id).execute();
    await server.reclaim.engine.handle({ type: 'staff', action: 'reply', conversationId: conversation!.id, staffId: 'staff-1', text: 'Hi, this is Sam from the helpline.', dedupeKey: `staff:${psid}:1`, at: Date.now() });
    server.reclaim.outbox.wake();
    const request = await fake.waitFor((r) => isSendTo(r, psid) && (r.json as Sent).messaging_type === 'MESSAGE_TAG');
    expect(request.json).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'Hi, this is Sam from the helpline.' } });
  });
});
