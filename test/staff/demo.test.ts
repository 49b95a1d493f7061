// The try-the-bot demo as an abuser and a supervisor meet it: only cookies the server issued, a bounded number of live
// demo conversations that expire, kept out of the real queue unless a supervisor asks, and a transcript only its owner reads.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers';
import { createRateLimiter } from '../../src/staff/rate-limit';
import { createConsoleChannel } from '../../src/channels/console/index';
import type { QueueRow } from '../../src/staff/queue';
import { cookieOf, startHarness, type Harness } from './harness';

const MAX_LIVE = 5;
const TTL = 2 * 60 * 60_000;

describe.each(DIALECTS)('try-the-bot demo on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, {
      limits: { tryMessages: createRateLimiter({ limit: 10_000, windowMs: 60_000 }), tryStarts: createRateLimiter({ limit: 10_000, windowMs: 60_000 }) },
      tryDemo: { maxLive: MAX_LIVE, ttlMs: TTL },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const demoCount = async () => (await h.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', 'like', 'web-%').execute()).length;
  const start = async (cookie = '') => h.app.request('/api/try/start', { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: '{}' });
  const say = (cookie: string, body: unknown) => h.app.request('/api/try/messages', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const history = (cookie: string) => h.app.request('/api/try/history', { headers: cookie ? { cookie } : {} });
  /** A demo visitor who has said hello; resolves with their cookie. */
  async function visitor(text = 'hello'): Promise<string> {
    const response = await start();
    expect(response.status).toBe(200);
    const cookie = cookieOf(response);
    expect((await say(cookie, { text, locale: 'en' })).status).toBe(202);
    return cookie;
  }
  async function purgeAll(): Promise<void> {
    h.clock.now += TTL + 60_000;
    expect((await start()).status).toBe(200);
    expect(await demoCount()).toBe(0);
  }

  it('accepts only cookies it issued: made-up cookies create no conversation', async () => {
    const N = 60;
    const statuses: number[] = [];
    for (let i = 0; i < N; i++) statuses.push((await say(`reclaim_try=${randomBytes(16).toString('base64url')}`, { text: 'I want to kill myself' })).status);
    expect(await demoCount()).toBe(0);
    expect(statuses).toEqual(Array(N).fill(400));
    const events = await h.app.request('/api/try/events', { headers: { cookie: `reclaim_try=${randomBytes(16).toString('base64url')}` } });
    expect(events.status).toBe(400);
    // A cookie it did issue still works.
    await visitor();
    expect(await demoCount()).toBe(1);
    await purgeAll();
  });

  it('keeps demo conversations out of the real queue unless a supervisor asks for them', async () => {
    const real = await h.conversation('term-55554444', 'hello');
    await visitor('I want to kill myself');
    const demo = await h.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', 'like', 'web-%').executeTakeFirstOrThrow();
    const agent = await h.signIn('agent');
    const supervisor = await h.signIn('supervisor');
    const idsOf = async (response: Response) => ((await response.json()) as { rows: QueueRow[] }).rows.map((r) => r.id);

    const agentQueue = await idsOf(await agent.call('GET', '/api/staff/queue'));
    expect(agentQueue).toContain(real);
    expect(agentQueue).not.toContain(demo.id);
    expect(await idsOf(await supervisor.call('GET', '/api/staff/queue'))).not.toContain(demo.id);

    const asked = await supervisor.call('GET', '/api/staff/queue?demo=1');
    const rows = ((await asked.json()) as { rows: QueueRow[] }).rows;
    expect(rows.find((r) => r.id === demo.id)).toMatchObject({ demo: true, channel: 'console' });
    expect(rows.find((r) => r.id === real)).toMatchObject({ demo: false });
    expect((await agent.call('GET', '/api/staff/queue?demo=1')).status).toBe(403);
    await purgeAll();
  });

  it('bounds the number of live demo conversations, and frees the places as they expire', async () => {
    const refused: number[] = [];
    const admitted: string[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await start();
      if (response.status !== 200) {
        refused.push(response.status);
        expect(await response.json()).toMatchObject({ error: 'demo_busy' });
        continue;
      }
      admitted.push(cookieOf(response));
      await say(cookieOf(response), { text: 'hello' });
    }
    expect(await demoCount()).toBe(MAX_LIVE);
    expect(refused).toEqual(Array(20 - MAX_LIVE).fill(503));
    // A visitor who already has a place keeps talking while the demo is full.
    expect((await say(admitted[0]!, { choiceId: 'role:self' })).status).toBe(202);
    expect(await demoCount()).toBe(MAX_LIVE);
    h.clock.now += TTL + 60_000;
    expect((await start()).status).toBe(200);
    expect(await demoCount()).toBe(0);
    await visitor();
    expect(await demoCount()).toBe(1);
    await purgeAll();
  });

  it('gives each visitor their own transcript back, and nobody else', async () => {
    const ana = await visitor('hello');
    await h.reclaim.outbox.drain();
    expect((await say(ana, { choiceId: 'role:self' })).status).toBe(202);
    await h.reclaim.outbox.drain();
    const ben = await visitor('hi from ben');
    await h.reclaim.outbox.drain();

    // Staff take Ana's demo over, write her, and leave a note she must never see.
    const supervisor = await h.signIn('supervisor');
    const { rows } = (await (await supervisor.call('GET', '/api/staff/queue?demo=1')).json()) as { rows: QueueRow[] };
    const anaRow = rows.find((r) => r.step === 'minor_at_capture')!;
    expect((await supervisor.call('POST', `/api/staff/conversations/${anaRow.id}/takeover`)).status).toBe(200);
    expect((await supervisor.call('POST', `/api/staff/conversations/${anaRow.id}/reply`, { text: 'Hi, I am Mai from the team.' })).status).toBe(200);
    expect((await supervisor.call('POST', `/api/staff/conversations/${anaRow.id}/notes`, { text: 'internal: seems fine' })).status).toBe(200);
    await h.reclaim.outbox.drain();

    const response = await history(ana);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { lines: { who: string; text: string }[]; choices: { id: string; label: string }[] };
    const text = JSON.stringify(body);
    expect(body.lines[0]).toMatchObject({ who: 'you', text: 'hello' });
    expect(body.lines.some((l) => l.who === 'bot' && l.text.includes('Is this about you'))).toBe(true);
    expect(body.lines.some((l) => l.who === 'you' && l.text === "It's about me")).toBe(true);
    expect(body.lines.at(-1)).toMatchObject({ who: 'staff', text: 'Hi, I am Mai from the team.' });
    // Older bot lines come back as the person saw them, without the buttons written out as text.
    expect(body.lines.filter((l) => l.who === 'bot').every((l) => !/\[[^\]]+\]\s*$/.test(l.text))).toBe(true);
    expect(text).not.toContain('internal');
    expect(text).not.toContain('ben');

    const bens = (await (await history(ben)).json()) as { lines: { who: string; text: string }[]; choices: { id: string }[] };
    expect(bens.lines[0]).toMatchObject({ who: 'you', text: 'hi from ben' });
    expect(bens.choices.map((c) => c.id)).toContain('role:self');
    expect(JSON.stringify(bens)).not.toContain('Mai');

    expect((await history('')).status).toBe(400);
    expect((await history(`reclaim_try=${randomBytes(16).toString('base64url')}`)).status).toBe(400);
    // A visitor who has not said anything yet has an empty history.
    const fresh = (await (await history(cookieOf(await start()))).json()) as { lines: unknown[] };
    expect(fresh.lines).toEqual([]);
    await purgeAll();
  });
});

describe('the console channel', () => {
  it('keeps messages for a bounded number of absent people, and forgets people who left', async () => {
    const channel = createConsoleChannel();
    const message = { text: 'hi', choices: [] };
    for (let i = 0; i < 10_000; i++) await channel.send(message, { channel: 'console', userId: `web-${i}` } as never, {} as never);
    // The newest absent people keep their messages; the oldest were dropped.
    const old: string[] = [];
    channel.listen('web-0', (m) => old.push(m.text))();
    expect(old).toEqual([]);
    const got: string[] = [];
    channel.listen('web-9999', (m) => got.push(m.text))();
    expect(got).toEqual(['hi']);
    expect(channel.size().waiting).toBeLessThanOrEqual(1000);
    for (let i = 0; i < 500; i++) channel.listen(`gone-${i}`, () => {})();
    expect(channel.size().listeners).toBe(0);
  });
});
