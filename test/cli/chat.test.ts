// `reclaim chat` scripted from stdin: from "hi" to the case number, with the real flow, engine, store and HTTP API.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-chat-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('reclaim chat', () => {
  it('walks from "hi" to the case number, choosing by number, label and id', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), 'chat'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LANG: 'en_US.UTF-8', PUBLIC_BASE_URL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const say = (line: string) => child.stdin.write(line + '\n');

    const origin = await eventually(() => /Hashing page: (\S+)/.exec(err)?.[1], 20_000, 'the chat to start');
    say('hi');
    await eventually(() => out.includes('  1) It\'s about me  [role:self]'), 10_000, 'the role question');
    say('1'); // by number
    await eventually(() => out.includes('[minor:yes]'));
    say('Yes, under 18'); // by label
    await eventually(() => out.includes('[age:13_15]'));
    for (const id of ['age:13_15', 'content:yes', 'threat:no', 'copy:yes']) say(id); // by id
    const link = await eventually(() => /(http:\/\/\S+\/hash#t=([A-Za-z0-9_-]+)&l=en)/.exec(out), 10_000, 'the hashing link');
    expect(link[1]!.startsWith(`${origin}/hash#t=`)).toBe(true);

    const response = await fetch(`${origin.replace('localhost', '127.0.0.1')}/api/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link[2], files: [{ type: 'image', md5: 'd41d8cd98f00b204e9800998ecf8427e', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }] }),
    });
    expect(response.status).toBe(201);
    const { caseNumber } = (await response.json()) as { caseNumber: string };
    await eventually(() => out.includes(`Your case number is ${caseNumber}`), 10_000, 'the case number in the chat');
    say('status');
    await eventually(() => out.includes(`Case ${caseNumber}`), 10_000, 'the status list');
    child.stdin.end();
    expect(await exited).toBe(0);
    // The token exists only in the link shown to the person: never in logs.
    expect(err).not.toContain(link[2]!);
  }, 60_000);
});
