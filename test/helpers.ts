// Shared fixtures: stores on both databases, a whole Reclaim on loopback, and recording fake platform APIs.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config';
import { createReclaim, type Reclaim } from '../src/server';
import { silentLogger } from '../src/core/logger';
import { dropPgSchema, openStore, type Store } from '../src/store/database';

/** PostgreSQL used by the tests; CI and this machine run it on 127.0.0.1:5432 with trust auth. */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DialectName = 'sqlite' | 'postgres';
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

/** A fresh, migrated store of the given kind, removed again by `cleanup`. */
export async function freshStore(dialect: DialectName): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (dialect === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 4 });
    return { store, cleanup: async () => { await store.close(); await dropPgSchema(PG_URL, schema); } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-test-'));
  const store = await openStore({ sqlitePath: join(dir, 'reclaim.db') });
  return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export interface TestServer {
  reclaim: Reclaim;
  url: string;
  /** The PostgreSQL schema it runs on, for a second instance to join. */
  pgSchema?: string;
  close(): Promise<void>;
}

export interface StartServerOptions {
  dialect?: DialectName;
  now?: () => number;
  /** Joins this existing PostgreSQL schema (another instance's) instead of making a fresh one; it is left in place at close. */
  pgSchema?: string;
  /** Start the outbox and timer workers (default true). */
  workers?: boolean;
  /** Start the staff dispatcher (offers to available staff, alerts raised again) as `serve` does (default false). */
  dispatcher?: boolean;
}

/**
 * Starts a whole Reclaim on 127.0.0.1 with a fresh store and the given environment
 * (channel secrets and fake API roots). Workers poll fast so tests see deliveries quickly.
 */
export async function startServer(env: Record<string, string> = {}, options: StartServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-srv-'));
  const dialect = options.pgSchema ? 'postgres' : (options.dialect ?? 'sqlite');
  const ownSchema = dialect === 'postgres' && !options.pgSchema;
  const schema = options.pgSchema ?? (dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined);
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dir,
    PUBLIC_BASE_URL: 'http://127.0.0.1:1',
    ...(dialect === 'postgres' ? { DATABASE_URL: PG_URL } : {}),
    ...env,
  });
  process.env.HOST = '127.0.0.1';
  const reclaim = await createReclaim(config, { logger: silentLogger, ...(schema ? { pgSchema: schema } : {}), ...(options.now ? { now: options.now } : {}) });
  const port = await reclaim.listen();
  if (options.workers ?? true) {
    reclaim.inbox.start(50);
    reclaim.outbox.start(50);
    reclaim.timers.start(50);
  }
  if (options.dispatcher) reclaim.dispatcher.start(1000);
  return {
    reclaim,
    url: `http://127.0.0.1:${port}`,
    ...(schema ? { pgSchema: schema } : {}),
    async close() {
      await reclaim.close();
      if (schema && ownSchema) await dropPgSchema(PG_URL, schema);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A second instance on the first one's PostgreSQL schema, as a deployment runs several behind a
 * balancer. Close it before the first, which removes the schema.
 */
export function startSecondInstance(first: TestServer, env: Record<string, string> = {}, options: Omit<StartServerOptions, 'pgSchema' | 'dialect'> = {}): Promise<TestServer> {
  if (!first.pgSchema) throw new Error('a second instance needs the first on PostgreSQL');
  return startServer(env, { ...options, pgSchema: first.pgSchema });
}

/** One request a fake platform API received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: unknown;
}

export type FakeReply = { status?: number; json?: unknown; headers?: Record<string, string> };

/** A recording HTTP server on loopback; `reply` decides each answer and may be changed by a test. */
export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  reply: (request: RecordedRequest) => FakeReply | Promise<FakeReply>;
  /** Resolves when a request matching `predicate` has arrived (checks ones already received too). */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export async function startFakeApi(reply: FakeApi['reply'] = () => ({ json: { ok: true } })): Promise<FakeApi> {
  const waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  let server: Server;
  const fake: FakeApi = {
    url: '',
    requests: [],
    reply,
    waitFor(predicate, timeoutMs = 10_000) {
      const found = fake.requests.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the fake API did not receive the expected request')), timeoutMs);
        waiters.push({ predicate, resolve: (r) => { clearTimeout(timer); resolve(r); } });
      });
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    let json: unknown = undefined;
    try { json = body ? JSON.parse(body) : undefined; } catch { json = undefined; }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, json };
    fake.requests.push(recorded);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(recorded)) { waiters.splice(waiters.indexOf(waiter), 1); waiter.resolve(recorded); }
    }
    const answer = await fake.reply(recorded);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    res.end(JSON.stringify(answer.json ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return fake;
}

/** Resolves once every event a server acknowledged has been processed (its inbox is empty). */
export async function inboxDrained(server: TestServer, timeoutMs = 10_000): Promise<void> {
  await eventually(async () => (await server.reclaim.store.db.selectFrom('inbox').select('id').limit(1).execute()).length === 0, timeoutMs, 'the inbox to drain');
}

/** Polls until `check` returns a value that is not undefined/false, or fails after the timeout. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What `promise` rejects with; fails the test (saying `what`) if it resolves. */
export async function rejectionOf(promise: Promise<unknown>, what = 'the call'): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${what} to fail`);
}
