// In a real browser: the hashing page names the platforms taking part and shows the PIN once; the case page opens a case with it, refuses a wrong one and withdraws.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { issueHandoffToken } from '../../src/engine/tokens';
import { addPartner } from '../../src/engine/partners';
import { startServer, type TestServer } from '../helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PNG = join(import.meta.dirname, '..', 'vectors', 'pdq', 'images', 'synthetic', 'synth-noise-640x480.png');
/** A loaded two-core machine may take a while to paint. */
const WAIT = { timeout: 15_000 };
/** Screenshots to look at as a person would: test-artifacts/case-page/*.png. */
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'case-page');
mkdirSync(ARTIFACTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `case-page-${name}.png`), fullPage: true });

describe('the hashing page and the case page in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let caseNumber = '';
  let pin = '';

  beforeAll(async () => {
    server = await startServer();
    await addPartner(server.reclaim.store.db, 'meta-ig', { displayName: 'Instagram' });
    await addPartner(server.reclaim.store.db, 'tiktok', { displayName: 'TikTok' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  async function link(): Promise<string> {
    const userId = `case-page-${randomBytes(4).toString('hex')}`;
    await server.reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `${userId}:0`, kind: 'text', text: 'hi', localeHint: 'en', at: Date.now() });
    const { id } = await server.reclaim.store.db.selectFrom('conversations').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
    return issueHandoffToken(server.reclaim.store.db, id, Date.now());
  }

  it('names the platforms and the limits before any file is chosen, then shows the case number and PIN once', async () => {
    const page = await open(`${server.url}/hash#t=${await link()}&l=en`);
    await page.locator('#programme-platforms').filter({ hasText: 'Instagram and TikTok' }).waitFor(WAIT);
    const limits = await page.locator('#programme-limits li').allTextContents();
    expect(limits).toHaveLength(4);
    expect(limits.join(' ')).toContain('edited or cropped');
    expect(limits.join(' ')).toContain("Removal isn't guaranteed");
    await page.setInputFiles('#file-input', [PNG]);
    await page.locator('#send:not([disabled])').waitFor(WAIT);
    await page.click('#send');
    await page.locator('#pin-value').filter({ hasText: /^\d{4} \d{4}$/ }).waitFor(WAIT);
    caseNumber = (await page.locator('#case-number').textContent())!.trim();
    pin = (await page.locator('#pin-value').textContent())!.replace(/\s/g, '');
    await shot(page, 'pin-shown');
    expect(await page.locator('#pin-note').textContent()).toContain(`${server.url}/case`);
    // Nowhere to find it again: not in storage, not in the address.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href)).not.toContain(pin);
    await page.context().close();
  });

  it('refuses a wrong PIN with the same words as an unknown case, then opens, and withdraws, the case with the right one', async () => {
    expect(pin).toMatch(/^\d{8}$/);
    const page = await open(`${server.url}/case`);
    await page.locator('#lookup-heading').filter({ hasText: 'Check a case' }).waitFor(WAIT);
    await page.fill('#case-number', caseNumber);
    await page.fill('#pin', pin === '00000000' ? '11111111' : '00000000');
    await page.click('#check');
    await page.locator('#problem:not([hidden])').waitFor(WAIT);
    const wrong = await page.locator('#problem').textContent();
    expect(wrong).toContain('No case matches');
    await page.fill('#case-number', 'AAAA-AAAA');
    await page.fill('#pin', pin);
    await page.click('#check');
    await page.waitForFunction(() => document.getElementById('problem')?.textContent !== '', null, WAIT);
    expect(await page.locator('#problem').textContent()).toBe(wrong);
    expect(await page.locator('#view').isHidden()).toBe(true);

    await page.fill('#case-number', caseNumber.toLowerCase());
    await page.fill('#pin', `${pin.slice(0, 4)} ${pin.slice(4)}`);
    await page.click('#check');
    await page.locator('#view-heading').filter({ hasText: caseNumber }).waitFor(WAIT);
    expect(await page.locator('#view-heading').textContent()).toContain('shared with platforms');
    expect(await page.locator('#reports').textContent()).toContain('No platform has reported a copy yet.');
    expect(await page.locator('#pin').inputValue()).toBe('');
    await shot(page, 'case-open');
    await page.click('#withdraw');
    expect(await page.locator('#confirm-text').textContent()).toContain(caseNumber);
    await page.click('#withdraw-yes');
    await page.locator('#withdrawn:not([hidden])').waitFor(WAIT);
    expect(await page.locator('#view-heading').textContent()).toContain('withdrawn');
    const stored = await server.reclaim.store.db.selectFrom('cases').select('status').where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
    expect(stored.status).toBe('withdrawn');
    await page.context().close();
  });

  it('speaks Thai on the case page for a Thai browser', async () => {
    const page = await open(`${server.url}/case`, 'th-TH');
    await page.locator('#lookup-heading').filter({ hasText: 'ตรวจสอบเคส' }).waitFor(WAIT);
    expect(await page.locator('#check').textContent()).toBe('ตรวจสอบ');
    await shot(page, 'thai');
    await page.context().close();
  });
});
