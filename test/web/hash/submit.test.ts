// Every answer POST /api/submissions can give, mapped to what the page shows.

import { describe, expect, it } from 'vitest';
import { sendSubmission } from '../../../src/web/hash/submit';

const answer = (status: number, json: unknown = {}) => (async () => new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;

describe('sendSubmission', () => {
  it('posts the body as JSON, without credentials or referrer', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response(JSON.stringify({ caseNumber: 'ABCD-EFGH' }), { status: 201 });
    }) as unknown as typeof fetch;
    expect(await sendSubmission('{"token":"x","files":[]}', fetchImpl)).toEqual({ kind: 'created', caseNumber: 'ABCD-EFGH' });
    expect(seen?.url).toBe('/api/submissions');
    expect(seen?.init).toMatchObject({ method: 'POST', body: '{"token":"x","files":[]}', credentials: 'omit', referrerPolicy: 'no-referrer', headers: { 'content-type': 'application/json' } });
  });

  it('calls 401 and 410 a dead link', async () => {
    expect(await sendSubmission('{}', answer(401))).toEqual({ kind: 'link-dead' });
    expect(await sendSubmission('{}', answer(410))).toEqual({ kind: 'link-dead' });
  });

  it('calls a failed request offline, and any other answer a server error', async () => {
    expect(await sendSubmission('{}', (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch)).toEqual({ kind: 'offline' });
    expect(await sendSubmission('{}', answer(503))).toEqual({ kind: 'server-error', status: 503 });
    expect(await sendSubmission('{}', answer(400, { error: 'files[0].md5: …', field: 'files[0].md5' }))).toEqual({ kind: 'server-error', status: 400 });
    expect(await sendSubmission('{}', answer(201, { nothing: true }))).toEqual({ kind: 'server-error', status: 201 });
  });
});
