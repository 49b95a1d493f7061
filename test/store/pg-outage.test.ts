// PostgreSQL outages on a whole server: lost connections, an unreachable and a silent database. The process lives, webhooks answer 503, service resumes.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, PG_URL, startServer, type TestServer } from '../helpers';
import { postUpdate, startFakeTelegram, telegramEnv, textUpdate, type Person } from '../channels/telegram/fake';
import type { FakeApi } from '../helpers';
import { startPgProxy, type PgProxy } from './pg-proxy';

/** Generous bound that tells a hung request from a slow one; it is not a speed target. */
const HANG_MS = 20_000;

/** Short timeouts so that outages show within a test's time. */
const TIMEOUTS = { PG_CONNECT_TIMEOUT_MS: '1000', PG_STATEMENT_TIMEOUT_MS: '1000' };

let nextPerson = 8_100_000 + Math.floor(Math.random() * 100_000) * 10;
const person = (): Person => ({ id: nextPerson++, language_code: 'en' });

/** Posts an update and reports its status and how long it took; a hang fails the test instead of blocking it. */
async function deliver(url: string, update: unknown): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await Promise.race([
    postUpdate(url, update),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`webhook hung for ${HANG_MS} ms`)), HANG_MS).unref()),
  ]);
  await response.arrayBuffer();
  return { status: response.status, ms: Math.round(performance.now() - started) };
}

async function ready(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(HANG_MS) });
  await response.arrayBuffer();
  return { status: response.status, ms: Math.round(performance.now() - started) };
}

async function conversations(server: TestServer, people: Person[]): Promise<number> {
  const rows = await server.reclaim.store.db
    .selectFrom('conversations')
    .select('user_id')
    .where('channel', '=', 'telegram')
    .where('user_id', 'in', people.map((p) => String(p.id)))
    .execute();
  return rows.length;
}

describe('PostgreSQL connections terminated under a running server', () => {
  // Only backends carrying this name are terminated: other suites share the PostgreSQL server.
  const appName = `reclaim_cut_${randomBytes(5).toString('hex')}`;
  let fake: FakeApi;
  let server: TestServer;
  let admin: pg.Client;

  const terminate = async (): Promise<number> => {
    const result = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()', [appName]);
    return result.rowCount ?? 0;
  };

  beforeAll(async () => {
    fake = await startFakeTelegram();
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    server = await startServer({ ...telegramEnv(fake), ...TIMEOUTS, DATABASE_URL: `${PG_URL}?application_name=${appName}` }, { dialect: 'postgres' });
  });
  afterAll(async () => {
    await server?.close();
    await admin?.end();
    await fake?.close();
  });

  it('survives its idle connections being terminated and serves the next update', async () => {
    const ana = person();
    expect((await deliver(server.url, textUpdate(ana, 'hello'))).status).toBe(200);
    await server.reclaim.outbox.drain();
    expect(await terminate()).toBeGreaterThan(0);
    // The pool notices the dead connections; a crash here would end this test process.
    const ben = person();
    const next = await eventually(async () => {
      const r = await deliver(server.url, textUpdate(ben, 'hello'));
      return r.status === 200 ? r : undefined;
    }, 15_000, 'an update served after the cut');
    expect(next.status).toBe(200);
    // Acknowledged on receipt, processed a moment later.
    await eventually(async () => (await conversations(server, [ana, ben])) === 2, 15_000, 'both processed');
    expect((await ready(server.url)).status).toBe(200);
  });

  it('answers every webhook 200 or 503 while connections are cut under load, and a redelivery loses nothing', async () => {
    const people: Person[] = [];
    const updates = new Map<number, unknown>();
    const statuses: number[] = [];
    // Rounds of concurrent updates with terminations among them, until some update was caught mid-flight.
    for (let round = 0; round < 10 && !statuses.includes(503); round++) {
      const batch = Array.from({ length: 24 }, () => person());
      let settled = false;
      const requests = Promise.all(
        batch.map(async (p) => {
          people.push(p);
          const update = textUpdate(p, 'hello');
          updates.set(p.id, update);
          return deliver(server.url, update);
        }),
      ).finally(() => (settled = true));
      while (!settled) {
        await terminate();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      for (const r of await requests) statuses.push(r.status);
    }
    expect(statuses.includes(503)).toBe(true);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);

    // The platform redelivers what was refused; service has resumed by itself.
    for (const p of people) {
      await eventually(async () => (await deliver(server.url, updates.get(p.id))).status === 200, 15_000, 'a redelivery accepted');
    }
    await eventually(async () => (await conversations(server, people)) === people.length, 15_000, 'every acknowledged update processed');
    expect((await ready(server.url)).status).toBe(200);
  }, 120_000);
});

describe('PostgreSQL unreachable or silent', () => {
  let fake: FakeApi;
  let proxy: PgProxy;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    proxy = await startPgProxy();
    server = await startServer({ ...telegramEnv(fake), ...TIMEOUTS, DATABASE_URL: proxy.urlFor(PG_URL) }, { dialect: 'postgres' });
  });
  afterAll(async () => {
    proxy?.restore();
    await server?.close();
    await proxy?.close();
    await fake?.close();
  });

  it('answers 503 to webhooks and /readyz while the database is gone, and resumes by itself', async () => {
    expect((await deliver(server.url, textUpdate(person(), 'hello'))).status).toBe(200);
    proxy.cut();
    const during = await deliver(server.url, textUpdate(person(), 'hello'));
    expect(during.status).toBe(503);
    expect((await ready(server.url)).status).toBe(503);
    proxy.restore();
    const after = person();
    await eventually(async () => (await deliver(server.url, textUpdate(after, 'hello'))).status === 200, 15_000, 'an update served after the outage');
    await eventually(async () => (await conversations(server, [after])) === 1, 15_000, 'the update processed');
    expect((await ready(server.url)).status).toBe(200);
    console.info(`database gone: webhook 503 in ${during.ms} ms`);
  });

  it('answers 503 instead of hanging while the database is silent, and resumes by itself', async () => {
    expect((await deliver(server.url, textUpdate(person(), 'hello'))).status).toBe(200);
    proxy.silence();
    const probe = await ready(server.url);
    expect(probe.status).toBe(503);
    const during = await deliver(server.url, textUpdate(person(), 'hello'));
    expect(during.status).toBe(503);
    proxy.restore();
    const after = person();
    await eventually(async () => (await deliver(server.url, textUpdate(after, 'hello'))).status === 200, 15_000, 'an update served after the silence');
    await eventually(async () => (await conversations(server, [after])) === 1, 15_000, 'the update processed');
    expect((await ready(server.url)).status).toBe(200);
    console.info(`database silent: /readyz 503 in ${probe.ms} ms, webhook 503 in ${during.ms} ms`);
  });
});
