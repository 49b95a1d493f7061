// Fuzzed requests to the HTTP APIs: submissions, the handoff check, the partner feed and feedback, staff sign-in and replies, the demo.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startServer, type TestServer } from '../helpers';
import { issueHandoffToken } from '../../src/engine/tokens';
import { addPartner } from '../../src/engine/partners';
import { createAccount } from '../../src/staff/accounts';
import { expectHandled, hostile, junkBody, maybe, RUNS, tally } from './arbitraries';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
const PASSWORD = 'correct horse battery staple';

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const frame = fc.record({ frame: maybe(fc.nat(8000)), timestamp: maybe(fc.double({ min: 0, max: 1e6, noNaN: true })), pdq: maybe(fc.oneof(fc.constant(PDQ), hex(64))), quality: maybe(fc.integer({ min: -5, max: 105 })) }, { requiredKeys: [] });
const file = fc.record(
  {
    type: maybe(fc.constantFrom('image', 'video', 'audio')),
    md5: maybe(fc.oneof(fc.constant(MD5), hex(32), hex(31))),
    sha256: maybe(fc.oneof(fc.constant(SHA), hex(64))),
    pdq: maybe(fc.oneof(fc.constant(PDQ), hex(64), hex(63))),
    quality: maybe(fc.integer({ min: -5, max: 105 })),
    vpdq: maybe(fc.array(frame, { maxLength: 3 })),
    name: maybe(fc.string()),
    image: maybe(fc.string()),
  },
  { requiredKeys: [] },
);

describe.each(DIALECTS)('fuzzed APIs on %s', (dialect) => {
  const runs = dialect === 'sqlite' ? 400 : 150;
  let server: TestServer;
  let token: string;
  let partnerKey: string;
  let staff: { cookie: string; csrf: string };
  let conversationId: string;

  let trustProxy: string | undefined;
  let address = 0;
  /** Each request from its own address (behind one trusted proxy), so runs reach past the rate limits to the checks. */
  const fresh = () => ({ 'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}` });
  beforeAll(async () => {
    trustProxy = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = '1';
    server = await startServer({}, { dialect, workers: false });
    const handled = await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: 'fuzz-teen', dedupeKey: 'fuzz:0', kind: 'text', text: 'hi', localeHint: 'en', at: Date.now() });
    conversationId = handled.conversationId!;
    token = await issueHandoffToken(server.reclaim.store.db, conversationId, Date.now());
    partnerKey = (await addPartner(server.reclaim.store.db, 'Fuzz Platform')).key;
    await createAccount(server.reclaim.store, { email: 'fuzz@helpline.test', role: 'agent', password: PASSWORD, now: Date.now() });
    const login = await server.reclaim.app.request('/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'fuzz@helpline.test', password: PASSWORD }) });
    expect(login.status).toBe(200);
    staff = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
    const takeover = await server.reclaim.app.request(`/api/staff/conversations/${conversationId}/takeover`, { method: 'POST', headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf } });
    expect(takeover.status).toBe(200);
  }, 30_000);
  afterAll(async () => {
    if (trustProxy === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trustProxy;
    await server?.close();
  });

  const request = (path: string, init: RequestInit = {}) => server.reclaim.app.request(path, init);
  const json = (body: string, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('POST /api/submissions: no body gives a 5xx, and a 400 names the field', async () => {
    const seen = tally();
    // Mostly a valid submission with one thing wrong (or nothing), so runs reach every check and the store.
    const validFile = fc.oneof(
      fc.record({ type: fc.constant('image'), md5: hex(32), sha256: hex(64), pdq: hex(64), quality: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ type: fc.constant('video'), md5: hex(32), sha256: hex(64), vpdq: fc.array(fc.record({ frame: fc.nat(100), timestamp: fc.double({ min: 0, max: 100, noNaN: true }), pdq: hex(64), quality: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 3 }) }),
    );
    const valid = fc.array(validFile, { minLength: 1, maxLength: 3 }).map((files) => ({ token: '', files }) as Record<string, unknown>);
    const broken = fc.tuple(valid, fc.nat(), fc.constantFrom('token', 'files', 'file', 'field', 'frame', 'extra'), fc.oneof(hostile, fc.constant(undefined))).map(([body, pick, where, value]) => {
      const files = body.files as Record<string, unknown>[];
      const target = files[pick % files.length]!;
      if (where === 'token' || where === 'files' || where === 'extra') body[where] = value;
      else if (where === 'file') files[pick % files.length] = value as never;
      else if (where === 'field') target[Object.keys(target)[pick % Object.keys(target).length]!] = value;
      else if (Array.isArray(target.vpdq)) (target.vpdq as Record<string, unknown>[])[0]![['frame', 'timestamp', 'pdq', 'quality'][pick % 4]!] = value;
      else target.vpdq = value;
      return body;
    });
    const body = fc.oneof(
      { weight: 2, arbitrary: valid.map((v) => JSON.stringify(v)) },
      { weight: 4, arbitrary: broken.map((v) => JSON.stringify(v)) },
      { weight: 2, arbitrary: fc.record({ token: maybe(fc.string()), files: maybe(fc.array(file, { maxLength: 3 })), extra: maybe(hostile) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: junkBody },
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        // The live token goes in where the body has the empty placeholder.
        const text = raw.replace('"token":""', `"token":"${token}"`);
        const response = await request('/api/submissions', json(text));
        if (response.status === 400) {
          const answer = (await response.clone().json()) as { error: string; field: string };
          expect(answer.field, text).toBeTypeOf('string');
          expect(answer.error.startsWith(`${answer.field}:`), `${answer.error} names ${answer.field}`).toBe(true);
        }
        // A submission that went through spent the token: a fresh one for the next case.
        if (response.status === 201) token = await issueHandoffToken(server.reclaim.store.db, conversationId, Date.now());
        await expectHandled(response, `submission ${text.slice(0, 300)}`, seen);
      }),
      RUNS(runs, 1311),
    );
    console.log(`submissions on ${dialect}:`, seen.counts);
  }, 240_000);

  it('POST /api/handoff/check: no body gives a 5xx', async () => {
    const seen = tally();
    const body = fc.oneof(fc.record({ token: maybe(fc.oneof(fc.constant(token), fc.string())) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)), junkBody);
    await fc.assert(
      fc.asyncProperty(body, async (text) => expectHandled(await request('/api/handoff/check', json(text, fresh())), `check ${text.slice(0, 200)}`, seen)),
      RUNS(Math.min(runs, 200), 1312),
    );
    console.log(`handoff check on ${dialect}:`, seen.counts);
  }, 240_000);

  it('GET /api/partner/v1/hashes: no query gives a 5xx, and a 400 names the parameter', async () => {
    const seen = tally();
    const value = fc.oneof(fc.nat().map(String), fc.string({ maxLength: 20 }), fc.constantFrom('-1', '0', '1000', '1001', '1e3', '9'.repeat(30), ''));
    const query = fc.record({ after: fc.option(value), limit: fc.option(value), pageSize: fc.option(value), nextPageToken: fc.option(value), format: fc.option(fc.constantFrom('tsv', 'json', 'x')) });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== null) as [string, string][]);
        const response = await request(`/api/partner/v1/hashes?${params}`, { headers: { authorization: `Bearer ${partnerKey}` } });
        if (response.status === 400) expect(((await response.clone().json()) as { error: string }).error).toMatch(/^(after|limit): /);
        await expectHandled(response, `hashes ?${params}`, seen);
      }),
      RUNS(Math.min(runs, 300), 1313),
    );
    console.log(`partner feed on ${dialect}:`, seen.counts);
  }, 240_000);

  it('POST /api/partner/v1/feedback: no body gives a 5xx, and a 400 names the field', async () => {
    const seen = tally();
    const body = fc.oneof(
      fc.record({ hashId: maybe(fc.string({ maxLength: 70 })), status: maybe(fc.constantFrom('removed', 'Blocked', 'pending_review', 'nope')), note: maybe(fc.string({ maxLength: 600 })), other: maybe(hostile) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      junkBody,
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await request('/api/partner/v1/feedback', json(text, { authorization: `Bearer ${partnerKey}` }));
        if (response.status === 400) {
          const answer = (await response.clone().json()) as { error: string; field?: string };
          if (answer.field) expect(answer.error.startsWith(`${answer.field}:`), answer.error).toBe(true);
          else expect(answer.error).toMatch(/^body: /);
        }
        await expectHandled(response, `feedback ${text.slice(0, 200)}`, seen);
      }),
      RUNS(Math.min(runs, 300), 1314),
    );
    console.log(`partner feedback on ${dialect}:`, seen.counts);
  }, 240_000);

  it('POST /api/staff/login: no body gives a 5xx', async () => {
    const seen = tally();
    const body = fc.oneof(fc.record({ email: maybe(fc.oneof(fc.emailAddress(), fc.string())), password: maybe(fc.string({ maxLength: 300 })) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)), junkBody);
    await fc.assert(
      fc.asyncProperty(body, async (text) => expectHandled(await request('/api/staff/login', json(text, fresh())), `login ${text.slice(0, 200)}`, seen)),
      RUNS(Math.min(runs, 100), 1315),
    );
    console.log(`staff login on ${dialect}:`, seen.counts);
  }, 240_000);

  it('POST /api/staff/conversations/:id/reply: no body or id gives a 5xx', async () => {
    const seen = tally();
    const id = fc.oneof({ weight: 4, arbitrary: fc.constant(conversationId) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent) });
    const body = fc.oneof(fc.record({ text: maybe(fc.string({ maxLength: 5000 })) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)), junkBody);
    await fc.assert(
      fc.asyncProperty(id, body, async (target, text) => {
        const response = await request(`/api/staff/conversations/${target}/reply`, json(text, { cookie: staff.cookie, 'x-csrf-token': staff.csrf }));
        await expectHandled(response, `reply to ${target} ${text.slice(0, 200)}`, seen);
      }),
      RUNS(Math.min(runs, 300), 1316),
    );
    console.log(`staff replies on ${dialect}:`, seen.counts);
  }, 240_000);

  it('POST /api/try/messages: no body gives a 5xx', async () => {
    const seen = tally();
    const start = await request('/api/try/start', json('{}'));
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
    const body = fc.oneof(fc.record({ text: maybe(fc.string({ maxLength: 1200 })), choiceId: maybe(fc.oneof(fc.constantFrom('role:self', 'minor:yes', 'lang:th'), fc.string())), locale: maybe(fc.string()) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)), junkBody);
    await fc.assert(
      fc.asyncProperty(body, async (text) => expectHandled(await request('/api/try/messages', json(text, { cookie, ...fresh() })), `try ${text.slice(0, 200)}`, seen)),
      RUNS(Math.min(runs, 200), 1317),
    );
    console.log(`try the bot on ${dialect}:`, seen.counts);
  }, 240_000);
});
