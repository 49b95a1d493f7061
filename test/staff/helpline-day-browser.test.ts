// A helpline's working day in Debian's chromium: the closed path on the chat page, offers within capacity and in
// order, an offer leaving a second agent's list when the first takes it, the supervisor's silent view and whisper,
// and the reports page with its charts and CSV. Screenshots go to test-artifacts/.

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers';
import { createAccount } from '../../src/staff/accounts';
import { PASSWORD } from './harness';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LAPTOP = { width: 1366, height: 768 };
const MINUTE = 60_000;

describe('a helpline day in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const ids: Record<string, string> = {};
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({}, { dispatcher: true });
    for (const [email, role] of [
      ['mai@helpline.test', 'agent'],
      ['niran@helpline.test', 'agent'],
      ['lead@helpline.test', 'supervisor'],
      ['boss@helpline.test', 'admin'],
    ] as const) {
      ids[email] = (await createAccount(server.reclaim.store, { email, role, password: PASSWORD })).account.id;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    const db = server.reclaim.store.db;
    await db.updateTable('conversations').set({ status: 'closed', held_by: null, assigned_to: null }).execute();
    await db.updateTable('staff_accounts').set({ available: 0, capacity: 3 }).execute();
    await db.deleteFrom('helpline_settings').execute();
  });

  const db = () => server.reclaim.store.db;
  const row = (id: string) => db().selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** A person on the console channel who asked for someone `ago` minutes back; `text` may be a danger. */
  async function asking(ago: number, text = 'help'): Promise<string> {
    const user = `term-${randomUUID().slice(0, 8)}`;
    const at = Date.now() - ago * MINUTE;
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: user, dedupeKey: `t:${randomUUID()}`, kind: 'text', text: 'hello', localeHint: 'en', at });
    return (await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId: user, dedupeKey: `t:${randomUUID()}`, kind: 'text', text, localeHint: 'en', at: at + 1000 })).conversationId!;
  }
  const masked = async (id: string) => `••••${(await row(id)).user_id.slice(-4)}`;

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();
    return page;
  }
  const offers = (page: Page) => page.locator('#offers li');

  it('answers a request for a person out of hours with when the team is back, the crisis lines and a message to leave', async () => {
    // An admin sets one short shift a week and the next eight days (around Bangkok's today) as holidays: never open now.
    const admin = await signedIn('boss@helpline.test');
    await admin.getByRole('link', { name: 'Settings' }).click();
    await admin.getByLabel('Always open').uncheck();
    await admin.getByLabel('Time zone (such as Asia/Bangkok)').fill('Asia/Bangkok');
    await admin.getByLabel('Sunday').fill('03:00-03:10');
    await admin.locator('#hours-form').getByRole('button', { name: 'Save' }).click();
    // A shift off the quarter hour is refused, naming the field.
    await admin.locator('#hours-form .feedback.error', { hasText: 'shifts[0].end' }).waitFor();
    await admin.getByLabel('Sunday').fill('03:00-03:15');
    const holidays = Array.from({ length: 9 }, (_, i) => new Date(Date.now() + (i - 1) * 86_400_000).toISOString().slice(0, 10));
    await admin.getByLabel('Holidays, one date a line (YYYY-MM-DD)').fill(holidays.join('\n'));
    await admin.locator('#hours-form').getByRole('button', { name: 'Save' }).click();
    await admin.locator('#hours-form .feedback', { hasText: 'Saved.' }).waitFor();
    await admin.screenshot({ path: join(ARTIFACTS, 'settings-hours.png'), fullPage: true });
    const stored = await db().selectFrom('helpline_settings').select('value').where('key', '=', 'hours').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value)).toEqual({ timeZone: 'Asia/Bangkok', shifts: [{ day: 0, start: '03:00', end: '03:15' }], holidays: [...new Set(holidays)].sort() });

    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.msg-bot', { hasText: 'Is this about you' }).waitFor();
    await page.locator('#chat-input').fill('help');
    await page.locator('#chat-input').press('Enter');
    const closed = page.locator('.msg-bot', { hasText: "Our team isn't here right now" });
    await closed.waitFor({ timeout: 15_000 });
    const text = await closed.innerText();
    expect(text).toMatch(/back Sunday.*03:00/);
    expect(text).toContain('findahelpline.com');
    expect(text).toContain('write a message here');
    await page.locator('#chat-input').fill('Please call me tomorrow, I am scared');
    await page.locator('#chat-input').press('Enter');
    await page.locator('.msg-bot', { hasText: "I've kept your message" }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'closed-path-try-page.png') });
  });

  it('offers urgent first, then the oldest, within each agent’s capacity, and shows the offers in order', async () => {
    const old = await asking(40);
    const middle = await asking(20);
    const urgent = await asking(2, 'I want to kill myself');
    const newest = await asking(1);
    const lead = await signedIn('lead@helpline.test');
    await lead.getByRole('link', { name: 'Team' }).click();
    const capacity = (email: string) => lead.getByLabel(`Capacity: ${email}`);
    await capacity('mai@helpline.test').fill('1');
    await capacity('mai@helpline.test').press('Tab');
    await lead.getByText('Capacity saved.').waitFor();
    await capacity('niran@helpline.test').fill('2');
    await capacity('niran@helpline.test').press('Tab');
    await expect.poll(async () => (await db().selectFrom('staff_accounts').select('capacity').where('id', '=', ids['niran@helpline.test']!).executeTakeFirstOrThrow()).capacity).toBe(2);

    const mai = await signedIn('mai@helpline.test');
    // Waiting for a person, urgent first, then oldest.
    await expect.poll(async () => (await offers(mai).allInnerTexts()).length).toBe(4);
    const order = await offers(mai).evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
    expect(order).toEqual([urgent, old, middle, newest]);
    await mai.getByLabel('Available for new conversations').check();
    await offers(mai).filter({ hasText: 'Offered to you' }).first().waitFor();
    expect(await offers(mai).filter({ hasText: 'Offered to you' }).evaluateAll((items) => items.map((li) => li.getAttribute('data-id')))).toEqual([urgent]);

    const niran = await signedIn('niran@helpline.test');
    await niran.getByLabel('Available for new conversations').check();
    await expect.poll(async () => offers(niran).filter({ hasText: 'Offered to you' }).evaluateAll((items) => items.map((li) => li.getAttribute('data-id')))).toEqual([old, middle]);
    await offers(niran).locator('li', { hasText: 'Not offered yet' }).count();
    expect(await offers(niran).filter({ hasText: 'Not offered yet' }).evaluateAll((items) => items.map((li) => li.getAttribute('data-id')))).toEqual([newest]);
    expect((await row(newest)).assigned_to).toBeNull();
    await niran.screenshot({ path: join(ARTIFACTS, 'offers-within-capacity.png') });
  });

  it('tells an available agent of an offer on the desktop, naming the person only as the queue does and quoting nothing they wrote', async () => {
    const mai = await signedIn('mai@helpline.test');
    await mai.context().grantPermissions(['notifications'], { origin: server.url });
    // The page's notifications are recorded instead of shown (headless Chromium has no desktop).
    await mai.evaluate(() => {
      const shown: { title: string; body: string }[] = [];
      (window as unknown as { shown: typeof shown }).shown = shown;
      class Recorder {
        static permission = 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options: { body: string }) {
          shown.push({ title, body: options.body });
        }
        close() {}
      }
      (window as unknown as { Notification: unknown }).Notification = Recorder;
    });
    await mai.getByLabel('Available for new conversations').check();
    const id = await asking(0);
    await offers(mai).filter({ hasText: 'Offered to you' }).waitFor();
    const shown = (await mai.evaluate(() => (window as unknown as { shown: { title: string; body: string }[] }).shown)) as { title: string; body: string }[];
    expect(shown).toEqual([{ title: 'A conversation for you', body: `${await masked(id)} is waiting for a person.` }]);
    // What the person wrote ('hello', 'help') is in neither line.
    expect(JSON.stringify(shown)).not.toMatch(/hello|help\b/i);
  });

  it('takes a conversation off the second agent’s list as soon as the first takes it', async () => {
    const id = await asking(5);
    const user = await masked(id);
    const mai = await signedIn('mai@helpline.test');
    const niran = await signedIn('niran@helpline.test');
    await offers(niran).filter({ hasText: user }).waitFor();
    await offers(mai).filter({ hasText: user }).getByRole('button', { name: 'Take' }).click();
    await mai.getByLabel(/Reply to the person/).waitFor();
    await offers(niran).filter({ hasText: user }).waitFor({ state: 'detached' });
    expect((await row(id)).held_by).toBe(ids['mai@helpline.test']);
    // It is still in the queue, held by Mai.
    await niran.locator('table.queue tr', { hasText: user }).filter({ hasText: 'mai@helpline.test' }).waitFor();
  });

  it('lets a supervisor read a conversation silently and whisper to the agent, leaving it untouched', async () => {
    const id = await asking(3);
    const user = await masked(id);
    const mai = await signedIn('mai@helpline.test');
    await offers(mai).filter({ hasText: user }).getByRole('button', { name: 'Take' }).click();
    await mai.getByLabel(/Reply to the person/).fill('Hi, I am Mai. I am here with you.');
    await mai.getByRole('button', { name: 'Send' }).click();
    await mai.locator('.line-staff', { hasText: 'I am here with you' }).waitFor();

    const before = await row(id);
    const lines = async () => db().selectFrom('transcript').select(['id', 'direction']).where('conversation_id', '=', id).orderBy('id').execute();
    const linesBefore = await lines();
    const outbox = async () => (await db().selectFrom('outbox').select('id').where('conversation_id', '=', id).execute()).length;
    const sentBefore = await outbox();
    const events: string[] = [];
    const off = server.reclaim.changes.subscribe((changed) => changed === id && events.push(changed));

    const lead = await signedIn('lead@helpline.test');
    await lead.locator('table.queue tr', { hasText: user }).getByRole('link', { name: 'Read silently' }).click();
    await lead.locator('.line-staff', { hasText: 'I am here with you' }).waitFor();
    await lead.getByText('Silent view').waitFor();
    expect(await lead.getByRole('button', { name: 'Take over' }).count()).toBe(0);
    expect(await lead.getByLabel(/Reply to the person/).count()).toBe(0);
    await lead.screenshot({ path: join(ARTIFACTS, 'silent-view.png') });
    await new Promise((resolve) => setTimeout(resolve, 500));
    off();
    expect(await row(id)).toEqual(before);
    expect(await lines()).toEqual(linesBefore);
    expect(await outbox()).toBe(sentBefore);
    expect(events).toEqual([]);

    // The whisper reaches Mai's transcript and never the person.
    await lead.getByLabel(/Whisper to mai@helpline.test/).fill('Ask whether they are safe tonight.');
    await lead.getByRole('button', { name: 'Whisper', exact: true }).click();
    await mai.locator('.line-whisper', { hasText: 'Ask whether they are safe tonight.' }).waitFor();
    expect(await outbox()).toBe(sentBefore);
  });

  it('renders the reports page with its charts, and exports one CSV row per conversation with nothing personal', async () => {
    const answered = await asking(30, 'help');
    await asking(10, 'my private words here');
    const lead = await signedIn('lead@helpline.test');
    await lead.getByRole('link', { name: 'Reports' }).click();
    await lead.getByRole('heading', { name: 'Reports' }).waitFor();
    await lead.locator('svg.chart').first().waitFor();
    expect(await lead.locator('.chart-grid svg.chart').count()).toBe(3);
    expect(await lead.locator('.share-grid svg.chart').count()).toBe(3);
    expect(await lead.locator('svg.chart rect.bar').count()).toBeGreaterThan(3);
    await lead.screenshot({ path: join(ARTIFACTS, 'reports-1366x768.png'), fullPage: true });

    const href = await lead.locator('#report-csv').getAttribute('href');
    const response = await lead.context().request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    const csv = await response.text();
    const lines = csv.trim().split('\r\n');
    const conversations = await db().selectFrom('conversations').select(['id', 'user_id', 'channel']).execute();
    const people = conversations.filter((c) => !c.user_id.startsWith('web-'));
    expect(lines.length - 1).toBe(people.length);
    for (const c of conversations) {
      expect(csv).not.toContain(c.user_id);
      expect(csv).not.toContain(c.id);
    }
    expect(csv).not.toContain('private words');
    expect(csv).not.toContain('I am here with you');
    expect(answered).toBeTruthy();
  });
});
