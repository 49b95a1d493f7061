// A helpline's working day through the staff API, on both databases: the closed path, offers within capacity,
// reassignment, whispers, the silent view, settings and reports, and who may do each.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers';
import { readAudit } from '../../src/staff/audit';
import { startHarness, type Client, type Harness } from './harness';

const MINUTE = 60_000;
/** Weekday mornings in Bangkok; the harness clock (Thursday 15:53 there) is outside them. */
const MORNINGS = { timeZone: 'Asia/Bangkok', shifts: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '12:00' })), holidays: [] };
const ALWAYS = { timeZone: 'Asia/Bangkok', shifts: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })), holidays: [] };

describe.each(DIALECTS)('a helpline day on %s', (dialect) => {
  let h: Harness;
  let agent: Client, agent2: Client, supervisor: Client, admin: Client;

  beforeAll(async () => {
    h = await startHarness(dialect);
    [agent, agent2, supervisor, admin] = await Promise.all([h.signIn('agent'), h.signIn('agent2'), h.signIn('supervisor'), h.signIn('admin')]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const db = () => h.reclaim.store.db;
  const row = (id: string) => db().selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const said = async (id: string) => (await db().selectFrom('outbox').select('message').where('conversation_id', '=', id).orderBy('id').execute()).map((r) => (JSON.parse(r.message) as { text: string }).text);
  const say = async (userId: string, text: string) =>
    (await h.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `t:${randomUUID()}`, kind: 'text', text, localeHint: 'en', at: h.clock.now })).conversationId!;
  /** Someone who asked for a person, `ago` minutes back. */
  async function asking(ago = 0, text = 'help'): Promise<string> {
    const saved = h.clock.now;
    h.clock.now -= ago * MINUTE;
    const user = `u-${randomUUID()}`;
    await say(user, 'hello');
    const id = await say(user, text);
    h.clock.now = saved;
    return id;
  }
  const setHours = (value: unknown) => admin.call('PUT', '/api/staff/settings/hours', { value });
  const available = (client: Client, on: boolean) => client.call('PUT', '/api/staff/me/availability', { available: on });

  /** Nothing waiting from an earlier test takes the offers a test counts. */
  beforeEach(async () => {
    await db().updateTable('conversations').set({ status: 'closed', held_by: null, assigned_to: null }).execute();
    await db().updateTable('staff_accounts').set({ available: 0, capacity: 3 }).execute();
  });

  describe('out of hours', () => {
    afterAll(async () => {
      expect((await setHours(null)).status).toBe(200);
    });

    it('tells a person asking for someone when the team is back, with crisis lines, and keeps the message they leave', async () => {
      expect((await setHours(MORNINGS)).status).toBe(200);
      const user = `u-${randomUUID()}`;
      await say(user, 'hello');
      const id = await say(user, 'help');
      const closed = (await said(id)).at(-1)!;
      expect(closed).toContain("Our team isn't here right now");
      expect(closed).toMatch(/Friday.*08:00/);
      // The international crisis lines are always among the contacts.
      expect(closed).toContain('findahelpline.com');
      expect((await row(id)).human).toBe(1);

      await say(user, 'yes my ex is posting my photos, please call me back tomorrow');
      expect((await said(id)).at(-1)).toContain("I've kept your message");
      const after = await row(id);
      expect(after.message_left_at).toBe(h.clock.now);
      const lines = await db().selectFrom('transcript').select(['direction', 'text']).where('conversation_id', '=', id).execute();
      expect(lines.some((l) => l.direction === 'in' && l.text.includes('please call me back tomorrow'))).toBe(true);
    });

    it('answers someone in danger with the crisis lines at once, and again with the hours when they ask for a person', async () => {
      expect((await setHours(MORNINGS)).status).toBe(200);
      const user = `u-${randomUUID()}`;
      await say(user, 'hello');
      const id = await say(user, 'I want to kill myself');
      const first = (await said(id)).at(-2)!;
      expect(first).toContain('findahelpline.com');
      const choice = await h.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: user, dedupeKey: `t:${randomUUID()}`, kind: 'choice', choiceId: 'crisis:person', localeHint: 'en', at: h.clock.now });
      expect(choice.conversationId).toBe(id);
      const messages = await said(id);
      expect(messages.some((m) => m.includes("Our team isn't here right now") && m.includes('findahelpline.com'))).toBe(true);
      expect((await row(id)).urgent).toBe(1);
    });

    it('says a person will answer while the team is on shift', async () => {
      expect((await setHours(ALWAYS)).status).toBe(200);
      const id = await asking();
      expect((await said(id)).at(-1)).toContain("I've asked a person from our team to join");
    });
  });

  describe('offers', () => {
    it('offers oldest-urgent-first to available people, never beyond capacity, and keeps the rest waiting', async () => {
      const old = await asking(30);
      const newer = await asking(10);
      const urgent = await asking(1, 'I want to kill myself');
      const newest = await asking(0);
      expect(Object.keys((await h.dispatcher.run()).offered)).toHaveLength(0);

      expect((await supervisor.call('PATCH', `/api/staff/team/${agent.id}`, { capacity: 1 })).status).toBe(200);
      expect((await supervisor.call('PATCH', `/api/staff/team/${agent2.id}`, { capacity: 2 })).status).toBe(200);
      expect((await available(agent, true)).status).toBe(200);
      // Availability runs a round at once: agent is the only one there, with room for one: the urgent one.
      expect((await row(urgent)).assigned_to).toBe(agent.id);
      expect((await row(old)).assigned_to).toBeNull();

      expect((await available(agent2, true)).status).toBe(200);
      expect((await row(old)).assigned_to).toBe(agent2.id);
      expect((await row(newer)).assigned_to).toBe(agent2.id);
      expect((await row(newest)).assigned_to).toBeNull();

      // Taking one frees nothing (held counts as offered); handing one back frees a place for the next oldest.
      expect((await agent2.call('POST', `/api/staff/conversations/${old}/takeover`)).status).toBe(200);
      await h.dispatcher.run();
      expect((await row(newest)).assigned_to).toBeNull();
      expect((await agent2.call('POST', `/api/staff/conversations/${old}/close`)).status).toBe(200);
      await h.dispatcher.run();
      expect((await row(newest)).assigned_to).toBe(agent2.id);

      // Going away gives the offers back, to nobody when nobody has room.
      expect((await available(agent2, false)).status).toBe(200);
      expect((await row(newer)).assigned_to).toBeNull();
      expect((await row(urgent)).assigned_to).toBe(agent.id);
    });

    it('shows an offer in the queue row and drops it when the person takes the conversation', async () => {
      const id = await asking();
      await available(agent, true);
      const queue = async () => ((await (await agent2.call('GET', '/api/staff/queue')).json()) as { rows: { id: string; assignedTo: { id: string } | null; heldBy: unknown }[] }).rows.find((r) => r.id === id)!;
      expect((await queue()).assignedTo?.id).toBe(agent.id);
      expect((await agent.call('POST', `/api/staff/conversations/${id}/takeover`)).status).toBe(200);
      expect(await queue()).toMatchObject({ assignedTo: null, heldBy: { id: agent.id } });
    });

    it('raises the alert again for a wait longer than the threshold, once per threshold', async () => {
      expect((await admin.call('PUT', '/api/staff/settings/waiting', { value: { alertAfterMinutes: 5 } })).status).toBe(200);
      const waiting = await asking(6);
      const fresh = await asking(1);
      const first = await h.dispatcher.run();
      expect(first.realerted).toContain(waiting);
      expect(first.realerted).not.toContain(fresh);
      expect((await h.dispatcher.run()).realerted).not.toContain(waiting);
      h.clock.now += 5 * MINUTE;
      expect((await h.dispatcher.run()).realerted).toEqual(expect.arrayContaining([waiting, fresh]));
    });
  });

  describe('who may do what', () => {
    it('lets anyone set their own availability, and only to true or false', async () => {
      expect((await available(agent, true)).status).toBe(200);
      const bad = await agent.call('PUT', '/api/staff/me/availability', { available: 'yes' });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'invalid_availability' });
      expect((await agent.call('PUT', '/api/staff/me/availability', { available: true }, { csrf: false })).status).toBe(403);
      expect((await readAudit(db(), { staffId: agent.id, action: 'availability_set' })).length).toBeGreaterThan(0);
    });

    it('lets a supervisor set capacity, not an agent', async () => {
      expect((await agent.call('PATCH', `/api/staff/team/${agent2.id}`, { capacity: 5 })).status).toBe(403);
      expect((await supervisor.call('PATCH', `/api/staff/team/${agent2.id}`, { capacity: 21 })).status).toBe(400);
      expect((await supervisor.call('PATCH', `/api/staff/team/${agent2.id}`, { capacity: 'many' })).status).toBe(400);
      expect((await supervisor.call('PATCH', `/api/staff/team/${randomUUID()}`, { capacity: 2 })).status).toBe(404);
      expect((await supervisor.call('PATCH', `/api/staff/team/${agent2.id}`, { capacity: 0 })).status).toBe(200);
      const team = (await (await supervisor.call('GET', '/api/staff/team')).json()) as { members: { id: string; capacity: number }[] };
      expect(team.members.find((m) => m.id === agent2.id)?.capacity).toBe(0);
    });

    it('lets a supervisor reassign, offering a waiting conversation or handing over a held one', async () => {
      const id = await asking();
      expect((await agent.call('POST', `/api/staff/conversations/${id}/assign`, { staffId: agent.id })).status).toBe(403);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/assign`, { staffId: 'nobody' })).status).toBe(400);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/assign`, { staffId: agent.id })).status).toBe(200);
      expect((await row(id)).assigned_to).toBe(agent.id);
      expect((await agent.call('POST', `/api/staff/conversations/${id}/takeover`)).status).toBe(200);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/assign`, { staffId: agent2.id })).status).toBe(200);
      expect(await row(id)).toMatchObject({ held_by: agent2.id, assigned_to: null });
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/reply`, { text: 'Hi, I am here now.' })).status).toBe(200);
      expect((await agent.call('POST', `/api/staff/conversations/${id}/reply`, { text: 'me too' })).status).toBe(409);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/close`)).status).toBe(200);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/assign`, { staffId: agent.id })).status).toBe(409);
      const [entry] = await readAudit(db(), { conversationId: id, action: 'assign' });
      expect(entry?.detail).toMatchObject({ to: agent2.id, held: true });
    });

    it('lets a supervisor whisper to the person holding a conversation; the chat never hears it', async () => {
      const id = await asking();
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/whisper`, { text: 'ask about the school' })).status).toBe(409);
      await agent.call('POST', `/api/staff/conversations/${id}/takeover`);
      const before = (await said(id)).length;
      expect((await agent2.call('POST', `/api/staff/conversations/${id}/whisper`, { text: 'psst' })).status).toBe(403);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/whisper`, { text: '' })).status).toBe(400);
      expect((await supervisor.call('POST', `/api/staff/conversations/${id}/whisper`, { text: 'Ask whether they are safe tonight.' })).status).toBe(200);
      expect(await said(id)).toHaveLength(before);
      const detail = (await (await agent.call('GET', `/api/staff/conversations/${id}`)).json()) as { transcript: { direction: string; text: string }[] };
      expect(detail.transcript.at(-1)).toMatchObject({ direction: 'whisper', text: 'supervisor@helpline.test: Ask whether they are safe tonight.' });
      const [entry] = await readAudit(db(), { conversationId: id, action: 'whisper' });
      expect(JSON.stringify(entry)).not.toContain('safe tonight');
    });

    it('lets a supervisor read silently: the conversation, its transcript and its messages stay as they were', async () => {
      const id = await asking();
      await agent.call('POST', `/api/staff/conversations/${id}/takeover`);
      expect((await agent.call('GET', `/api/staff/conversations/${id}/observe`)).status).toBe(403);
      const before = { row: await row(id), lines: await db().selectFrom('transcript').selectAll().where('conversation_id', '=', id).execute(), said: await said(id) };
      const published: string[] = [];
      const off = h.reclaim.changes.subscribe((changed) => published.push(changed));
      h.clock.now += MINUTE;
      const response = await supervisor.call('GET', `/api/staff/conversations/${id}/observe`);
      off();
      expect(response.status).toBe(200);
      const body = (await response.json()) as { conversation: { heldBy: { id: string } }; transcript: unknown[] };
      expect(body.conversation.heldBy.id).toBe(agent.id);
      expect(body.transcript.length).toBe(before.lines.length);
      expect(await row(id)).toEqual(before.row);
      expect(await db().selectFrom('transcript').selectAll().where('conversation_id', '=', id).execute()).toEqual(before.lines);
      expect(await said(id)).toEqual(before.said);
      expect(published).not.toContain(id);
      expect((await readAudit(db(), { conversationId: id, action: 'observe_conversation' })).length).toBe(1);
      expect((await supervisor.call('GET', `/api/staff/conversations/${randomUUID()}/observe`)).status).toBe(404);
    });

    it('lets supervisors read settings and only admins change them, with the field named when wrong', async () => {
      expect((await agent.call('GET', '/api/staff/settings')).status).toBe(403);
      expect((await supervisor.call('GET', '/api/staff/settings')).status).toBe(200);
      expect((await supervisor.call('PUT', '/api/staff/settings/hours', { value: MORNINGS })).status).toBe(403);
      const badZone = await admin.call('PUT', '/api/staff/settings/hours', { value: { ...MORNINGS, timeZone: 'Nowhere/Land' } });
      expect(badZone.status).toBe(400);
      expect(await badZone.json()).toMatchObject({ error: 'invalid_hours', message: expect.stringMatching(/^timeZone/) });
      const badDays = await admin.call('PUT', '/api/staff/settings/retention', { value: { transcriptDays: 30, notesDays: 30, auditDays: 10, closedCaseLinkDays: 30 } });
      expect(badDays.status).toBe(400);
      expect(await badDays.json()).toMatchObject({ error: 'invalid_retention', message: expect.stringMatching(/^auditDays/) });
      expect((await admin.call('PUT', '/api/staff/settings/colour', { value: 'blue' })).status).toBe(404);
      expect((await admin.call('PUT', '/api/staff/settings/retention', {})).status).toBe(400);
      const ok = await admin.call('PUT', '/api/staff/settings/retention', { value: { transcriptDays: 14, notesDays: 90, auditDays: 400, closedCaseLinkDays: 180 } });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { settings: { retention: unknown } }).settings.retention).toEqual({ transcriptDays: 14, notesDays: 90, auditDays: 400, closedCaseLinkDays: 180 });
    });
  });

  describe('reports', () => {
    it('are for supervisors, and check their dates', async () => {
      expect((await agent.call('GET', '/api/staff/reports')).status).toBe(403);
      expect((await agent.call('GET', '/api/staff/reports/conversations.csv')).status).toBe(403);
      const bad = await supervisor.call('GET', '/api/staff/reports?from=2025-13-01');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'invalid_report', message: expect.stringMatching(/^from/) });
      expect((await supervisor.call('GET', '/api/staff/reports?from=2025-10-09&to=2025-10-01')).status).toBe(400);
      expect((await supervisor.call('GET', '/api/staff/reports?by=month')).status).toBe(400);
    });

    it('count conversations, first replies by need and abandonment; the CSV has one row per conversation and nothing personal', async () => {
      const [from, to] = ['2025-10-07', '2025-10-09'];
      const period = `from=${from}&to=${to}`;
      const before = (await (await supervisor.call('GET', `/api/staff/reports?${period}`)).json()) as { totals: { conversations: number; abandoned: number; firstReplyByNeed: Record<string, { n: number }> } };
      const answered = await asking(20, 'help');
      // Two days ago, and silent since: abandoned before the link.
      const quiet = await asking(2 * 24 * 60, 'my secret words');
      await agent.call('POST', `/api/staff/conversations/${answered}/takeover`);
      await agent.call('POST', `/api/staff/conversations/${answered}/reply`, { text: 'Hello, I am Mai from the helpline.' });
      const report = (await (await supervisor.call('GET', `/api/staff/reports?${period}`)).json()) as {
        buckets: { start: string; conversations: number }[];
        totals: { conversations: number; abandoned: number; byChannel: Record<string, number>; firstReplyByNeed: Record<string, { n: number; p90: number }> };
      };
      expect(report.buckets.map((b) => b.start)).toEqual(['2025-10-07', '2025-10-08', '2025-10-09']);
      expect(report.buckets[0]!.conversations).toBeGreaterThanOrEqual(1);
      expect(report.totals.conversations).toBe(before.totals.conversations + 2);
      expect(report.totals.byChannel.console).toBe(report.totals.conversations);
      expect(report.totals.firstReplyByNeed.human?.n).toBe(before.totals.firstReplyByNeed.human!.n + 1);
      expect(report.totals.firstReplyByNeed.human?.p90).toBe(20 * 60);
      expect(report.totals.abandoned).toBe(before.totals.abandoned + 1);

      const csv = await supervisor.call('GET', `/api/staff/reports/conversations.csv?${period}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const text = await csv.text();
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toBe('day,week,channel,language,country,asked_for_person,need,first_reply_seconds,reached_link,cases,withdrawn,abandoned,status');
      expect(lines).toHaveLength(report.totals.conversations + 1);
      expect(lines.filter((l) => l.includes(',human,1200,'))).toHaveLength(1);
      const users = await db().selectFrom('conversations').select(['id', 'user_id']).execute();
      for (const u of users) {
        expect(text).not.toContain(u.user_id);
        expect(text).not.toContain(u.id);
      }
      expect(text).not.toContain('secret words');
      expect(text).not.toContain('Mai from the helpline');
      expect(quiet).toBeTruthy();
      expect((await readAudit(db(), { action: 'report_exported' }))[0]?.detail).toMatchObject({ rows: lines.length - 1 });
    });

    it('count withdrawals and what partner platforms did, when it happened', async () => {
      const period = 'from=2025-10-09&to=2025-10-09';
      type Totals = { totals: { withdrawals: number; removed: number; notRemoved: number; cases: number } };
      const before = ((await (await supervisor.call('GET', `/api/staff/reports?${period}`)).json()) as Totals).totals;
      const id = await asking();
      await db().insertInto('cases').values({ id: randomUUID(), case_number: 'RPRT-0001', conversation_id: id, locale: 'en', status: 'withdrawn', created_at: h.clock.now, updated_at: h.clock.now }).execute();
      const { id: caseId } = await db().selectFrom('cases').select('id').where('case_number', '=', 'RPRT-0001').executeTakeFirstOrThrow();
      const event = (source: string, status: string) => ({ case_id: caseId, hash_id: null, partner_id: null, source, status, note: null, at: h.clock.now });
      await db().insertInto('case_events').values([event('partner', 'removed'), event('partner', 'removed'), event('partner', 'not_removed'), event('system', 'withdrawn'), event('staff', 'removed')]).execute();
      const after = ((await (await supervisor.call('GET', `/api/staff/reports?${period}`)).json()) as Totals).totals;
      expect(after).toMatchObject({ cases: before.cases + 1, withdrawals: before.withdrawals + 1, removed: before.removed + 2, notRemoved: before.notRemoved + 1 });
    });
  });
});
