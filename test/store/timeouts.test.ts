// Bounded waits on PostgreSQL: a statement past its timeout and a database that never answers fail instead of hanging; which errors mean "unavailable".

import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPgSchema, isStoreUnavailable, openStore, type Store } from '../../src/store/database';
import { PG_URL } from '../helpers';

/** Tells a hung call from a slow one; not a speed target. */
const HANG_MS = 20_000;

async function outcome(promise: Promise<unknown>): Promise<{ settled: 'resolved' | 'rejected' | 'hung'; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<{ settled: 'hung' }>((resolve) => (timer = setTimeout(() => resolve({ settled: 'hung' }), HANG_MS)));
  try {
    return await Promise.race([promise.then(() => ({ settled: 'resolved' as const }), (error: unknown) => ({ settled: 'rejected' as const, error })), hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a statement running past the statement timeout', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2, pgStatementTimeoutMs: 500 });
  });
  afterAll(async () => {
    await store?.close();
    await dropPgSchema(PG_URL, schema);
  });

  it('fails as unavailable instead of running on, and the store answers the next query', async () => {
    const result = await outcome(sql`select pg_sleep(3)`.execute(store.db));
    expect(result.settled).toBe('rejected');
    expect((result.error as { code?: string }).code).toBe('57014');
    expect(isStoreUnavailable(result.error)).toBe(true);
    expect(await store.ping()).toBe(true);
  });
});

describe('a database that accepts connections and never answers', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let url: string;
  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    url = `postgres://postgres@127.0.0.1:${(silent.address() as { port: number }).port}/test`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('fails to open within the connect timeout, as unavailable', async () => {
    const result = await outcome(openStore({ databaseUrl: url, pgConnectTimeoutMs: 500 }));
    expect(result.settled).toBe('rejected');
    expect(isStoreUnavailable(result.error)).toBe(true);
  });
});

describe('isStoreUnavailable', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('says yes to lost, refused, timed-out and overloaded databases', () => {
    for (const error of [
      coded('57P01', 'terminating connection due to administrator command'),
      coded('57P02'),
      coded('57P03'),
      coded('57014', 'canceling statement due to statement timeout'),
      coded('08006'),
      coded('08001'),
      coded('53300', 'sorry, too many clients already'),
      coded('ECONNREFUSED'),
      coded('ECONNRESET'),
      coded('ETIMEDOUT'),
      coded('SQLITE_BUSY'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('wrapped', { cause: coded('57P01') }),
    ]) {
      expect(isStoreUnavailable(error), String((error as { code?: string }).code ?? error.message)).toBe(true);
    }
  });

  it('says no to errors of the request or the code', () => {
    for (const error of [
      coded('23505', 'duplicate key value violates unique constraint'),
      coded('42P01', 'relation does not exist'),
      coded('22P02'),
      coded('SQLITE_CONSTRAINT_UNIQUE'),
      new TypeError('cannot read properties of undefined'),
      new Error('no result'),
      'a string',
      undefined,
      null,
    ]) {
      expect(isStoreUnavailable(error), String(error)).toBe(false);
    }
  });
});
