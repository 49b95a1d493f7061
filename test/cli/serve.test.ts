// `reclaim serve` (what `npm start` runs): its first words name the pages a person opens and how to create the first staff account.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-serve-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('reclaim serve', () => {
  it('prints the bot and dashboard URLs and the staff command, and those URLs answer', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', PUBLIC_BASE_URL: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const port = await eventually(() => /"port":(\d+)/.exec(err)?.[1], 20_000, 'the server to listen');
      const origin = `http://localhost:${port}`;
      await eventually(() => out.includes('npx --no reclaim staff add'), 10_000, 'the start-up message');
      expect(out).toContain(`${origin}/ `);
      expect(out).toContain(`${origin}/staff `);
      expect(out).toContain('npx --no reclaim staff add you@example.org --role admin');
      // The command it names is one the staff CLI accepts as written.
      expect(out).toMatch(/staff add \S+ --role (agent|supervisor|admin)\b/);
      for (const path of ['/', '/staff']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect([200, 503], path).toContain(response.status); // 503: the page is not built, and says so
        await response.body?.cancel();
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
