// `reclaim serve` as a real child process: it logs and survives an unhandled rejection, and exits cleanly on an uncaught exception; logs never carry the message.

import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { installCrashPolicy } from '../../src/crash-policy';
import { createLogger } from '../../src/core/logger';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURE = pathToFileURL(join(import.meta.dirname, 'fixtures', 'provoke.mjs')).href;
const SECRET = 'what-a-teen-wrote-must-not-be-logged';

type Line = Record<string, unknown>;

interface Serve {
  child: ChildProcess;
  stderr(): string;
  lines(): Line[];
  /** Resolves with the first log line matching; rejects if the process exits first. */
  line(predicate: (line: Line) => boolean, timeoutMs?: number): Promise<Line>;
  exited: Promise<number | null>;
}

const running: { serve: Serve; dir: string }[] = [];

function startServe(provoke: 'rejection' | 'exception'): Serve {
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-crash-'));
  const child = spawn(process.execPath, ['--import', FIXTURE, join(ROOT, 'bin', 'reclaim.js'), 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: tmpdir(), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'info', PROVOKE: provoke },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let text = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const lines = () =>
    text.split('\n').flatMap((raw) => {
      try {
        return [JSON.parse(raw) as Line];
      } catch {
        return [];
      }
    });
  const serve: Serve = {
    child,
    stderr: () => text,
    lines,
    exited,
    async line(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines().find(predicate);
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`reclaim serve exited with ${child.exitCode}: ${text.slice(-2000)}`);
        if (Date.now() > deadline) throw new Error(`no such log line; stderr: ${text.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
  running.push({ serve, dir });
  return serve;
}

afterEach(async () => {
  for (const { serve, dir } of running.splice(0)) {
    if (serve.child.exitCode === null && serve.child.signalCode === null) {
      serve.child.kill('SIGKILL');
      await serve.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('reclaim serve', () => {
  it('logs an unhandled rejection without its message and keeps serving', async () => {
    const serve = startServe('rejection');
    const port = (await serve.line((l) => l.msg === 'Reclaim is listening')).port as number;
    for (let n = 1; n <= 2; n++) {
      serve.child.kill('SIGUSR2');
      await serve.line(() => serve.lines().filter((l) => l.msg === 'unhandled promise rejection').length === n);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    }
    const logged = serve.lines().find((l) => l.msg === 'unhandled promise rejection')!;
    expect(logged).toMatchObject({ level: 'error', name: 'Error', code: 'E_PROVOKED', survived: true });
    expect((logged.frames as string[]).length).toBeGreaterThan(0);
    expect(serve.stderr()).not.toContain(SECRET);

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  });

  it('logs an uncaught exception without its message, shuts down and exits 1 for a clean restart', async () => {
    const serve = startServe('exception');
    await serve.line((l) => l.msg === 'Reclaim is listening');
    serve.child.kill('SIGUSR2');
    expect(await serve.exited).toBe(1);
    const messages = serve.lines().map((l) => l.msg);
    expect(messages).toContain('uncaught exception; shutting down for a clean restart');
    expect(messages.indexOf('shutting down')).toBeGreaterThan(messages.indexOf('uncaught exception; shutting down for a clean restart'));
    expect(serve.stderr()).not.toContain(SECRET);
  });
});

describe('installCrashPolicy', () => {
  it('exits at once on a second uncaught exception while the first shutdown runs', () => {
    const target = new EventEmitter();
    const fatal: number[] = [];
    const exits: number[] = [];
    const lines: string[] = [];
    const remove = installCrashPolicy({
      logger: createLogger('debug', (line) => lines.push(line)),
      onFatal: () => fatal.push(1),
      exit: ((code: number) => exits.push(code)) as (code: number) => never,
      target,
    });
    target.emit('unhandledRejection', 'a bare string reason');
    target.emit('uncaughtException', new TypeError(`bad ${SECRET}`));
    expect(fatal).toEqual([1]);
    expect(exits).toEqual([]);
    target.emit('uncaughtException', new Error(SECRET));
    expect(exits).toEqual([1]);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(JSON.parse(lines[0]!)).toMatchObject({ name: 'string', survived: true });
    remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
  });
});
