// The dashboard in a real browser (Debian's chromium): sign in, the live queue fed by the fake Telegram API, urgency,
// take over, reply, hand back, the audit log, and the refusals. Screenshots go to test-artifacts/.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { eventually, startServer, type FakeApi, type TestServer } from '../helpers';
import { callbackUpdate, calls, methodOf, postUpdate, startFakeTelegram, telegramEnv, textUpdate, type Person } from '../channels/telegram/fake';
import { createAccount } from '../../src/staff/accounts';
import { PASSWORD } from './harness';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ana: Person = { id: 7_100_004_321, language_code: 'en' };
const ben: Person = { id: 7_100_005_555, language_code: 'th' };
const cai: Person = { id: 7_100_009_876, language_code: 'en' };
const masked = (p: Person) => `••••${String(p.id).slice(-4)}`;

function textsTo(fake: FakeApi, person: Person): string[] {
  return calls(fake, 'sendMessage').filter((p) => p.chat_id === person.id).map((p) => String(p.text));
}

describe('staff dashboard in a browser', () => {
  let fake: FakeApi;
  let server: TestServer;
  let browser: Browser;
  let agentContext: BrowserContext;
  let page: Page;
  const thirdParty: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    fake = await startFakeTelegram();
    server = await startServer(telegramEnv(fake));
    await createAccount(server.reclaim.store, { email: 'agent@helpline.test', role: 'agent', password: PASSWORD });
    await createAccount(server.reclaim.store, { email: 'lead@helpline.test', role: 'supervisor', password: PASSWORD });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    agentContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    page = await agentContext.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) thirdParty.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  async function signIn(target: Page, email: string, password = PASSWORD): Promise<void> {
    await target.getByLabel('E-mail address').fill(email);
    await target.getByLabel('Password', { exact: true }).fill(password);
    await target.getByRole('button', { name: 'Sign in' }).click();
  }

  it('refuses a wrong password, then signs in', async () => {
    const response = await page.goto(`${server.url}/staff`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await signIn(page, 'agent@helpline.test', 'this is not my password');
    await expect.poll(() => page.locator('#login-error').textContent()).toBe('Wrong e-mail address or password.');
    await signIn(page, 'agent@helpline.test');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByText('Live').waitFor();
  });

  it('shows a message sent through Telegram in the queue, live', async () => {
    expect((await postUpdate(server.url, textUpdate(ana, 'hello'))).status).toBe(200);
    const row = page.locator('table.queue tbody tr', { hasText: masked(ana) });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Telegram');
    expect(await page.content()).not.toContain(String(ana.id));
    expect((await postUpdate(server.url, textUpdate(ben, 'สวัสดี'))).status).toBe(200);
    await page.locator('table.queue tbody tr', { hasText: masked(ben) }).waitFor();
  });

  it('puts an urgent message at the top and raises an alert', async () => {
    expect((await postUpdate(server.url, textUpdate(cai, 'I want to kill myself'))).status).toBe(200);
    await page.locator('.urgent-banner').waitFor();
    const first = page.locator('table.queue tbody tr').first();
    await expect.poll(() => first.textContent()).toContain(masked(cai));
    expect(await first.textContent()).toContain('Urgent');
    expect(await page.title()).toContain('(!)');
    await page.screenshot({ path: join(ARTIFACTS, 'staff-queue.png'), fullPage: true });
  });

  it('takes over, replies through Telegram while the bot stays silent, and hands back', async () => {
    await page.locator('.urgent-banner').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('link', { name: masked(ana) }).click();
    await page.getByRole('heading', { name: `Conversation ${masked(ana)}` }).waitFor();
    await page.locator('.line-in', { hasText: 'hello' }).waitFor();

    await page.getByRole('button', { name: 'Take over' }).click();
    await fake.waitFor((r) => methodOf(r) === 'sendMessage' && (r.json as { chat_id: number; text: string }).chat_id === ana.id && (r.json as { text: string }).text.includes('A person from our team has joined'));
    await page.getByLabel(/Reply to the person/).waitFor();
    await page.getByLabel('Insert a ready reply').selectOption({ label: "You're not in trouble, and this is not your fault." });
    await expect.poll(() => page.getByLabel(/Reply to the person/).inputValue()).toBe("You're not in trouble, and this is not your fault.");
    await page.getByLabel(/Reply to the person/).fill('Hi, I am Mai from the helpline. I am here with you.');
    await page.getByRole('button', { name: 'Send' }).click();
    await fake.waitFor((r) => methodOf(r) === 'sendMessage' && (r.json as { text: string }).text === 'Hi, I am Mai from the helpline. I am here with you.');
    await page.locator('.line-staff', { hasText: 'I am Mai' }).waitFor();

    // The person answers the bot's open question while a person holds the chat: recorded, shown live, no bot reply.
    const before = textsTo(fake, ana).length;
    expect((await postUpdate(server.url, callbackUpdate(ana, 'role:self', 3001))).status).toBe(200);
    expect((await postUpdate(server.url, textUpdate(ana, 'thank you, I am scared', 5))).status).toBe(200);
    await page.locator('.line-in', { hasText: 'I am scared' }).waitFor();
    await server.reclaim.outbox.drain();
    expect(textsTo(fake, ana).length).toBe(before);
    await page.screenshot({ path: join(ARTIFACTS, 'staff-conversation.png'), fullPage: true });

    await page.getByRole('button', { name: 'Hand back to the bot' }).click();
    await eventually(() => textsTo(fake, ana).some((t) => t.includes("You're back with the Reclaim bot")), 10_000, 'hand-back message');
    await eventually(() => textsTo(fake, ana).at(-1)?.includes('Is this about you'), 10_000, 'the open question asked again');
    expect((await postUpdate(server.url, callbackUpdate(ana, 'role:self', 3002))).status).toBe(200);
    await eventually(() => textsTo(fake, ana).at(-1)?.includes('Were you under 18'), 10_000, 'the flow moving on');
    await page.locator('.conversation-head .meta', { hasText: 'Under 18 in the image?' }).waitFor();
    expect(await page.getByLabel(/Reply to the person/).count()).toBe(0);
  });

  it('refuses a change without the CSRF token, and a supervisor page to an agent', async () => {
    const id = await server.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', '=', String(ben.id)).executeTakeFirstOrThrow();
    const status = await page.evaluate(async (conversation) => (await fetch(`/api/staff/conversations/${conversation}/takeover`, { method: 'POST' })).status, id.id);
    expect(status).toBe(403);
    expect(await page.evaluate(async () => (await fetch('/api/staff/audit')).status)).toBe(403);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.goto(`${server.url}/staff/audit`);
    await page.getByText('Your role does not allow this.').waitFor();
  });

  it('shows each step in the audit log to a supervisor', async () => {
    const lead = await browser.newContext({ viewport: { width: 1024, height: 1366 }, locale: 'en-GB', hasTouch: true });
    const leadPage = await lead.newPage();
    await leadPage.goto(`${server.url}/staff`);
    await signIn(leadPage, 'lead@helpline.test');
    await leadPage.getByRole('link', { name: 'Audit log' }).click();
    const table = leadPage.locator('table.audit tbody');
    await table.locator('tr').first().waitFor();
    const text = await table.textContent();
    for (const step of ['Signed in', 'Sign-in failed', 'Opened conversation', 'Took over', 'Replied', 'Handed back']) expect(text).toContain(step);
    expect(text).not.toContain('I am Mai');
    await leadPage.getByLabel('Action', { exact: true }).selectOption({ label: 'Took over' });
    await leadPage.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => table.locator('tr').count()).toBe(1);
    await leadPage.getByLabel('Action', { exact: true }).selectOption({ label: 'Any' });
    await leadPage.getByRole('button', { name: 'Filter' }).click();
    await leadPage.screenshot({ path: join(ARTIFACTS, 'staff-audit-tablet.png'), fullPage: true });
    await lead.close();
  });

  it('can be worked with the keyboard alone', async () => {
    await page.goto(`${server.url}/staff`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.locator('table.queue a').first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Conversation ${masked(cai)}` }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('conversation-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Take over');
    expect(await page.locator('.transcript').getAttribute('aria-live')).toBe('polite');
  });

  it('works in Thai, and on a tablet held upright', async () => {
    const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'th-TH', hasTouch: true });
    const thai = await tablet.newPage();
    await thai.goto(`${server.url}/staff`);
    await thai.getByLabel('อีเมล').fill('lead@helpline.test');
    await thai.getByLabel('รหัสผ่าน').fill(PASSWORD);
    await thai.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await thai.getByRole('heading', { name: 'คิว' }).waitFor();
    await thai.locator('table.queue tbody tr').first().waitFor();
    await thai.screenshot({ path: join(ARTIFACTS, 'staff-queue-tablet-th.png'), fullPage: true });
    await thai.getByRole('link', { name: masked(ben) }).click();
    await thai.getByRole('button', { name: 'รับเรื่องต่อ' }).waitFor();
    await thai.screenshot({ path: join(ARTIFACTS, 'staff-conversation-tablet-th.png'), fullPage: true });
    await tablet.close();
  });

  it('made no request to any other origin', () => {
    expect(thirdParty).toEqual([]);
  });
});

describe('try the bot in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is the landing page, and chats with the real flow through the console channel', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Try the Reclaim bot' }).waitFor();
    await page.locator('.msg-bot', { hasText: 'Is this about you' }).waitFor();
    await page.getByRole('button', { name: "It's about me" }).click();
    await page.locator('.msg-bot', { hasText: 'Were you under 18' }).waitFor();
    for (const label of ['Yes, under 18', '13 to 15', 'Yes', 'No', 'Yes, I have it']) {
      await page.locator('.choices').getByRole('button', { name: label, exact: true }).click();
      await page.locator('.choices button').first().waitFor();
    }
    const link = page.getByRole('link', { name: 'Make fingerprints' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/hash#t=[A-Za-z0-9_-]{43}(&|$)/);
    // The link opens the hashing page served by this same server.
    const hashPage = await fetch(`${server.url}${href!.split('#')[0]}`);
    expect(hashPage.status).toBe(200);
    expect(await hashPage.text()).toContain('<script type="module"');
    await page.screenshot({ path: join(ARTIFACTS, 'try-the-bot.png'), fullPage: true });
    expect(errors).toEqual([]);
    const row = await server.reclaim.store.db.selectFrom('conversations').select(['channel', 'step']).where('user_id', 'like', 'web-%').executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'console', step: 'waiting' });
    await context.close();
  });
});
