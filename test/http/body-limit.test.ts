// Oversized bodies on the public routes: a real server in its own process answers 413 early and its memory stays flat.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { bodyLimits } from '../../src/http/body-limit';
import { eventually } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;
const HUGE = 100 * MB;
const TELEGRAM_SECRET = 'telegram-webhook-secret';

/** Resident memory of a process, in bytes, from /proc. */
function rss(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) * 1024;
}

interface Upload {
  status: number;
  /** Bytes handed to the socket before the answer came. */
  sentBeforeAnswer: number;
}

/**
 * Streams `HUGE` bytes of JSON-looking filler to `path`, declared (Content-Length) or chunked, and
 * stops sending as soon as the server answers.
 */
function upload(origin: string, path: string, declared: boolean, headers: Record<string, string> = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, origin);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'keep-alive', ...(declared ? { 'content-length': String(HUGE) } : {}), ...headers } },
      (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sentBeforeAnswer: sent });
        req.destroy();
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(new Error(`${path} (${declared ? 'declared' : 'chunked'}) failed after ${sent} bytes: ${error.message}`));
    });
    // 64 KB at a time, yielding between writes, so an early answer is read as soon as it arrives.
    // Keep-alive, as browsers do: on a `Connection: close` request Node closes the socket right after
    // the answer, over unread bytes, and the reset can reach the client before the answer is read.
    const pump = () => {
      if (answered) return;
      if (sent >= HUGE) return void req.end();
      sent += chunk.length;
      if (req.write(chunk)) setImmediate(pump);
      else req.once('drain', () => setImmediate(pump));
    };
    req.flushHeaders();
    pump();
  });
}

describe('request bodies on a listening server', () => {
  let child: ChildProcess;
  let origin: string;
  let stderr = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-body-'));

  beforeAll(async () => {
    child = spawn(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'info',
        PUBLIC_BASE_URL: 'http://127.0.0.1:1',
        TELEGRAM_BOT_TOKEN: '1:test',
        TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
        TELEGRAM_API_ROOT: 'http://127.0.0.1:1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const port = await eventually(() => /"port":(\d+)/.exec(stderr)?.[1], 30_000, 'the server to listen');
    origin = `http://127.0.0.1:${port}`;
    // Warm up the routes once, so lazily loaded code is not counted as growth.
    for (const path of ['/api/staff/login', '/api/try/start', '/api/submissions']) {
      await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    }
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 413 to concurrent 100 MB bodies, declared or streamed, with memory bounded', async () => {
    const routes: [string, Record<string, string>][] = [
      ['/api/staff/login', {}],
      ['/api/staff/login', {}],
      ['/api/try/start', {}],
      ['/api/try/messages', {}],
      ['/api/submissions', {}],
      ['/webhooks/telegram', { 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }],
    ];
    const before = rss(child.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(child.pid!))), 20);
    const results = await Promise.all(routes.flatMap(([path, headers]) => [true, false].map(async (declared) => ({ path, declared, ...(await upload(origin, path, declared, headers)) })))).finally(() =>
      clearInterval(sampler),
    );
    peak = Math.max(peak, rss(child.pid!));
    const growthMb = Math.round((peak - before) / MB);
    console.info(`server RSS before ${Math.round(before / MB)} MB, peak ${Math.round(peak / MB)} MB (+${growthMb} MB) over ${results.length} uploads of 100 MB`);

    expect(results.map((r) => `${r.path} ${r.declared ? 'declared' : 'chunked'}: ${r.status}`)).toEqual(results.map((r) => `${r.path} ${r.declared ? 'declared' : 'chunked'}: 413`));
    // Answered while the upload was still going, not after it was read whole.
    for (const r of results) expect(r.sentBeforeAnswer).toBeLessThan(HUGE);
    expect(growthMb).toBeLessThan(100);
    // The server is still there and still answers.
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  }, 120_000);
});

describe('the body limit middleware', () => {
  const app = new Hono();
  app.use('*', bodyLimits());
  app.post('/api/staff/login', async (c) => c.json({ length: (await c.req.text()).length }));
  app.post('/webhooks/telegram', async (c) => c.json({ length: (await c.req.arrayBuffer()).byteLength }));

  const streamed = (bytes: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let sent = 0; sent < bytes; sent += 1024) controller.enqueue(new Uint8Array(Math.min(1024, bytes - sent)).fill(0x20));
        controller.close();
      },
    });
  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit);

  it('passes a body within the route limit through whole', async () => {
    expect(await (await post('/api/staff/login', '{"email":"a@b.cd"}')).json()).toEqual({ length: 18 });
    expect(await (await post('/webhooks/telegram', streamed(512 * 1024))).json()).toEqual({ length: 512 * 1024 });
  });

  it('refuses a declared length over the limit before reading, and a streamed one as it counts', async () => {
    expect((await post('/api/staff/login', 'x', { 'content-length': String(HUGE) })).status).toBe(413);
    expect((await post('/api/staff/login', streamed(64 * 1024))).status).toBe(413);
    expect((await post('/webhooks/telegram', streamed(2 * MB))).status).toBe(413);
  });
});
