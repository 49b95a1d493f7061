// The server as a deployment runs it: `reclaim serve` on SQLite answers health, readiness and metrics, and logs JSON lines on the Node it runs on.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-smoke-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('reclaim serve, as deployed', () => {
  // CI's Node 22 step names the version it installed; this proves the suite really ran on it.
  const expected = process.env.RECLAIM_EXPECT_NODE_MAJOR;
  it.runIf(expected !== undefined)('runs on the Node version asked for', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(Number(expected));
  });

  it('answers /healthz, /readyz and /metrics (with its token), and logs JSON lines', async () => {
    const token = 'smoke-metrics-token-0123456789';
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', PUBLIC_BASE_URL: '', LOG_LEVEL: 'info', METRICS_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const port = await eventually(() => /"port":(\d+)/.exec(err)?.[1], 30_000, 'the server to listen');
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true });
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toContain(`nodejs_version_info{version="${process.version}"`);
      expect(text).toContain('# TYPE reclaim_webhook_ack_seconds histogram');
      const lines = err.split('\n').filter((l) => l.trim() !== '');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
