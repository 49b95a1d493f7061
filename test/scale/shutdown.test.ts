// SIGTERM on `reclaim serve`: webhooks are refused with 503 and /readyz says 503 while it drains, then it exits 0.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type FakeApi } from '../helpers';
import { startFakeTelegram, telegramEnv, textUpdate } from '../channels/telegram/fake';

const ROOT = join(import.meta.dirname, '..', '..');

describe('reclaim serve on SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-drain-'));
  let fake: FakeApi;
  beforeAll(async () => {
    fake = await startFakeTelegram();
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses webhooks with 503 and Retry-After while draining, reports not ready, then exits 0', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, ...telegramEnv(fake), DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', PUBLIC_BASE_URL: '', LOG_LEVEL: 'info', SHUTDOWN_DRAIN_MS: '1500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const port = await eventually(() => /"port":(\d+)/.exec(err)?.[1], 20_000, 'the server to listen');
      const base = `http://127.0.0.1:${port}`;
      const post = (n: number) =>
        fetch(`${base}/webhooks/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': telegramEnv(fake).TELEGRAM_WEBHOOK_SECRET! },
          body: JSON.stringify(textUpdate({ id: 7_501_001, language_code: 'en' }, 'hello', n)),
        });
      expect((await post(1)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);

      child.kill('SIGTERM');
      const refused = await eventually(async () => {
        const response = await post(2);
        return response.status === 503 ? response : undefined;
      }, 5000, 'a 503 while draining');
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toContain('draining');
  }, 60_000);
});
