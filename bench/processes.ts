// Starts the servers under test as child processes (the floor, `reclaim serve`) and PostgreSQL databases of their own.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '..');

/** PostgreSQL for the benchmark: the same server as the tests, trust auth on loopback. */
export const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Dialect = 'sqlite' | 'postgres';

const TICKS = 100; // USER_HZ on Linux

/** A process's name and the CPU seconds (user + system) it has used, from /proc (Linux); empty and 0 elsewhere or once it is gone. */
export function processCpu(pid: number | string): { comm: string; seconds: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), seconds: (Number(rest[11]) + Number(rest[12])) / TICKS };
  } catch {
    return { comm: '', seconds: 0 };
  }
}

/**
 * CPU seconds (user + system) of a process's main thread and of all its other threads (V8's
 * compiler and garbage-collection helpers, worker threads), from /proc (Linux); zeros elsewhere.
 */
export function threadCpu(pid: number): { main: number; others: number } {
  let main = 0;
  let others = 0;
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return { main, others };
  }
  for (const task of tasks) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(rest[11]) + Number(rest[12])) / TICKS;
    if (task === String(pid)) main += seconds;
    else others += seconds;
  }
  return { main, others };
}

/** The machine's busy and total CPU seconds since boot, from /proc/stat (Linux). */
export function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

/** A server in a child process; `stop` ends it (SIGTERM, then SIGKILL) and removes what it stored. */
export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Environment a child gets: nothing of ours (no channel secrets or database URLs from the shell). */
function baseEnv(): NodeJS.ProcessEnv {
  const { PATH, HOME, TMPDIR, LANG } = process.env;
  return { ...(PATH ? { PATH } : {}), ...(HOME ? { HOME } : {}), ...(TMPDIR ? { TMPDIR } : {}), ...(LANG ? { LANG } : {}), NODE_ENV: 'production' };
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** Keeps the last lines a child printed, to explain a failed start. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => (text = (text + chunk.toString('utf8')).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(late);
}

/** Polls `url` until it answers 200, the child dies, or 60 s pass. */
async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up (code ${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopChild(child);
  throw new Error(`the server did not become ready within 60 s:\n${output()}`);
}

/**
 * Messages in Reclaim's answer to a new person's first message: the welcome, then the role
 * question with its choices (FLOW.md, steps 1 and 2; each step is one message). The end-to-end
 * floor sends as many, in order; the report prints what each side's messages per webhook were.
 */
export const FIRST_ANSWER_MESSAGES = 2;

/**
 * Starts the floor server (bench/floor.ts) on SQLite (a file, WAL) or in a PostgreSQL schema of
 * its own; with `replies` it also sends each update's chat one reply at that fake Bot API.
 */
export async function startFloor(dialect: Dialect, secret: string, replies?: { apiRoot: string; token: string; messages: number }): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-bench-floor-'));
  const schema = `bench_floor_${randomBytes(4).toString('hex')}`;
  const env = {
    ...baseEnv(),
    FLOOR_SECRET: secret,
    ...(replies ? { FLOOR_API_ROOT: replies.apiRoot, FLOOR_BOT_TOKEN: replies.token, FLOOR_REPLIES: String(replies.messages) } : {}),
    ...(dialect === 'postgres' ? { FLOOR_DATABASE: 'postgres', FLOOR_PG_URL: PG_URL, FLOOR_PG_SCHEMA: schema } : { FLOOR_SQLITE_PATH: join(dir, 'floor.db') }),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'floor.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = tail(child);
  const port = await new Promise<number>((resolvePort, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /\{"port":(\d+)\}/.exec(seen);
      if (match) resolvePort(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the floor server exited during start-up (code ${code}):\n${output()}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/webhooks/telegram`,
    pid: child.pid!,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
      if (dialect === 'postgres') await runStatement(PG_URL, `drop schema if exists ${schema} cascade`);
    },
  };
}

/**
 * Starts Reclaim as `reclaim serve` does (bench/serve.ts), with the Telegram channel pointed at
 * the fake Bot API, on a fresh SQLite file or a fresh PostgreSQL database of its own (the server
 * uses a database's default schema, so each run gets a database, dropped afterwards). `paced`
 * keeps Telegram's 30 messages/s send pacing; without it the outbox sends as fast as it can.
 */
export async function startReclaim(dialect: Dialect, fakeApiUrl: string, token: string, secret: string, paced = false): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-bench-serve-'));
  const database = `reclaim_bench_${randomBytes(4).toString('hex')}`;
  if (dialect === 'postgres') await runStatement(PG_URL, `create database ${database}`);
  const port = await freePort();
  const env = {
    ...baseEnv(),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    PUBLIC_BASE_URL: 'http://127.0.0.1:1',
    LOG_LEVEL: 'error',
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_WEBHOOK_SECRET: secret,
    TELEGRAM_API_ROOT: fakeApiUrl,
    ...(paced ? {} : { BENCH_UNPACED: '1' }),
    ...(process.env.BENCH_RECEIPT_ONLY === '1' ? { BENCH_RECEIPT_ONLY: '1' } : {}),
    ...(dialect === 'postgres' ? { DATABASE_URL: withDatabase(PG_URL, database) } : {}),
  };
  // BENCH_SERVER_NODE_ARGS adds Node flags to the server under test, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where its time goes.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', join(ROOT, 'bench', 'serve.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = tail(child);
  const cleanup = async () => {
    rmSync(dir, { recursive: true, force: true });
    if (dialect === 'postgres' && process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(database);
  };
  try {
    await waitReady(`http://127.0.0.1:${port}/healthz`, child, output);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/webhooks/telegram`,
    pid: child.pid!,
    async stop() {
      await stopChild(child);
      await cleanup();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Drops a database this benchmark created, once the server that used it is gone. */
async function dropDatabase(database: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await runStatement(PG_URL, `drop database if exists ${database}`);
      return;
    } catch {
      // A connection of the stopped server may still be closing.
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  process.stderr.write(`could not drop PostgreSQL database ${database}; drop it by hand\n`);
}

/** Runs one statement on a connection of its own. */
export async function runStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when PostgreSQL answers at `url`. */
export async function postgresReachable(url = PG_URL): Promise<boolean> {
  try {
    await runStatement(url, 'select 1');
    return true;
  } catch {
    return false;
  }
}

/** Runs a bench script in a process of its own and reads its BENCH_RESULT line; ends it after `limitSeconds`. */
export async function child<T>(args: string[], env: Record<string, string>, limitSeconds: number): Promise<T> {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-4000)));
  const timer = setTimeout(() => proc.kill('SIGKILL'), limitSeconds * 1000);
  const code = await new Promise<number | null>((done) => proc.once('exit', (c) => done(c)));
  clearTimeout(timer);
  const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(code === null ? `stopped after ${limitSeconds} s` : `exited ${code}: ${err.trim().split('\n').slice(-3).join(' / ')}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}
