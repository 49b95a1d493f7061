// POST /api/submissions: hashes only, every field checked, single-use tokens, nothing half-written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueHandoffToken } from '../../src/engine/tokens';
import { isCaseNumber } from '../../src/core/case-number';
import { DIALECTS, startServer, type TestServer } from '../helpers';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
const image = { type: 'image', md5: MD5, sha256: SHA, pdq: PDQ, quality: 100 };

describe.each(DIALECTS)('submissions on %s', (dialect) => {
  let server: TestServer;
  let conversationId: string;

  beforeAll(async () => {
    server = await startServer({}, { dialect });
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: 'teen', dedupeKey: 'k0', kind: 'text', text: 'hi', localeHint: 'en', at: Date.now() });
    conversationId = (await server.reclaim.store.db.selectFrom('conversations').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => server?.close());

  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    server.reclaim.app.request('/api/submissions', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const token = (at = Date.now()) => issueHandoffToken(server.reclaim.store.db, conversationId, at);
  const caseCount = async () => Number((await server.reclaim.store.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('creates a case from hashes, consumes the token and tells the chat the case number', async () => {
    const t = await token();
    const response = await post({ token: t, files: [image, { type: 'video', md5: MD5, sha256: SHA, vpdq: [{ frame: 0, timestamp: 0, pdq: PDQ, quality: 90 }] }] });
    expect(response.status).toBe(201);
    const { caseNumber } = (await response.json()) as { caseNumber: string };
    expect(isCaseNumber(caseNumber)).toBe(true);
    const hashes = await server.reclaim.store.db.selectFrom('case_hashes').select(['signal_type', 'media_type', 'value', 'quality']).orderBy('id').execute();
    expect(hashes.map((h) => `${h.media_type}/${h.signal_type}`)).toEqual(['image/md5', 'image/sha256', 'image/pdq', 'video/md5', 'video/sha256', 'video/vpdq']);
    const told = await server.reclaim.store.db.selectFrom('outbox').select('message').where('conversation_id', '=', conversationId).execute();
    expect(told.some((r) => r.message.includes(caseNumber))).toBe(true);
    const again = await post({ token: t, files: [image] });
    expect(again.status).toBe(410);
  });

  it('refuses an unknown token with 401 and an expired one with 410', async () => {
    expect((await post({ token: 'A'.repeat(43), files: [image] })).status).toBe(401);
    const old = await token(Date.now() - 61 * 60_000);
    const response = await post({ token: old, files: [image] });
    expect(response.status).toBe(410);
    expect(((await response.json()) as { error: string }).error).toMatch(/expired/);
  });

  const cases: [string, unknown, string][] = [
    ['a missing token', { files: [image] }, 'token'],
    ['a malformed token', { token: 'not a token!', files: [image] }, 'token'],
    ['no files', { token: 'A'.repeat(43), files: [] }, 'files'],
    ['51 files', { token: 'A'.repeat(43), files: Array.from({ length: 51 }, () => image) }, 'files'],
    ['a short md5', { token: 'A'.repeat(43), files: [{ ...image, md5: 'abc' }] }, 'files[0].md5'],
    ['a non-hex sha256', { token: 'A'.repeat(43), files: [{ ...image, sha256: 'z'.repeat(64) }] }, 'files[0].sha256'],
    ['a pdq of the wrong length', { token: 'A'.repeat(43), files: [image, { ...image, pdq: 'ab' }] }, 'files[1].pdq'],
    ['quality above 100', { token: 'A'.repeat(43), files: [{ ...image, quality: 101 }] }, 'files[0].quality'],
    ['a pdq without quality', { token: 'A'.repeat(43), files: [{ type: 'image', md5: MD5, sha256: SHA, pdq: PDQ }] }, 'files[0].quality'],
    ['an unknown type', { token: 'A'.repeat(43), files: [{ ...image, type: 'audio' }] }, 'files[0].type'],
    ['file bytes', { token: 'A'.repeat(43), files: [{ ...image, data: 'iVBORw0KGgo=' }] }, 'files[0].data'],
    ['an extra top-level field', { token: 'A'.repeat(43), files: [image], name: 'Alice' }, 'name'],
    ['a bad vpdq frame', { token: 'A'.repeat(43), files: [{ type: 'video', md5: MD5, sha256: SHA, vpdq: [{ pdq: 'x', quality: 1 }] }] }, 'files[0].vpdq[0].pdq'],
  ];

  it.each(cases)('refuses %s with 400 naming the field', async (_name, body, field) => {
    const before = await caseCount();
    const response = await post(body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; field: string };
    expect(answer.field).toBe(field);
    expect(answer.error.startsWith(field)).toBe(true);
    expect(await caseCount()).toBe(before);
  });

  it('refuses a body that is not JSON, or too large, without consuming the token', async () => {
    const t = await token();
    expect((await post('{"token":', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await post({ token: t, files: [image] }, { 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(415);
    const big = JSON.stringify({ token: t, files: [image], pad: 'x'.repeat(70_000) });
    expect((await post(big)).status).toBe(413);
    expect((await post({ token: t, files: [image] })).status).toBe(201);
  });

  it('is not written halfway when the conversation step fails', async () => {
    // A token whose conversation row is gone still creates an anonymous case; a token reused concurrently wins once.
    const t = await token();
    const results = await Promise.all([post({ token: t, files: [image] }), post({ token: t, files: [image] })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
  });
});
