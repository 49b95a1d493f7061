// Checking a case without the chat (case number + PIN), and the platforms taking part named in the chat.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPartner, revokePartner } from '../../src/engine/partners';
import { DIGEST_DELAY_MS } from '../../src/engine/cases';
import { createTranslator } from '../../src/engine/i18n';
import { issueHandoffToken } from '../../src/engine/tokens';
import { LOOKUP_LIMITS } from '../../src/http/case-lookup';
import { DIALECTS, eventually, startServer, type TestServer } from '../helpers';

const hex = (n: number, seed: number) => createHash('sha256').update(`${n}:${seed}:lookup`).digest('hex').slice(0, n);
const image = (seed: number) => ({ type: 'image', md5: hex(32, seed), sha256: hex(64, seed + 1), pdq: hex(64, seed + 2), quality: 90 });

describe.each(DIALECTS)('the case page’s API on %s', (dialect) => {
  let server: TestServer;
  let clock = Date.UTC(2025, 2, 3, 10, 0, 0);
  let address = 0;

  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: '1' }, { dialect, now: () => clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function submitCase(userId: string, locale = 'en'): Promise<{ caseNumber: string; pin: string; conversationId: string }> {
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:${Math.random()}`, kind: 'text', text: 'hi', localeHint: locale, at: clock });
    const { id } = await server.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
    const token = await issueHandoffToken(server.reclaim.store.db, id, clock);
    const response = await server.reclaim.app.request('/api/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, files: [image(userId.length)] }) });
    expect(response.status).toBe(201);
    return { ...((await response.json()) as { caseNumber: string; pin: string }), conversationId: id };
  }

  /** Each call from an address of its own unless told, so the per-address limit stays out of the way. */
  const post = (path: string, body: unknown, from = `198.51.100.${++address}`) =>
    server.reclaim.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify(body) });

  it('gives a PIN once at submission and keeps only its scrypt', async () => {
    const { caseNumber, pin } = await submitCase('pin-holder');
    expect(pin).toMatch(/^\d{8}$/);
    const row = await server.reclaim.store.db.selectFrom('cases').select('pin_hash').where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    expect(row.pin_hash).not.toContain(pin);
  });

  it('shows the case with its number and PIN, however they are typed, and each platform’s report by its name', async () => {
    const partner = await addPartner(server.reclaim.store.db, 'yt', { displayName: 'YouTube' });
    const { caseNumber, pin } = await submitCase('looker');
    const { id: hashId } = await server.reclaim.store.db.selectFrom('case_hashes as h').innerJoin('cases as c', 'c.id', 'h.case_id').select('h.id').where('c.case_number', '=', caseNumber).executeTakeFirstOrThrow();
    const { partnerHashId } = await import('../../src/engine/partners');
    const feedback = await server.reclaim.app.request('/api/partner/v1/feedback', { method: 'POST', headers: { authorization: `Bearer ${partner.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ hashId: partnerHashId(partner.partner, hashId), status: 'Blocked' }) });
    expect(feedback.status).toBe(202);
    const response = await post('/api/cases/lookup', { caseNumber: ` ${caseNumber.toLowerCase().replace('-', '')} `, pin: `${pin.slice(0, 4)} ${pin.slice(4)}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ caseNumber, status: 'active', reports: [{ platform: 'YouTube', status: 'removed' }] });
    await revokePartner(server.reclaim.store.db, 'yt');
  });

  it('answers a wrong PIN and an unknown case the same way, and names malformed fields', async () => {
    const { caseNumber, pin } = await submitCase('guessed');
    const wrongPin = String((Number(pin) + 1) % 1e8).padStart(8, '0');
    const wrong = await post('/api/cases/lookup', { caseNumber, pin: wrongPin });
    const unknown = await post('/api/cases/lookup', { caseNumber: 'AAAA-AAAA', pin });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.text()).toBe(await unknown.text());
    for (const [body, field] of [
      [{ caseNumber: 'nope', pin }, 'caseNumber'],
      [{ caseNumber, pin: '12' }, 'pin'],
      [{ caseNumber, pin, email: 'x@y.z' }, 'email'],
    ] as const) {
      const response = await post('/api/cases/lookup', body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { field: string }).field).toBe(field);
    }
  });

  it('stops guessing one case after a few tries from many addresses, and one address after many cases', async () => {
    const { caseNumber, pin } = await submitCase('targeted');
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUP_LIMITS.perCase + 2; i++) statuses.push((await post('/api/cases/lookup', { caseNumber, pin: String(10_000_000 + i) })).status);
    expect(statuses.slice(0, LOOKUP_LIMITS.perCase)).toEqual(Array(LOOKUP_LIMITS.perCase).fill(404));
    expect(statuses.slice(LOOKUP_LIMITS.perCase)).toEqual([429, 429]);
    // Even the right PIN waits: the limit does not tell a guesser when they hit it.
    const locked = await post('/api/cases/lookup', { caseNumber, pin });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // An unknown case number is limited the same way, so the limit says nothing about existence.
    const ghost: number[] = [];
    for (let i = 0; i < LOOKUP_LIMITS.perCase + 1; i++) ghost.push((await post('/api/cases/lookup', { caseNumber: 'CCCC-CCCC', pin: String(20_000_000 + i) })).status);
    expect(ghost.at(-1)).toBe(429);
    // One address trying many cases.
    const many: number[] = [];
    for (let i = 0; i < LOOKUP_LIMITS.perAddress + 1; i++) many.push((await post('/api/cases/lookup', { caseNumber: `DDDD-${'3467ACDEFGHJKMNPQRTVWXY'[i]!.repeat(4)}`, pin: '12345678' }, '203.0.113.9')).status);
    expect(many.at(-1)).toBe(429);
    clock += LOOKUP_LIMITS.windowMs + 1;
    expect((await post('/api/cases/lookup', { caseNumber, pin })).status).toBe(200);
  });

  it('withdraws the case with its number and PIN; partners then see it withdrawn', async () => {
    const { caseNumber, pin } = await submitCase('parent-withdraws');
    expect((await post('/api/cases/withdraw', { caseNumber, pin: '00000000' })).status).toBe(404);
    const response = await post('/api/cases/withdraw', { caseNumber, pin });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ caseNumber, status: 'withdrawn' });
    const feed = await server.reclaim.store.db.selectFrom('hash_feed as f').innerJoin('case_hashes as h', 'h.id', 'f.hash_id').innerJoin('cases as c', 'c.id', 'h.case_id').select('f.op').where('c.case_number', '=', caseNumber).execute();
    expect(feed.map((r) => r.op)).toContain('remove');
  });

  /** The texts queued for a conversation, in order. */
  async function queued(conversationId: string): Promise<string[]> {
    const rows = await server.reclaim.store.db.selectFrom('outbox').select('message').where('conversation_id', '=', conversationId).orderBy('id').execute();
    return rows.map((r) => (JSON.parse(r.message) as { text: string }).text);
  }

  /** Moves past the news delay and waits until no digest is left for the conversation. */
  async function tellNews(conversationId: string) {
    clock += DIGEST_DELAY_MS + 1;
    await server.reclaim.timers.runOnce();
    await eventually(async () => {
      const left = await server.reclaim.store.db.selectFrom('timers').select('name').where('conversation_id', '=', conversationId).where('name', '=', 'digest').execute();
      return left.length === 0;
    }, 10_000, 'the digest to be told');
  }

  it('tells the person once, in their language, that the case was withdrawn on the case page', async () => {
    const translator = await createTranslator();
    const { caseNumber, pin, conversationId } = await submitCase('told-of-page-withdrawal', 'th');
    expect((await post('/api/cases/withdraw', { caseNumber, pin })).status).toBe(200);
    // Withdrawing again changes nothing and tells nothing more.
    expect((await post('/api/cases/withdraw', { caseNumber, pin })).status).toBe(200);
    await tellNews(conversationId);
    await tellNews(conversationId);

    const said = translator.t('th', 'status.withdrawn_on_page', { caseNumber });
    expect(said).not.toBe('status.withdrawn_on_page');
    expect(said).not.toBe(translator.t('en', 'status.withdrawn_on_page', { caseNumber }));
    const texts = await queued(conversationId);
    expect(texts.filter((t) => t.includes(said))).toHaveLength(1);
    // The sharing news that was waiting is no longer true, so it is not told.
    expect(texts.some((t) => t.includes(translator.t('th', 'status.shared', { caseNumber })))).toBe(false);
  });

  it('tells nothing of a withdrawal on the case page to a demo visitor, to someone who blocked the bot, or to a conversation erased since', async () => {
    const translator = await createTranslator();
    const demo = await submitCase('web-demo-page-withdrawal');
    const blocked = await submitCase('blocked-before-withdrawal');
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: 'blocked-before-withdrawal', dedupeKey: 'blocked-before-withdrawal:left', kind: 'left', at: clock });
    const erased = await submitCase('erased-before-withdrawal');
    await server.reclaim.store.db.updateTable('cases').set({ conversation_id: null }).where('case_number', '=', erased.caseNumber).execute();

    for (const c of [demo, blocked, erased]) {
      const response = await post('/api/cases/withdraw', { caseNumber: c.caseNumber, pin: c.pin });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'withdrawn' });
    }
    for (const c of [demo, blocked]) await tellNews(c.conversationId);
    for (const c of [demo, blocked, erased]) {
      const said = translator.t('en', 'status.withdrawn_on_page', { caseNumber: c.caseNumber });
      expect(said).toContain(c.caseNumber);
      expect((await queued(c.conversationId)).filter((t) => t.includes(said))).toEqual([]);
    }
  });

  it('names the platforms taking part, and the limits, before the link; and says so when none has joined', async () => {
    const read = async (userId: string) => {
      const { id } = await server.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
      const rows = await server.reclaim.store.db.selectFrom('outbox').select('message').where('conversation_id', '=', id).orderBy('id').execute();
      return rows.map((r) => (JSON.parse(r.message) as { text: string }).text);
    };
    const walk = async (userId: string, locale: string) => {
      await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:0`, kind: 'text', text: 'hi', localeHint: locale, at: clock });
      let n = 1;
      for (const id of ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes']) {
        await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:${n++}`, kind: 'choice', choiceId: id, at: clock });
      }
      return read(userId);
    };
    const before = await walk('no-platforms-yet', 'en');
    expect(before.some((t) => t.includes('No platform is taking part yet') && t.includes('edited or cropped'))).toBe(true);

    await addPartner(server.reclaim.store.db, 'meta-ig', { displayName: 'Instagram' });
    await addPartner(server.reclaim.store.db, 'tiktok', { displayName: 'TikTok' });
    const en = await walk('platforms-en', 'en');
    const programme = en.find((t) => t.includes('Platforms taking part now'))!;
    expect(programme).toContain('Instagram and TikTok');
    expect(programme).toContain("Removal isn't guaranteed");
    expect(programme).toContain('photos and videos you still have');
    // Before the link message.
    const link = en.findIndex((t) => t.includes('Tap the link to open the fingerprint page'));
    expect(link).toBeGreaterThan(-1);
    expect(en.indexOf(programme)).toBeLessThan(link);
    const th = await walk('platforms-th', 'th');
    expect(th.some((t) => t.includes('Instagram') && t.includes('TikTok') && t.includes('ไม่รับประกัน'))).toBe(true);
    expect(await (await server.reclaim.app.request('/api/platforms')).json()).toEqual({ platforms: ['Instagram', 'TikTok'] });
  });
});
