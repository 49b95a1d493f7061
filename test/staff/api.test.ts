// The staff API's rules, in process on both databases: sign-in, sessions, CSRF, rate limits, roles, holding, audit.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../helpers';
import { readAudit } from '../../src/staff/audit';
import { createAccount } from '../../src/staff/accounts';
import { LOGIN_LIMITS } from '../../src/staff/mount';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../src/staff/sessions';
import { PASSWORD, cookieOf, startHarness, type Client, type Harness } from './harness';

const MINUTE = 60_000;

describe.each(DIALECTS)('staff API on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.close();
  });

  const auditOf = (conversationId: string) => readAudit(h.reclaim.store.db, { conversationId });

  describe('signing in', () => {
    it('refuses a wrong password with 401 and records the failure', async () => {
      const response = await h.login(h.accounts.agent.email, 'not the password at all');
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'invalid_credentials' });
      expect(response.headers.get('set-cookie')).toBeNull();
      const [entry] = await readAudit(h.reclaim.store.db, { staffId: h.accounts.agent.id, action: 'login_failed' });
      expect(entry).toMatchObject({ staffEmail: h.accounts.agent.email, action: 'login_failed' });
    });

    it('refuses an unknown address the same way, without storing what was typed', async () => {
      const response = await h.login('nobody@helpline.test');
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'invalid_credentials' });
      const entries = await readAudit(h.reclaim.store.db, { action: 'login_failed' });
      expect(entries.some((e) => JSON.stringify(e).includes('nobody@'))).toBe(false);
    });

    it('sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
      const response = await h.login(h.accounts.agent.email);
      expect(response.status).toBe(200);
      const header = response.headers.get('set-cookie') ?? '';
      expect(header).toMatch(/^reclaim_staff=[A-Za-z0-9_-]{43};/);
      expect(header).toContain('HttpOnly');
      expect(header).toContain('SameSite=Strict');
      expect(header).not.toContain('Secure');
      const body = (await response.json()) as { csrfToken: string; account: Record<string, unknown> };
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(body.account).toMatchObject({ email: h.accounts.agent.email, role: 'agent' });
      expect(JSON.stringify(body)).not.toContain('scrypt');
    });

    it('marks the cookie Secure and __Host- behind HTTPS', async () => {
      const response = await h.login(h.accounts.agent.email, PASSWORD, { 'x-forwarded-proto': 'https' });
      const header = response.headers.get('set-cookie') ?? '';
      expect(header).toMatch(/^__Host-reclaim_staff=/);
      expect(header).toContain('Secure');
      expect(header).toContain('Path=/');
    });

    it('stores only the SHA-256 of the session token', async () => {
      const response = await h.login(h.accounts.agent.email);
      const token = cookieOf(response).split('=')[1]!;
      const rows = await h.reclaim.store.db.selectFrom('staff_sessions').select('token_hash').execute();
      expect(rows.some((r) => r.token_hash === token)).toBe(false);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    });

    it('refuses a login that is not JSON, or comes from another site', async () => {
      const form = await h.app.request('/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${h.accounts.agent.email}&password=${PASSWORD}` });
      expect(form.status).toBe(400);
      const crossSite = await h.login(h.accounts.agent.email, PASSWORD, { 'sec-fetch-site': 'cross-site' });
      expect(crossSite.status).toBe(403);
    });

    it('answers 401 without a session, and with a made-up cookie', async () => {
      expect((await h.app.request('/api/staff/queue')).status).toBe(401);
      expect((await h.app.request('/api/staff/me', { headers: { cookie: 'reclaim_staff=forged' } })).status).toBe(401);
    });
  });

  describe('rate limiting', () => {
    it(`locks an account at one address after ${LOGIN_LIMITS.perAccountAddress} failures, even for the right password`, async () => {
      const { account } = await createAccount(h.reclaim.store, { email: 'target@helpline.test', role: 'agent', password: PASSWORD });
      // The harness does not trust X-Forwarded-For, so these are all one address.
      for (let i = 0; i < LOGIN_LIMITS.perAccountAddress; i++) {
        expect((await h.login(account.email, `wrong password ${i}`, { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(401);
      }
      const locked = await h.login(account.email);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      h.clock.now += LOGIN_LIMITS.windowMs + 1;
      expect((await h.login(account.email)).status).toBe(200);
    });

    it(`limits one address to ${LOGIN_LIMITS.perAddress} failures across accounts`, async () => {
      // The harness does not trust X-Forwarded-For, so every in-process request is one address.
      for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
        expect((await h.login(`spray${i}@helpline.test`, 'guess guess guess')).status).toBe(401);
      }
      expect((await h.login(h.accounts.supervisor.email)).status).toBe(429);
      h.clock.now += LOGIN_LIMITS.windowMs + 1;
      expect((await h.login(h.accounts.supervisor.email)).status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('expire after 30 idle minutes, and activity keeps them alive', async () => {
      const agent = await h.signIn('agent');
      h.clock.now += IDLE_TIMEOUT_MS - MINUTE;
      expect((await agent.call('GET', '/api/staff/queue')).status).toBe(200);
      h.clock.now += IDLE_TIMEOUT_MS - MINUTE;
      expect((await agent.call('POST', '/api/staff/activity')).status).toBe(200);
      h.clock.now += IDLE_TIMEOUT_MS + 1;
      const expired = await agent.call('GET', '/api/staff/queue');
      expect(expired.status).toBe(401);
      expect(await expired.json()).toMatchObject({ error: 'signed_out' });
    });

    it('end after 12 hours however active', async () => {
      const agent = await h.signIn('agent');
      const end = h.clock.now + ABSOLUTE_TIMEOUT_MS;
      while (h.clock.now + 20 * MINUTE < end) {
        h.clock.now += 20 * MINUTE;
        expect((await agent.call('GET', '/api/staff/me')).status).toBe(200);
      }
      h.clock.now = end;
      expect((await agent.call('GET', '/api/staff/me')).status).toBe(401);
    });

    it('end at logout: the old cookie is refused', async () => {
      const agent = await h.signIn('agent');
      const out = await agent.call('POST', '/api/staff/logout');
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/reclaim_staff=;.*Max-Age=0/);
      expect((await agent.call('GET', '/api/staff/me')).status).toBe(401);
    });
  });

  describe('CSRF', () => {
    let agent: Client;
    let id: string;
    beforeAll(async () => {
      agent = await h.signIn('agent');
      id = await h.conversation();
    });

    it('refuses a state-changing request without the token', async () => {
      const response = await agent.call('POST', `/api/staff/conversations/${id}/takeover`, undefined, { csrf: false });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'csrf' });
      const row = await h.reclaim.store.db.selectFrom('conversations').select('held_by').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.held_by).toBeNull();
    });

    it("refuses a wrong token, and another session's token", async () => {
      expect((await agent.call('POST', `/api/staff/conversations/${id}/takeover`, undefined, { csrf: 'x'.repeat(43) })).status).toBe(403);
      const other = await h.signIn('agent2');
      expect((await agent.call('POST', `/api/staff/conversations/${id}/takeover`, undefined, { csrf: other.csrf })).status).toBe(403);
    });

    it('refuses logout and password changes without the token too', async () => {
      expect((await agent.call('POST', '/api/staff/logout', undefined, { csrf: false })).status).toBe(403);
      expect((await agent.call('POST', '/api/staff/password', { current: PASSWORD, next: 'another long password' }, { csrf: false })).status).toBe(403);
      expect((await agent.call('GET', '/api/staff/me')).status).toBe(200);
    });

    it('accepts the right token', async () => {
      expect((await agent.call('POST', `/api/staff/conversations/${id}/takeover`)).status).toBe(200);
    });
  });

  describe('roles', () => {
    const cases: [string, string, 'agent' | 'supervisor' | 'admin'][] = [
      ['GET', '/api/staff/queue', 'agent'],
      ['GET', '/api/staff/audit', 'supervisor'],
      ['GET', '/api/staff/team', 'supervisor'],
      ['GET', '/api/staff/accounts', 'admin'],
      ['GET', '/api/staff/partners', 'admin'],
    ];
    const rank = { agent: 0, supervisor: 1, admin: 2 } as const;
    it.each(['agent', 'supervisor', 'admin'] as const)('gives a %s exactly what its role allows', async (who) => {
      const client = await h.signIn(who);
      for (const [method, path, needed] of cases) {
        const response = await client.call(method, path);
        expect(`${path}: ${response.status}`).toBe(`${path}: ${rank[who] >= rank[needed] ? 200 : 403}`);
      }
    });

    it('lets only admins create accounts and partner keys', async () => {
      const supervisor = await h.signIn('supervisor');
      expect((await supervisor.call('POST', '/api/staff/accounts', { email: 'new@helpline.test', role: 'agent' })).status).toBe(403);
      expect((await supervisor.call('POST', '/api/staff/partners', { name: 'Sneaky' })).status).toBe(403);
      const admin = await h.signIn('admin');
      const created = await admin.call('POST', '/api/staff/accounts', { email: 'New@Helpline.test', role: 'agent' });
      expect(created.status).toBe(201);
      const body = (await created.json()) as { account: { id: string; email: string; mustChangePassword: boolean }; oneTimePassword: string };
      expect(body.account).toMatchObject({ email: 'new@helpline.test', mustChangePassword: true });
      expect(body.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect((await admin.call('POST', '/api/staff/accounts', { email: 'new@helpline.test', role: 'agent' })).status).toBe(409);
      expect((await admin.call('POST', '/api/staff/accounts', { email: 'x@helpline.test', role: 'boss' })).status).toBe(400);
      const partner = await admin.call('POST', '/api/staff/partners', { name: 'Example Platform' });
      expect(partner.status).toBe(201);
      expect(((await partner.json()) as { apiKey: string }).apiKey).toMatch(/^rcl_/);
    });

    it('lets only admins see and set the name people read for a partner', async () => {
      const supervisor = await h.signIn('supervisor');
      expect((await supervisor.call('POST', '/api/staff/partners', { name: 'sneaky-tube', displayName: 'SneakyTube' })).status).toBe(403);
      expect(await h.reclaim.store.db.selectFrom('partners').select('id').where('name', '=', 'sneaky-tube').executeTakeFirst()).toBeUndefined();
      expect((await supervisor.call('GET', '/api/staff/partners')).status).toBe(403);

      const admin = await h.signIn('admin');
      const added = await admin.call('POST', '/api/staff/partners', { name: 'meta-ig-staff', displayName: '  Instagram ' });
      expect(added.status).toBe(201);
      expect(((await added.json()) as { partner: unknown }).partner).toMatchObject({ name: 'meta-ig-staff', displayName: 'Instagram' });
      const plain = await admin.call('POST', '/api/staff/partners', { name: 'plain-platform' });
      expect(((await plain.json()) as { partner: unknown }).partner).toMatchObject({ name: 'plain-platform', displayName: null });
      const { partners } = (await (await admin.call('GET', '/api/staff/partners')).json()) as { partners: { name: string; displayName: string | null }[] };
      expect(partners.find((p) => p.name === 'meta-ig-staff')).toMatchObject({ displayName: 'Instagram' });
      expect(partners.find((p) => p.name === 'plain-platform')).toMatchObject({ displayName: null });
      const audit = await readAudit(h.reclaim.store.db, { action: 'partner_added', staffId: h.accounts.admin.id });
      expect(audit.map((e) => e.detail)).toContainEqual(expect.objectContaining({ name: 'meta-ig-staff', displayName: 'Instagram' }));

      for (const displayName of ['<b>Insta</b>', 'x'.repeat(65), 42]) {
        const refused = await admin.call('POST', '/api/staff/partners', { name: 'bad-display', displayName });
        expect(refused.status).toBe(400);
        expect(await refused.json()).toMatchObject({ error: 'invalid_display_name' });
      }
      expect(await h.reclaim.store.db.selectFrom('partners').select('id').where('name', '=', 'bad-display').executeTakeFirst()).toBeUndefined();
    });

    it('makes a one-time password usable only to choose a new one', async () => {
      const admin = await h.signIn('admin');
      const created = (await (await admin.call('POST', '/api/staff/accounts', { email: 'fresh@helpline.test', role: 'agent' })).json()) as { account: { id: string }; oneTimePassword: string };
      const response = await h.login('fresh@helpline.test', created.oneTimePassword);
      expect(response.status).toBe(200);
      const fresh = await h.clientFor('fresh@helpline.test', created.account.id, response);
      const blocked = await fresh.call('GET', '/api/staff/queue');
      expect(blocked.status).toBe(403);
      expect(await blocked.json()).toMatchObject({ error: 'password_change_required' });
      expect((await fresh.call('POST', '/api/staff/password', { current: created.oneTimePassword, next: 'short' })).status).toBe(400);
      expect((await fresh.call('POST', '/api/staff/password', { current: 'wrong', next: 'a long enough passphrase' })).status).toBe(401);
      expect((await fresh.call('POST', '/api/staff/password', { current: created.oneTimePassword, next: 'a long enough passphrase' })).status).toBe(200);
      expect((await fresh.call('GET', '/api/staff/queue')).status).toBe(200);
    });

    it('signs a disabled account out at once, and keeps an admin from locking themselves out', async () => {
      const admin = await h.signIn('admin');
      const { account } = await createAccount(h.reclaim.store, { email: 'leaver@helpline.test', role: 'agent', password: PASSWORD });
      const leaver = await h.clientFor(account.email, account.id, await h.login(account.email));
      expect((await leaver.call('GET', '/api/staff/queue')).status).toBe(200);
      expect((await admin.call('PATCH', `/api/staff/accounts/${account.id}`, { disabled: true })).status).toBe(200);
      expect((await leaver.call('GET', '/api/staff/queue')).status).toBe(401);
      expect((await h.login(account.email)).status).toBe(401);
      expect((await admin.call('PATCH', `/api/staff/accounts/${h.accounts.admin.id}`, { role: 'agent' })).status).toBe(409);
    });
  });

  describe('holding a conversation', () => {
    let agent: Client;
    let agent2: Client;
    let supervisor: Client;
    let id: string;
    beforeAll(async () => {
      agent = await h.signIn('agent');
      agent2 = await h.signIn('agent2');
      supervisor = await h.signIn('supervisor');
      id = await h.conversation();
    });

    it('lets only the holder reply', async () => {
      expect((await agent.call('POST', `/api/staff/conversations/${id}/reply`, { text: 'hi' })).status).toBe(409);
      expect((await agent.call('POST', `/api/staff/conversations/${id}/takeover`)).status).toBe(200);
      const other = await agent2.call('POST', `/api/staff/conversations/${id}/takeover`);
      expect(other.status).toBe(409);
      expect(await other.json()).toMatchObject({ error: 'held_by_other' });
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/reply`, { text: 'me too' })).status).toBe(409);
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/handback`)).status).toBe(409);
      expect((await agent.call('POST', `/api/staff/conversations/${id}/reply`, { text: '' })).status).toBe(400);
      expect((await agent.call('POST', `/api/staff/conversations/${id}/reply`, { text: 'x'.repeat(2001) })).status).toBe(400);
      expect((await agent.call('POST', `/api/staff/conversations/${id}/reply`, { text: 'I am here with you.' })).status).toBe(200);
      const outbox = await h.reclaim.store.db.selectFrom('outbox').select('message').where('conversation_id', '=', id).orderBy('id').execute();
      expect(JSON.parse(outbox.at(-1)!.message)).toMatchObject({ text: 'I am here with you.', fromStaff: true });
    });

    it('lets a supervisor take a conversation from an agent', async () => {
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/takeover`)).status).toBe(200);
      const row = await h.reclaim.store.db.selectFrom('conversations').select('held_by').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.held_by).toBe(h.accounts.supervisor.id);
      expect((await agent.call('POST', `/api/staff/conversations/${id}/reply`, { text: 'still me?' })).status).toBe(409);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/handback`)).status).toBe(200);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/handback`)).status).toBe(409);
    });

    it('answers 404 for a conversation that does not exist', async () => {
      expect((await agent.call('GET', '/api/staff/conversations/nope')).status).toBe(404);
      expect((await agent.call('POST', '/api/staff/conversations/nope/takeover')).status).toBe(404);
    });

    it('records every action and every opening in the audit log, without message text', async () => {
      expect((await agent2.call('GET', `/api/staff/conversations/${id}`)).status).toBe(200);
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/notes`, { text: 'seems calmer now' })).status).toBe(200);
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/flags`, { flag: 'urgent', on: true })).status).toBe(200);
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/flags`, { flag: 'urgent', on: false })).status).toBe(200);
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/flags`, { flag: 'vip', on: true })).status).toBe(400);
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/close`)).status).toBe(200);
      const entries = (await auditOf(id)).reverse();
      expect(entries.map((e) => `${e.staffEmail} ${e.action}`)).toEqual([
        'agent@helpline.test takeover',
        'agent@helpline.test reply',
        'supervisor@helpline.test takeover',
        'supervisor@helpline.test handback',
        'agent2@helpline.test open_conversation',
        'agent2@helpline.test note',
        'agent2@helpline.test flag_set',
        'agent2@helpline.test flag_cleared',
        'agent2@helpline.test close',
      ]);
      expect(JSON.stringify(entries)).not.toContain('I am here with you');
      expect(JSON.stringify(entries)).not.toContain('seems calmer');
      const detail = (await (await agent2.call('GET', `/api/staff/conversations/${id}`)).json()) as { transcript: { direction: string; text: string }[]; conversation: { status: string } };
      expect(detail.conversation.status).toBe('closed');
      expect(detail.transcript.filter((l) => l.direction === 'note').map((l) => l.text)).toEqual(['agent2@helpline.test: seems calmer now']);
      expect(detail.transcript.filter((l) => l.direction === 'staff').map((l) => l.text)).toEqual(['I am here with you.']);
    });

    it('records a reading of new lines only by someone who has not opened the conversation', async () => {
      const other = await h.conversation();
      const fresh = await h.signIn('agent2');
      const opens = async () => (await readAudit(h.reclaim.store.db, { conversationId: other, action: 'open_conversation' })).length;
      expect((await fresh.call('GET', `/api/staff/conversations/${other}?after=1`)).status).toBe(200);
      expect(await opens()).toBe(1);
      expect((await fresh.call('GET', `/api/staff/conversations/${other}?after=2`)).status).toBe(200);
      expect(await opens()).toBe(1);
      expect((await fresh.call('GET', `/api/staff/conversations/${other}`)).status).toBe(200);
      expect(await opens()).toBe(2);
    });

    it('lets supervisors read and filter the log, and refuses agents', async () => {
      expect((await agent.call('GET', `/api/staff/audit?conversation=${id}`)).status).toBe(403);
      const response = await supervisor.call('GET', `/api/staff/audit?conversation=${id}&action=takeover`);
      expect(response.status).toBe(200);
      const { entries } = (await response.json()) as { entries: { action: string; staffEmail: string }[] };
      expect(entries.map((e) => e.staffEmail)).toEqual(['supervisor@helpline.test', 'agent@helpline.test']);
      const byStaff = (await (await supervisor.call('GET', `/api/staff/audit?staff=${h.accounts.agent2.id}&conversation=${id}`)).json()) as { entries: unknown[] };
      expect(byStaff.entries).toHaveLength(6);
    });

    it('shows channel user ids only masked', async () => {
      const other = await h.conversation('telegram-like-7654321');
      const queue = (await (await agent.call('GET', '/api/staff/queue')).json()) as { rows: { id: string; user: string }[] };
      const row = queue.rows.find((r) => r.id === other)!;
      expect(row.user).toBe('••••4321');
      expect(JSON.stringify(queue)).not.toContain('telegram-like-7654321');
      const detail = await (await agent.call('GET', `/api/staff/conversations/${other}`)).text();
      expect(detail).not.toContain('telegram-like-7654321');
    });

    it('records a case status a platform reported by other means', async () => {
      const conversation = await h.conversation();
      await h.reclaim.store.db
        .insertInto('cases')
        .values({ id: 'case-1', case_number: 'ABCD-EFGH', conversation_id: conversation, locale: 'en', status: 'active', created_at: h.clock.now, updated_at: h.clock.now })
        .execute();
      expect((await agent.call('POST', `/api/staff/conversations/${conversation}/case-status`, { caseNumber: 'ABCD-EFGH', platform: 'PhotoApp', status: 'exploded' })).status).toBe(400);
      expect((await agent.call('POST', `/api/staff/conversations/${conversation}/case-status`, { caseNumber: 'ZZZZ-ZZZZ', platform: 'PhotoApp', status: 'removed' })).status).toBe(404);
      expect((await agent.call('POST', `/api/staff/conversations/${conversation}/case-status`, { caseNumber: 'abcd-efgh', platform: 'PhotoApp', status: 'removed' })).status).toBe(200);
      const detail = (await (await agent.call('GET', `/api/staff/conversations/${conversation}`)).json()) as { cases: { caseNumber: string; history: unknown[] }[] };
      expect(detail.cases[0]).toMatchObject({ caseNumber: 'ABCD-EFGH', history: [{ status: 'removed', source: 'staff', platform: 'PhotoApp' }] });
      const timer = await h.reclaim.store.db.selectFrom('timers').select('name').where('conversation_id', '=', conversation).where('name', '=', 'digest').executeTakeFirst();
      expect(timer).toBeDefined();
      const [entry] = await readAudit(h.reclaim.store.db, { conversationId: conversation, action: 'case_status' });
      expect(entry?.detail).toEqual({ caseNumber: 'ABCD-EFGH', platform: 'PhotoApp', status: 'removed' });
    });
  });

  describe('the audit log', () => {
    it('cannot be changed or emptied, even by SQL', async () => {
      const db = h.reclaim.store.db;
      const before = await db.selectFrom('staff_audit').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(before.n)).toBeGreaterThan(0);
      await expect(sql`update staff_audit set action = 'nothing'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from staff_audit`.execute(db)).rejects.toThrow(/append-only/);
      if (dialect === 'postgres') await expect(sql`truncate staff_audit`.execute(db)).rejects.toThrow(/append-only/);
      const after = await db.selectFrom('staff_audit').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('offers no route that changes it', async () => {
      const supervisor = await h.signIn('admin');
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        expect((await supervisor.call(method, '/api/staff/audit', {})).status).toBe(404);
      }
    });
  });
});
