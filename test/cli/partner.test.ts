// `reclaim partner`: what a platform is handed once, and that it works as HMA's StopNCII credentials; the list shows activity.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers';
import { parseCredentials, StopNCIIAPI } from '../http/fixtures/hma-stopncii-client';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

describe('reclaim partner', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-partner-'));
  let server: TestServer;
  const reclaim = (args: string[]) =>
    run(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), 'partner', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PUBLIC_BASE_URL: server.url + '/' },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    server = await startServer({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints with --json the key and the credential line HMA’s StopNCII exchange takes, and that line works', async () => {
    const { code, stdout } = await reclaim(['add', 'meta-ig', '--display-name', 'Instagram', '--json']);
    expect(code).toBe(0);
    const sheet = JSON.parse(stdout) as { key: string; subscriptionKey: string; hmaCredentials: string; displayName: string };
    expect(sheet.displayName).toBe('Instagram');
    expect(sheet.hmaCredentials).toBe(`${sheet.key},${sheet.subscriptionKey},${server.url}/api/stopncii/v1`);
    const c = parseCredentials(sheet.hmaCredentials);
    const hma = new StopNCIIAPI(c.subscriptionKey, c.fetchFunctionKey, {}, c.baseUrlOverride);
    expect(await hma.fetchHashes()).toMatchObject({ count: 0, hasMoreRecords: false, nextPageToken: null });
    // The same key still opens the plain feed.
    expect((await fetch(`${server.url}/api/partner/v1/hashes`, { headers: { authorization: `Bearer ${sheet.key}` } })).status).toBe(200);
    // Stored only as hashes.
    const row = await server.reclaim.store.db.selectFrom('partners').selectAll().where('name', '=', 'meta-ig').executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(sheet.key);
    expect(JSON.stringify(row)).not.toContain(sheet.subscriptionKey);
  });

  it('prints for a person the credential line, the endpoints and both keys', async () => {
    const { code, stdout } = await reclaim(['add', 'tiktok']);
    expect(code).toBe(0);
    const line = /^\s+(rcl_[\w-]+,rcs_[\w-]+,\S+)$/m.exec(stdout)?.[1];
    expect(line).toBeDefined();
    expect(line!.endsWith(`${server.url}/api/stopncii/v1`)).toBe(true);
    expect(stdout).toContain('/FetchHashes');
    expect(stdout).toContain('/SubmitFeedback');
    expect(stdout).toContain('shown only now');
  });

  it('lists each partner’s last fetch and feedback', async () => {
    const { stdout } = await reclaim(['list']);
    const rows = stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['name', 'display name', 'added', 'state', 'last fetch', 'last feedback']);
    const ig = rows.find((r) => r[0] === 'meta-ig')!;
    expect(ig[1]).toBe('Instagram');
    expect(ig[4]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(ig[5]).toBe('never');
    expect(rows.find((r) => r[0] === 'tiktok')![4]).toBe('never');
  });

  it('refuses an unknown option or a display name left out, saying which', async () => {
    const unknown = await reclaim(['add', 'x', '--colour', 'red']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--colour');
    const empty = await reclaim(['add', 'x', '--display-name']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--display-name');
  });
});
