// POST /api/handoff/check: the hashing page asks whether its link still works, without spending it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, issueHandoffToken } from '../../src/engine/tokens';
import { HANDOFF_CHECK_LIMIT, MAX_CHECK_BYTES } from '../../src/http/handoff';
import { DIALECTS, startServer, type TestServer } from '../helpers';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe.each(DIALECTS)('checking a handoff link on %s', (dialect) => {
  let server: TestServer;
  let conversationId: string;

  beforeAll(async () => {
    server = await startServer({}, { dialect });
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: 'teen', dedupeKey: 'k0', kind: 'text', text: 'hi', localeHint: 'en', at: Date.now() });
    conversationId = (await server.reclaim.store.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => server?.close());

  // Each request from its own address, so the limit of one test never decides another's answer.
  let address = 0;
  const check = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }, from = `10.0.0.${++address}`) =>
    server.reclaim.app.request('/api/handoff/check', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }, { incoming: { socket: { remoteAddress: from } } });
  const token = (at = Date.now()) => issueHandoffToken(server.reclaim.store.db, conversationId, at);
  const submit = (t: string) =>
    server.reclaim.app.request('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: t, files: [{ type: 'image', md5: MD5, sha256: SHA }] }) });
  const usedAt = async (t: string) =>
    (await server.reclaim.store.db.selectFrom('handoff_tokens').select('used_at').where('token_hash', '=', hashToken(t)).executeTakeFirstOrThrow()).used_at;

  it('answers 200 with the expiry for a fresh link, and leaves it unspent', async () => {
    const issuedAt = Date.now();
    const t = await token(issuedAt);
    for (let i = 0; i < 3; i++) {
      const response = await check({ token: t });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { ok: boolean; expiresAt: number };
      expect(body.ok).toBe(true);
      expect(body.expiresAt).toBeGreaterThan(issuedAt);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(await usedAt(t)).toBeNull();
    expect((await submit(t)).status).toBe(201);
  });

  it('answers 401 for a token it never issued', async () => {
    const response = await check({ token: 'x'.repeat(43) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(false);
  });

  it('answers 410 for a used link and for an expired one', async () => {
    const used = await token();
    expect((await submit(used)).status).toBe(201);
    const usedAnswer = await check({ token: used });
    expect(usedAnswer.status).toBe(410);
    expect(await usedAnswer.json()).toEqual({ ok: false, reason: 'used', error: 'token: the link was used already' });

    const expired = await token(Date.now() - 61 * 60_000);
    const expiredAnswer = await check({ token: expired });
    expect(expiredAnswer.status).toBe(410);
    expect(await expiredAnswer.json()).toEqual({ ok: false, reason: 'expired', error: 'token: the link has expired' });
    expect(await usedAt(expired)).toBeNull();
  });

  it('refuses anything but a small JSON object with a well-formed token', async () => {
    expect((await check({ token: 'x'.repeat(43) }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await check('{not json')).status).toBe(400);
    expect((await check({})).status).toBe(400);
    expect((await check({ token: 'short' })).status).toBe(400);
    expect((await check({ token: 'x'.repeat(43), extra: 1 })).status).toBe(400);
    expect((await check(JSON.stringify({ token: 'x'.repeat(43), pad: ' '.repeat(MAX_CHECK_BYTES) }))).status).toBe(413);
    // The token is never a query parameter: a GET, with or without one, is not a check.
    const get = await server.reclaim.app.request(`/api/handoff/check?token=${'x'.repeat(43)}`);
    expect([404, 405]).toContain(get.status);
  });

  it('limits how often one address may ask, and no other', async () => {
    const t = await token();
    const from = '192.0.2.7';
    for (let i = 0; i < HANDOFF_CHECK_LIMIT.limit; i++) expect((await check({ token: t }, undefined, from)).status).toBe(200);
    const refused = await check({ token: t }, undefined, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Unknown tokens count too: guessing is limited as much as asking.
    expect((await check({ token: 'y'.repeat(43) }, undefined, from)).status).toBe(429);
    expect((await check({ token: t }, undefined, '192.0.2.8')).status).toBe(200);
    expect(await usedAt(t)).toBeNull();
  });
});
