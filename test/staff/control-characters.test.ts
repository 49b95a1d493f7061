// Staff and demo input carrying U+0000 and other control characters: stored cleaned or refused clearly, never a 500, on both databases.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers';
import { cookieOf, startHarness, type Harness } from './harness';

describe.each(DIALECTS)('control characters in staff input on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(() => h?.close());

  it('signs in with an e-mail address carrying U+0000 as a failed login, not a 500', async () => {
    const response = await h.login(`agent\u0000@helpline.test`, 'wrong password here');
    expect(response.status).toBe(401);
  });

  it('stores a reply and a note with U+0000 cleaned', async () => {
    const agent = await h.signIn('agent');
    const id = await h.conversation();
    expect((await agent.call('POST', `/api/staff/conversations/${id}/takeover`)).status).toBe(200);
    expect((await agent.call('POST', `/api/staff/conversations/${id}/reply`, { text: 'I am\u0000 here.' })).status).toBe(200);
    expect((await agent.call('POST', `/api/staff/conversations/${id}/notes`, { text: 'calmer\u0000 now' })).status).toBe(200);
    expect((await agent.call('POST', `/api/staff/conversations/${id}/reply`, { text: '\u0000\u0000' })).status).toBe(400);
    const lines = await h.reclaim.store.db.selectFrom('transcript').select('text').where('conversation_id', '=', id).execute();
    expect(lines.some((line) => line.text.includes('I am here.'))).toBe(true);
    expect(lines.some((line) => line.text.endsWith('calmer now'))).toBe(true);
    expect(lines.every((line) => !line.text.includes('\u0000'))).toBe(true);
  });

  it('takes a try-the-bot message with U+0000, cleaned', async () => {
    const start = await h.app.request('/api/try/start', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const cookie = cookieOf(start);
    const response = await h.app.request('/api/try/messages', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hel\u0000lo' }) });
    expect(response.status).toBe(202);
    const lines = await h.reclaim.store.db.selectFrom('transcript').select('text').where('direction', '=', 'in').execute();
    expect(lines.some((line) => line.text === 'hello')).toBe(true);
  });
});
