// `reclaim chat` walked by choice ids to the hashing link in every language this checkout offers.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCALES_DIR, presentLocales } from '../../src/engine/i18n';
import { eventually } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-chat-langs-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const available = presentLocales();
const linkLabel = (lng: string): string => JSON.parse(readFileSync(join(LOCALES_DIR, lng, 'translation.json'), 'utf8')).handoff.link_label;
const TO_HANDOFF = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];

describe('reclaim chat in every available language', () => {
  it(`reaches the hashing link in ${available.join(', ')}`, async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), 'chat'], {
      cwd: ROOT,
      // A terminal locale that names no language: the chat asks.
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LANG: 'C.UTF-8', RECLAIM_LANG: '', PUBLIC_BASE_URL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const say = (line: string) => child.stdin.write(line + '\n');

    await eventually(() => /Hashing page: (\S+)/.exec(err)?.[1], 20_000, 'the chat to start');
    say('hi');
    await eventually(() => out.includes('[lang:en]'), 10_000, 'the language question');
    const menu = [...out.matchAll(/^ {2}\d+\) .+ {2}\[(\S+)\]$/gm)].map((m) => m[1]!);
    expect(menu.length, 'buttons on the first page of languages').toBeLessThanOrEqual(13);

    for (const [i, lng] of available.entries()) {
      // The first language answers the question; each next one is chosen after a fresh start, with the language command.
      if (i > 0) {
        say('restart');
        say('language');
      }
      say(`lang:${lng}`);
      for (const id of TO_HANDOFF) say(id);
      const link = await eventually(() => new RegExp(`^ {2}(.+): (http://\\S+/hash#t=[A-Za-z0-9_-]+&l=${lng})$`, 'm').exec(out.slice(out.lastIndexOf('[lang:'))), 15_000, `the hashing link in ${lng}`);
      expect(link[1], `${lng} link label`).toBe(linkLabel(lng));
    }
    child.stdin.end();
    expect(await exited).toBe(0);
  }, 120_000);
});
