// A clean stop hands over what it claimed: another instance sends the rest at once, not after the lease runs out.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSecondInstance, startServer, type FakeApi, type TestServer } from '../helpers';
import { methodOf, postUpdate, startFakeTelegram, telegramEnv, telegramReply, textUpdate } from '../channels/telegram/fake';

describe('leases at a clean stop', () => {
  let fakeA: FakeApi;
  let fakeB: FakeApi;
  let a: TestServer;
  let b: TestServer;
  let aClosed = false;

  beforeAll(async () => {
    fakeA = await startFakeTelegram();
    fakeB = await startFakeTelegram();
    // B owns the schema: A is the one stopped mid-test.
    b = await startServer(telegramEnv(fakeB), { dialect: 'postgres', workers: false });
    a = await startSecondInstance(b, telegramEnv(fakeA), { workers: false });
  }, 30_000);
  afterAll(async () => {
    if (!aClosed) await a?.close();
    await b?.close();
    await fakeA?.close();
    await fakeB?.close();
  });

  it('releases the rows A claimed but did not send, and B sends them at once and in order', async () => {
    const person = { id: 7_401_001, language_code: 'en' };
    // B takes the webhook and delivers the first reply itself (its commit wakes its outbox).
    expect((await postUpdate(b.url, textUpdate(person, 'hello'))).status).toBe(200);
    const db = b.reclaim.store.db;
    const first = await eventually(
      () => db.selectFrom('outbox').selectAll().where('user_id', '=', String(person.id)).where('status', '=', 'sent').orderBy('id').executeTakeFirst(),
      10_000,
      'the first reply sent by B',
    );
    // B's worker, woken by its own commit, goes quiet before the next rows exist: A is to claim them.
    await b.reclaim.outbox.stop();
    // Three more messages for the same conversation, pending.
    const texts = ['one', 'two', 'three'];
    for (const text of texts) {
      const message = { ...JSON.parse(first.message), text, choices: [] };
      await db
        .insertInto('outbox')
        .values({ ...first, id: undefined as never, message: JSON.stringify(message), status: 'pending', attempts: 0, next_attempt_at: 0, lease_until: null, sent_at: null, reply_token: null, last_error: null })
        .execute();
    }
    // A's platform answers slowly, so A is mid-send when it is told to stop.
    fakeA.reply = async (request) => {
      if (methodOf(request) === 'sendMessage') await new Promise((resolve) => setTimeout(resolve, 1000));
      return telegramReply(request);
    };
    a.reclaim.outbox.start(50);
    await fakeA.waitFor((r) => methodOf(r) === 'sendMessage', 10_000);
    const leased = await db.selectFrom('outbox').select('id').where('user_id', '=', String(person.id)).where('lease_until', 'is not', null).execute();
    expect(leased.length).toBe(3);

    const closing = a.close().then(() => (aClosed = true));
    b.reclaim.outbox.start(50);
    await closing;
    // The lease is a minute long; B sends the rest well before it would have run out.
    const sentByB = await eventually(() => {
      const sent = fakeB.requests.filter((r) => methodOf(r) === 'sendMessage' && (r.json as { chat_id: number }).chat_id === person.id).map((r) => (r.json as { text: string }).text);
      return sent.includes('three') ? sent : undefined;
    }, 10_000, 'B to send what A left');
    const sentByA = fakeA.requests.filter((r) => methodOf(r) === 'sendMessage').map((r) => (r.json as { text: string }).text);
    expect(sentByA).toEqual(['one']);
    expect(sentByB.slice(-2)).toEqual(['two', 'three']);
    // Each delivery is recorded once its send has returned (deliveries of one turn together): wait for the last record.
    await eventually(async () => {
      const rows = await b.reclaim.store.db.selectFrom('outbox').select(['status']).where('user_id', '=', String(person.id)).execute();
      return rows.every((r) => r.status === 'sent');
    }, 5_000, 'every message recorded as sent');
  }, 60_000);
});
