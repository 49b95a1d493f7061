// `reclaim staff add | list`: a one-time password printed once, or a password from stdin; never a hash on screen.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database';
import { verifyPassword } from '../../src/staff/passwords';

const ROOT = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-staff-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function reclaim(args: string[], input = '') {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, input, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('reclaim staff', () => {
  it('adds an account with a one-time password that must be changed', async () => {
    const added = reclaim(['staff', 'add', 'Mai@Childline.test', '--role', 'agent']);
    expect(added.code).toBe(0);
    const password = added.out.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(added.err).toContain('created agent mai@childline.test');
    const store = await openStore({ dataDir });
    const row = await store.db.selectFrom('staff_accounts').selectAll().where('email', '=', 'mai@childline.test').executeTakeFirstOrThrow();
    await store.close();
    expect(row.must_change_password).toBe(1);
    expect(row.password_hash).not.toContain(password);
    expect(await verifyPassword(password, row.password_hash)).toBe(true);
  });

  it('takes a chosen password from stdin, and refuses a short one', async () => {
    expect(reclaim(['staff', 'add', 'lead@childline.test', '--role', 'supervisor', '--password-stdin'], 'short\n').code).toBe(1);
    const added = reclaim(['staff', 'add', 'lead@childline.test', '--role', 'supervisor', '--password-stdin'], 'a long and private passphrase\n');
    expect(added.code).toBe(0);
    expect(added.out).toBe('');
    const store = await openStore({ dataDir });
    const row = await store.db.selectFrom('staff_accounts').selectAll().where('email', '=', 'lead@childline.test').executeTakeFirstOrThrow();
    await store.close();
    expect(row.must_change_password).toBe(0);
    expect(await verifyPassword('a long and private passphrase', row.password_hash)).toBe(true);
  });

  it('refuses a duplicate, an unknown role and missing arguments', () => {
    expect(reclaim(['staff', 'add', 'mai@childline.test', '--role', 'agent']).code).toBe(1);
    expect(reclaim(['staff', 'add', 'x@childline.test', '--role', 'boss']).code).toBe(2);
    expect(reclaim(['staff', 'add']).code).toBe(2);
  });

  it('lists accounts without secrets', () => {
    const listed = reclaim(['staff', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('lead@childline.test\tsupervisor\tactive');
    expect(listed.out).toContain('mai@childline.test\tagent\tone-time password');
    expect(listed.out).not.toContain('scrypt');
  });
});
