// The dashboard as staff use it on a laptop (1366×768) in Debian's chromium: take over a long conversation and keep
// the reply box and the newest line in sight, follow a conversation from the audit log, the first sign-in, demo rows.
// Screenshots go to test-artifacts/.

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers';
import { createAccount } from '../../src/staff/accounts';
import { PASSWORD } from './harness';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LAPTOP = { width: 1366, height: 768 };

const MAI = 'term-00001111';
const DEMO = 'web-AAAAAAAAAAAAAAAAAAAAAA';

/** True when the element is wholly inside the window and, if given, inside `pane`'s visible box. */
async function inSight(page: Page, element: Locator, pane?: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  if (!box) return false;
  const view = page.viewportSize()!;
  const inWindow = box.y >= 0 && box.y + box.height <= view.height + 0.5 && box.x >= 0 && box.x + box.width <= view.width + 0.5;
  if (!pane) return inWindow;
  const frame = (await pane.boundingBox())!;
  return inWindow && box.y >= frame.y - 0.5 && box.y + box.height <= frame.y + frame.height + 0.5;
}

describe('the dashboard on a laptop', () => {
  let server: TestServer;
  let browser: Browser;
  let oneTimePassword: string;
  let maiId: string;

  const say = async (userId: string, text: string) =>
    (await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `t:${randomUUID()}`, kind: 'text', text, localeHint: 'en', at: Date.now() })).conversationId!;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer();
    await createAccount(server.reclaim.store, { email: 'agent@helpline.test', role: 'agent', password: PASSWORD });
    await createAccount(server.reclaim.store, { email: 'lead@helpline.test', role: 'supervisor', password: PASSWORD });
    await createAccount(server.reclaim.store, { email: 'admin@helpline.test', role: 'admin', password: PASSWORD });
    oneTimePassword = (await createAccount(server.reclaim.store, { email: 'new@helpline.test', role: 'agent' })).oneTimePassword!;
    // A long conversation: more lines than fit on a laptop screen.
    maiId = await say(MAI, 'hello');
    for (let i = 1; i <= 24; i++) await say(MAI, `message number ${i}, a little longer so that it wraps the way real messages do`);
    await say(DEMO, 'I want to kill myself');
    await server.reclaim.outbox.drain();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('keeps the reply box and the newest line in sight after take-over, and follows new messages', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'agent@helpline.test');
    await page.getByRole('link', { name: '••••1111' }).click();
    const transcript = page.locator('.transcript');
    await transcript.locator('.line-in', { hasText: 'message number 24' }).waitFor();
    await page.getByRole('button', { name: 'Take over' }).click();
    const reply = page.getByLabel(/Reply to the person/);
    await reply.waitFor();
    await transcript.locator('.line-event', { hasText: 'agent@helpline.test' }).last().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'staff-takeover-1366x768.png') });
    await expect.poll(() => inSight(page, reply)).toBe(true);
    await expect.poll(() => inSight(page, page.getByRole('button', { name: 'Send' }))).toBe(true);
    await expect.poll(() => inSight(page, transcript.locator('li').last(), transcript)).toBe(true);

    await say(MAI, 'are you still there? I am scared');
    const newest = transcript.locator('.line-in', { hasText: 'are you still there' });
    await newest.waitFor();
    await expect.poll(() => inSight(page, newest, transcript)).toBe(true);
    await expect.poll(() => inSight(page, reply)).toBe(true);

    // Someone reading back up is not pulled down by a new line.
    await transcript.evaluate((el) => (el.scrollTop = 0));
    await say(MAI, 'one more thing');
    await transcript.locator('.line-in', { hasText: 'one more thing' }).waitFor();
    expect(await transcript.evaluate((el) => el.scrollTop)).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'staff-takeover-new-message-1366x768.png') });
    await context.close();
  });

  it('adds a partner with the name people read, and lists it beside the short name', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'admin@helpline.test');
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByLabel('Platform name').fill('meta-ig');
    await page.getByLabel('Name shown to people').fill('Instagram');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await page.locator('.secret code').waitFor();
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'meta-ig' }) });
    await row.getByRole('cell', { name: 'Instagram' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Name shown to people' }).count()).toBe(1);
    // A display name the teen could not be shown as it is is refused, with the reason.
    await page.getByLabel('Platform name').fill('bad-display');
    await page.getByLabel('Name shown to people').fill('<b>Bad</b>');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await page.getByText('A display name is at most 64 characters, without < or >.').waitFor();
    expect(await page.getByRole('rowheader', { name: 'bad-display' }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'staff-partners-1366x768.png') });
    await context.close();
  });

  it('names conversations in the audit log as the queue does, with a link that opens them', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'lead@helpline.test');
    const queueLabel = (await page.locator(`table.queue a[data-id="${maiId}"]`).textContent())!;
    expect(queueLabel).toBe('••••1111');
    await page.getByRole('link', { name: 'Audit log' }).click();
    const row = page.locator('table.audit tbody tr', { hasText: 'Took over' }).first();
    await row.waitFor();
    const link = row.getByRole('link', { name: queueLabel });
    await link.waitFor();
    expect(await row.textContent()).not.toContain(maiId.slice(0, 8));
    expect(await link.getAttribute('href')).toBe(`/staff/c/${maiId}`);
    await page.screenshot({ path: join(ARTIFACTS, 'staff-audit-1366x768.png') });
    await link.click();
    await page.getByRole('heading', { name: `Conversation ${queueLabel}` }).waitFor();
    await context.close();
  });

  it('asks for the one-time password once, then for the new password', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'new@helpline.test', oneTimePassword);
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'staff-first-sign-in.png') });
    expect(await page.getByLabel('One-time password').count()).toBe(0);
    await page.getByLabel('New password', { exact: true }).fill('a brand new password of mine');
    await page.getByLabel('New password again').fill('a brand new password of mine');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await context.close();
  });

  it('keeps a person who writes while the queue is being read again', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    const page = await context.newPage();
    const rows = page.locator('table.queue tbody tr');
    let reads = 0;
    // The queue is read once on sign-in and again when the live stream says hello. The second answer is read now and
    // held until the stream has shown a person who wrote after it: an answer older than what is on screen.
    await page.route(/\/api\/staff\/queue(\?|$)/, async (route) => {
      if (++reads !== 2) return route.continue();
      const answer = await route.fetch();
      const body = (await answer.json()) as { rows: Array<Record<string, unknown>> };
      await say('term-00003333', 'hello');
      await rows.filter({ hasText: '••••3333' }).waitFor({ timeout: 10_000 });
      // A marker row in the held answer shows when the page has applied it.
      body.rows.push({ ...body.rows[0], id: 'answer-applied', user: '••••9999' });
      await route.fulfill({ response: answer, json: body });
    });
    await signIn(page, 'agent@helpline.test');
    await rows.filter({ hasText: '••••9999' }).waitFor({ timeout: 10_000 });
    expect(await rows.filter({ hasText: '••••3333' }).count()).toBe(1);
    await context.close();
  });

  it('shows demo conversations only to a supervisor who asks for them', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'lead@helpline.test');
    await page.locator('table.queue tbody tr').first().waitFor();
    const demoRow = page.locator('table.queue tbody tr', { hasText: '••••AAAA' });
    expect(await demoRow.count()).toBe(0);
    expect(await page.locator('.urgent-banner').count()).toBe(0);
    await page.getByLabel('Show demo conversations').check();
    await demoRow.waitFor({ timeout: 10_000 });
    expect(await demoRow.textContent()).toContain('Demo');
    // With the switch on, a demo visitor who starts now shows up live, without a reload.
    await say('web-BBBBBBBBBBBBBBBBBBBBBB', 'hello');
    await page.locator('table.queue tbody tr', { hasText: '••••BBBB' }).waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'staff-queue-demo.png') });
    await page.getByLabel('Show demo conversations').uncheck();
    await expect.poll(() => demoRow.count()).toBe(0);

    const agent = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    const agentPage = await agent.newPage();
    await signIn(agentPage, 'agent@helpline.test');
    await agentPage.locator('table.queue tbody tr').first().waitFor();
    expect(await agentPage.getByLabel('Show demo conversations').count()).toBe(0);
    // A demo visitor writing now does not reach the agent's queue live either.
    // (The stream delivers in order: once the later real person shows, the demo row has come and gone.)
    await say(DEMO, 'still here');
    await say('term-00002222', 'hello');
    await agentPage.locator('table.queue tbody tr', { hasText: '••••2222' }).waitFor({ timeout: 10_000 });
    expect(await agentPage.locator('table.queue tbody tr', { hasText: '••••AAAA' }).count()).toBe(0);
    await agent.close();
    await context.close();
  });
});
