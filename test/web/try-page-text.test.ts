// The try-the-bot page in a real browser: helpline numbers in the bot's Thai text are tap-to-call, case numbers stay whole.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { issueHandoffToken } from '../../src/engine/tokens';
import { eventually, startServer, type TestServer } from '../helpers';
import { brokenKeywords } from './line-breaks';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'try-page');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE_320 = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe('try the bot: the bot’s words on a phone', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A Thai demo conversation of its own, in a fresh browser context (its own cookie). */
  async function openThai(): Promise<Page> {
    const context = await browser.newContext({ ...PHONE_320, locale: 'th-TH' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.msg-bot').first().waitFor();
    return page;
  }

  async function say(page: Page, text: string): Promise<void> {
    await page.locator('#chat-input').fill(text);
    await page.locator('#chat-input').press('Enter');
  }

  it('makes the crisis line numbers tap-to-call, their text unchanged', async () => {
    const page = await openThai();
    await say(page, 'ไม่ไหวแล้ว อยากฆ่าตัวตาย');
    const crisis = page.locator('.msg-bot', { hasText: '1387' });
    await crisis.waitFor();
    for (const number of ['191', '1387', '1300']) {
      const call = crisis.locator(`a[href="tel:${number}"]`);
      expect(await call.textContent(), number).toBe(number);
    }
    // The paragraph reads exactly as the bot wrote it.
    expect(await crisis.locator('p').textContent()).toContain('มูลนิธิสายเด็ก');
    await page.screenshot({ path: join(ARTIFACTS, 'thai-crisis-320px.png'), fullPage: true });
    await page.context().close();
  });

  it('never breaks a case number inside Thai text, from 320 px up', { timeout: 60_000 }, async () => {
    const page = await openThai();
    const { id } = await eventually(
      () => server.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', 'like', 'web-%').orderBy('created_at', 'desc').executeTakeFirst(),
      10_000,
      'the demo conversation',
    );
    const token = await issueHandoffToken(server.reclaim.store.db, id, Date.now());
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const response = await fetch(`${server.url}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, files: [{ type: 'image', md5, sha256 }] }) });
    const { caseNumber } = (await response.json()) as { caseNumber: string };
    await page.locator('.msg-bot', { hasText: caseNumber }).waitFor();
    const wrapped: string[] = [];
    for (let width = 320; width <= 600; width += 4) {
      await page.setViewportSize({ width, height: 640 });
      for (const keyword of await page.evaluate(brokenKeywords, '.msg p')) wrapped.push(`${width}px: ${keyword}`);
    }
    expect(wrapped).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.screenshot({ path: join(ARTIFACTS, 'thai-case-number-320px.png'), fullPage: true });
    await page.context().close();
  });
});
