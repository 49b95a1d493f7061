// Live updates: the staff event stream (queue rows as they change, the end at sign-out) and the try-the-bot demo API.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, eventually } from '../helpers';
import { createRateLimiter } from '../../src/staff/rate-limit';
import { cookieOf, startHarness, type Harness } from './harness';

/** Reads server-sent events from a response body as they arrive. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { event: string; data: string }[] = [];
  let done = false;
  const pump = (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let index: number;
      while ((index = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) events.push({ event, data: data ?? '' });
      }
    }
    done = true;
  })();
  return { events, isDone: () => done, cancel: () => reader.cancel().catch(() => {}), pump };
}

describe.each(DIALECTS)('live updates on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, { limits: { tryMessages: createRateLimiter({ limit: 5, windowMs: 60_000 }) } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('streams a changed conversation as a queue row, then ends at sign-out', async () => {
    const agent = await h.signIn('agent');
    const response = await agent.call('GET', '/api/staff/events');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const sse = sseReader(response);
    await eventually(() => sse.events.some((e) => e.event === 'hello'), 5000, 'hello');
    const id = await h.conversation('stream-user-99887766', 'I want to die');
    const row = await eventually(() => sse.events.map((e) => (e.event === 'row' ? JSON.parse(e.data) : null)).find((r) => r?.id === id), 5000, 'row event');
    expect(row).toMatchObject({ id, channel: 'console', user: '••••7766', flags: ['urgent'] });
    expect(JSON.stringify(sse.events)).not.toContain('I want to die');
    expect((await agent.call('POST', '/api/staff/logout')).status).toBe(200);
    await eventually(() => sse.isDone(), 5000, 'stream end');
    expect(sse.events.at(-1)).toMatchObject({ event: 'signed_out' });
  });

  it('ends the stream when the session goes idle', async () => {
    const agent = await h.signIn('agent2');
    const sse = sseReader(await agent.call('GET', '/api/staff/events'));
    await eventually(() => sse.events.some((e) => e.event === 'hello'), 5000, 'hello');
    h.clock.now += 31 * 60_000;
    await eventually(() => sse.isDone(), 5000, 'stream end');
    expect(sse.events.at(-1)).toMatchObject({ event: 'signed_out', data: JSON.stringify({ reason: 'expired' }) });
  });

  it('lets a visitor chat with the real flow, without an account, within a rate limit', async () => {
    const start = await h.app.request('/api/try/start', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(start.status).toBe(200);
    const setCookie = start.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = cookieOf(start);
    const events = sseReader(await h.app.request('/api/try/events', { headers: { cookie } }));
    const send = (body: unknown) => h.app.request('/api/try/messages', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await send({ text: 'hello', locale: 'en-GB' })).status).toBe(202);
    await h.reclaim.outbox.drain();
    const first = await eventually(() => events.events.find((e) => e.event === 'message'), 5000, 'bot message');
    expect(JSON.parse(first.data).text).toContain('Reclaim');
    expect((await send({ choiceId: 'role:self' })).status).toBe(202);
    const conversation = await h.reclaim.store.db.selectFrom('conversations').select(['channel', 'user_id', 'step']).where('user_id', 'like', 'web-%').executeTakeFirstOrThrow();
    expect(conversation).toMatchObject({ channel: 'console', step: 'minor_at_capture' });
    for (let i = 0; i < 3; i++) expect((await send({ text: 'x' })).status).toBe(202);
    expect((await send({ text: 'one too many' })).status).toBe(429);
    expect((await h.app.request('/api/try/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' })).status).toBe(400);
    events.cancel();
  });
});
