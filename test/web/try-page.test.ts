// The try-the-bot page in Debian's chromium: a reload picks the conversation up where it was and says nothing new
// in the visitor's name. Screenshots go to test-artifacts/.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the try-the-bot page', () => {
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

  /** What the visitor has said, as the server recorded it. */
  const said = async () =>
    (await server.reclaim.store.db.selectFrom('transcript as t').innerJoin('conversations as c', 'c.id', 't.conversation_id').select('t.text').where('c.user_id', 'like', 'web-%').where('t.direction', '=', 'in').orderBy('t.id').execute()).map((r) => r.text);

  it('shows the earlier conversation after a reload and sends nothing new', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/`);
    await page.locator('.msg-bot', { hasText: 'Is this about you' }).waitFor();
    await page.getByRole('button', { name: "It's about me" }).click();
    await page.locator('.msg-bot', { hasText: 'Were you under 18' }).waitFor();
    await page.locator('.choices button').first().waitFor();
    const before = await said();
    expect(before).toHaveLength(2);

    await page.reload();
    await page.locator('.msg-you', { hasText: "It's about me" }).waitFor();
    await page.locator('.msg-bot', { hasText: 'Is this about you' }).waitFor();
    await page.locator('.msg-bot', { hasText: 'Were you under 18' }).waitFor();
    // The open question's buttons are back, and answering it is the next thing the visitor says.
    await page.locator('.choices').getByRole('button', { name: 'Yes, under 18', exact: true }).click();
    await page.locator('.msg-bot', { hasText: 'How old are you now' }).waitFor();
    expect(await said()).toEqual([...before, '[Yes, under 18] (minor:yes)']);
    expect(await page.locator('.msg-bot', { hasText: 'Were you under 18' }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'try-the-bot-after-reload.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
