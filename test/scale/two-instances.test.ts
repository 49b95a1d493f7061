// Two Reclaim instances on one PostgreSQL schema: what staff and demo visitors see does not depend on which instance serves them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { eventually, PG_URL, startSecondInstance, startServer, type FakeApi, type TestServer } from '../helpers';
import { postUpdate, startFakeTelegram, telegramEnv, textUpdate } from '../channels/telegram/fake';
import { createAccount } from '../../src/staff/accounts';
import type { PgChanges } from '../../src/engine/changes';
import { readSse, type SseReader } from './sse';

const PASSWORD = 'correct horse battery staple';
const TRY_SECRET = 'two-instances-demo-secret-0123456789';

interface Staff {
  cookie: string;
  csrf: string;
}

async function login(server: TestServer, email: string, password = PASSWORD): Promise<Response> {
  return fetch(`${server.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
}

async function signIn(server: TestServer, email: string): Promise<Staff> {
  const response = await login(server, email);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

function staffCall(server: TestServer, staff: Staff, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const rows = (sse: SseReader, from = 0) =>
  sse.events.slice(from).flatMap((e) => (e.event === 'row' ? [{ ...(JSON.parse(e.data) as { id: string; user: string; flags: string[]; heldBy?: unknown }), at: e.at }] : []));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('two instances on one PostgreSQL schema', () => {
  let fake: FakeApi;
  let a: TestServer;
  let b: TestServer;
  let staff: Staff;
  let stream: SseReader;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    const env = { ...telegramEnv(fake), TRY_BOT_SECRET: TRY_SECRET };
    a = await startServer(env, { dialect: 'postgres' });
    // B runs no workers: whatever B receives is delivered by A, so nothing reaches a page on B by B's own hand.
    b = await startSecondInstance(a, env, { workers: false });
    await createAccount(a.reclaim.store, { email: 'agent@helpline.test', role: 'agent', password: PASSWORD, now: Date.now() });
    await createAccount(a.reclaim.store, { email: 'limited@helpline.test', role: 'agent', password: PASSWORD, now: Date.now() });
    await (a.reclaim.changes as Partial<PgChanges>).ready?.();
    await (b.reclaim.changes as Partial<PgChanges>).ready?.();
    staff = await signIn(a, 'agent@helpline.test');
    stream = readSse(await staffCall(a, staff, 'GET', '/api/staff/events'));
    await eventually(() => stream.events.some((e) => e.event === 'hello'), 5000, 'hello on A');
  }, 30_000);
  afterAll(async () => {
    await stream?.cancel();
    await b?.close();
    await a?.close();
    await fake?.close();
  });

  it('shows an urgent Telegram message that arrived on B on the dashboard served by A, within a second', async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 50; i++) {
      const person = { id: 7_301_000 + i, language_code: 'en' };
      const started = Date.now();
      const response = await postUpdate(b.url, textUpdate(person, 'I want to die'));
      expect(response.status).toBe(200);
      const row = await eventually(() => rows(stream).find((r) => r.user === `••••${String(person.id).slice(-4)}` && r.flags.includes('urgent')), 5000, `row ${i} on A`);
      latencies.push(row.at - started);
    }
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    console.log(`dashboard propagation B → A over ${latencies.length} urgent messages (webhook sent → row on A's stream): p50 ${p50} ms, p99 ${p99} ms`);
    expect(JSON.stringify(stream.events)).not.toContain('I want to die');
  }, 120_000);

  it("shows a teen's reply on B in a conversation A's agent took over", async () => {
    const person = { id: 7_302_001, language_code: 'en' };
    expect((await postUpdate(b.url, textUpdate(person, 'hello'))).status).toBe(200);
    const first = await eventually(() => rows(stream).find((r) => r.user === '••••2001'), 5000, 'the conversation on A');
    expect((await staffCall(a, staff, 'POST', `/api/staff/conversations/${first.id}/takeover`, {})).status).toBe(200);
    await eventually(() => rows(stream).find((r) => r.id === first.id && r.heldBy), 5000, 'the takeover on A');
    const mark = stream.events.length;
    expect((await postUpdate(b.url, textUpdate(person, 'are you a real person?', 2))).status).toBe(200);
    await eventually(() => rows(stream, mark).find((r) => r.id === first.id), 5000, 'the reply on A');
    const view = (await (await staffCall(a, staff, 'GET', `/api/staff/conversations/${first.id}`)).json()) as unknown;
    expect(JSON.stringify(view)).toContain('are you a real person?');
  });

  it('keeps listening after its LISTEN connection is terminated', async () => {
    const changes = a.reclaim.changes as PgChanges;
    const pid = changes.listenerPid();
    expect(pid).toBeTypeOf('number');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      // Only this instance's own LISTEN backend, found by its pid.
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await eventually(() => changes.listenerPid() !== undefined && changes.listenerPid() !== pid, 10_000, 'a new LISTEN connection');
    await changes.ready();
    const person = { id: 7_303_001, language_code: 'en' };
    expect((await postUpdate(b.url, textUpdate(person, 'I want to die'))).status).toBe(200);
    await eventually(() => rows(stream).find((r) => r.user === '••••3001'), 5000, 'a row on A after the reconnect');
  });

  it('locks sign-in after 5 wrong passwords spread across A and B, as after 5 on one', async () => {
    const statuses: number[] = [];
    for (const server of [a, b, a, b, a]) statuses.push((await login(server, 'limited@helpline.test', 'wrong password guess')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await login(b, 'limited@helpline.test', 'wrong password guess')).status).toBe(429);
    expect((await login(a, 'limited@helpline.test')).status).toBe(429);
  });

  it('answers a try-the-bot message posted to A on the page stream served by B', async () => {
    const start = await fetch(`${a.url}/api/try/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(start.status).toBe(200);
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = readSse(await fetch(`${b.url}/api/try/events`, { headers: { cookie } }));
    try {
      await eventually(() => page.events.some((e) => e.event === 'hello'), 5000, 'hello on B');
      const sent = await fetch(`${a.url}/api/try/messages`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hello', locale: 'en' }) });
      expect(sent.status).toBe(202);
      const message = await eventually(() => page.events.find((e) => e.event === 'message'), 10_000, 'the bot reply on B');
      expect(JSON.parse(message.data).text).toContain('Reclaim');
    } finally {
      await page.cancel();
    }
  });
});
