// The public demo reaches no platform and no agent: a demo visitor's case never enters the partner feed or its feedback,
// real cases still do, and the staff live stream carries demo conversations only to a supervisor who asked for them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPartner, partnerHashId, type Partner } from '../../src/engine/partners';
import { issueHandoffToken } from '../../src/engine/tokens';
import { createRateLimiter } from '../../src/staff/rate-limit';
import type { RenderedMessage } from '../../src/core/messages';
import { DIALECTS, eventually } from '../helpers';
import { cookieOf, startHarness, type Client, type Harness } from './harness';

// Shorter than a staff session's idle timeout, so the streams outlive the demo they watch.
const TTL = 5 * 60_000;
const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 5 + seed * 11) % 16).toString(16)).join('');
const image = (seed: number) => ({ type: 'image', md5: hex(32, seed), sha256: hex(64, seed + 1), pdq: hex(64, seed + 2), quality: 90 });
const valuesOf = (file: ReturnType<typeof image>) => [file.md5, file.sha256, file.pdq];

type Page = { count: number; hashRecords: { id: string; hashValue: string; hashStatus: string }[]; nextCursor: string };

/** Reads a server-sent event stream in the background, keeping every event. */
function readEvents(response: Response): { events: { event: string; data: string }[]; stop: () => Promise<void> } {
  const events: { event: string; data: string }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = /^data: ?(.*)$/m.exec(block)?.[1];
        if (event && data !== undefined) events.push({ event, data });
      }
    }
  })();
  return { events, stop: () => reader.cancel().catch(() => {}) };
}

describe.each(DIALECTS)('the demo reaches no platform and no agent on %s', (dialect) => {
  let h: Harness;
  let partner: Partner;
  let key: string;
  beforeAll(async () => {
    h = await startHarness(dialect, {
      limits: { tryMessages: createRateLimiter({ limit: 10_000, windowMs: 60_000 }), tryStarts: createRateLimiter({ limit: 10_000, windowMs: 60_000 }) },
      tryDemo: { ttlMs: TTL },
    });
    ({ partner, key } = await addPartner(h.reclaim.store.db, 'Platform A'));
  });
  afterAll(async () => {
    await h?.close();
  });

  const say = (cookie: string, body: unknown) => h.app.request('/api/try/messages', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const submit = (token: string, files: unknown[]) =>
    h.reclaim.app.request('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, files }) });
  const feed = async (): Promise<Page> =>
    (await (await h.reclaim.app.request('/api/partner/v1/hashes?after=0&limit=1000', { headers: { authorization: `Bearer ${key}` } })).json()) as Page;
  const feedback = (hashId: string) =>
    h.reclaim.app.request('/api/partner/v1/feedback', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ hashId, status: 'removed' }) });

  /** A demo visitor who walks the public demo to the hashing link; resolves with the link's token and what the page showed. */
  async function demoVisitor(): Promise<{ cookie: string; token: string; shown: RenderedMessage[]; stop: () => Promise<void> }> {
    const started = await h.app.request('/api/try/start', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(started.status).toBe(200);
    const cookie = cookieOf(started);
    const stream = readEvents(await h.app.request('/api/try/events', { headers: { cookie } }));
    const shown = () => stream.events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data) as RenderedMessage);
    expect((await say(cookie, { text: 'hi', locale: 'en' })).status).toBe(202);
    for (const choiceId of ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes']) {
      await h.reclaim.outbox.drain();
      expect((await say(cookie, { choiceId })).status).toBe(202);
    }
    await h.reclaim.outbox.drain();
    const url = await eventually(() => shown().find((m) => m.link?.url)?.link?.url, 10_000, 'the hashing link on the demo page');
    const token = /#t=([A-Za-z0-9_-]+)/.exec(url)![1]!;
    return { cookie, token, get shown() { return shown(); }, stop: stream.stop };
  }

  it('keeps a demo case out of the partner feed and its feedback, and tells the visitor it was a demo', async () => {
    const visitor = await demoVisitor();
    const files = [image(1), image(2)];
    const response = await submit(visitor.token, files);
    expect(response.status).toBe(201);
    const { caseNumber } = (await response.json()) as { caseNumber: string };
    expect(caseNumber).toMatch(/\S/);

    const served = (await feed()).hashRecords.map((r) => r.hashValue);
    expect(files.flatMap(valuesOf).filter((value) => served.includes(value))).toEqual([]);

    await h.reclaim.outbox.drain();
    const confirmation = await eventually(() => visitor.shown.find((m) => m.text.includes(caseNumber)), 10_000, 'the case number on the demo page');
    expect(confirmation.text).toMatch(/demo/i);
    expect(confirmation.text).not.toContain('shared with participating platforms');
    await visitor.stop();

    // A partner that guesses the id of a demo hash learns nothing and records nothing.
    const stored = await h.reclaim.store.db.selectFrom('case_hashes as h').innerJoin('cases as c', 'c.id', 'h.case_id').select('h.id').where('c.case_number', '=', caseNumber).execute();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect((await feedback(partnerHashId(partner, row.id))).status).toBe(404);
    const feedbackEvents = await h.reclaim.store.db.selectFrom('case_events as e').innerJoin('cases as c', 'c.id', 'e.case_id').select('e.id').where('c.case_number', '=', caseNumber).where('e.source', '=', 'partner').execute();
    expect(feedbackEvents).toEqual([]);
  });

  it('still shares a real case (a person outside the demo, and the terminal chat) with platforms', async () => {
    const files = [image(7)];
    for (const userId of ['u-real-person', 'terminal']) {
      const { conversationId } = await h.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:hi`, kind: 'text', text: 'hi', localeHint: 'en', at: h.clock.now });
      const token = await issueHandoffToken(h.reclaim.store.db, conversationId!, Date.now());
      const file = userId === 'terminal' ? image(9) : files[0]!;
      expect((await submit(token, [file])).status).toBe(201);
      const page = await feed();
      const served = page.hashRecords.filter((r) => r.hashStatus === 'Active').map((r) => r.hashValue);
      for (const value of valuesOf(file)) expect(served).toContain(value);
      const id = page.hashRecords.find((r) => r.hashValue === file.md5)!.id;
      expect((await feedback(id)).status).toBe(202);
    }
  });

  it('streams demo conversations to no agent, and to a supervisor only when asked', async () => {
    const open = async (client: Client, path = '/api/staff/events') => {
      const response = await client.call('GET', path);
      expect(response.status).toBe(200);
      const stream = readEvents(response);
      await eventually(() => stream.events.some((e) => e.event === 'hello'), 10_000, 'the stream to open');
      return stream;
    };
    const agent = await h.signIn('agent');
    const supervisor = await h.signIn('supervisor');
    const agentStream = await open(agent);
    const plainStream = await open(supervisor);
    const demoStream = await open(supervisor, '/api/staff/events?demo=1');
    const idsIn = (stream: ReturnType<typeof readEvents>, event: string) => stream.events.filter((e) => e.event === event).map((e) => (JSON.parse(e.data) as { id: string }).id);

    // A demo visitor talks, then a real person does: once the real row arrives, the demo's change has been dealt with.
    const started = await h.app.request('/api/try/start', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const cookie = cookieOf(started);
    expect((await say(cookie, { text: 'hello', locale: 'en' })).status).toBe(202);
    const userId = `web-${/=([^.]+)\./.exec(cookie)![1]}`;
    const demo = await h.reclaim.store.db.selectFrom('conversations').select('id').where('channel', '=', 'console').where('user_id', '=', userId).executeTakeFirstOrThrow();
    const real = await h.conversation(`u-after-demo-${dialect}`);
    for (const stream of [agentStream, plainStream, demoStream]) await eventually(() => idsIn(stream, 'row').includes(real), 10_000, 'the real row');
    await eventually(() => idsIn(demoStream, 'row').includes(demo.id), 10_000, 'the demo row for the supervisor who asked');
    expect(idsIn(agentStream, 'row')).not.toContain(demo.id);
    expect(idsIn(plainStream, 'row')).not.toContain(demo.id);

    // The idle demo is removed: only the supervisor who asked hears that it is gone.
    h.clock.now += TTL + 60_000;
    expect((await h.app.request('/api/try/start', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    await eventually(() => idsIn(demoStream, 'gone').includes(demo.id), 10_000, 'the demo gone for the supervisor who asked');
    const later = await h.conversation(`u-after-purge-${dialect}`);
    for (const stream of [agentStream, plainStream]) await eventually(() => idsIn(stream, 'row').includes(later), 10_000, 'the later real row');
    expect(idsIn(agentStream, 'gone')).not.toContain(demo.id);
    expect(idsIn(plainStream, 'gone')).not.toContain(demo.id);
    expect(JSON.stringify(agentStream.events)).not.toContain(demo.id);
    for (const stream of [agentStream, plainStream, demoStream]) await stream.stop();
    // Only a supervisor may ask for demo rows.
    const refused = await agent.call('GET', '/api/staff/events?demo=1');
    if (refused.status === 200) await refused.body?.cancel();
    expect(refused.status).toBe(403);
  });
});
