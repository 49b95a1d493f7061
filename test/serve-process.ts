// Starts `reclaim serve` as a separate process, as a platform would meet it, and reads back what each person's conversation received.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Store } from '../src/store/database';
import { eventually } from './helpers';

const ROOT = join(import.meta.dirname, '..');

export interface Serve {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

/**
 * Starts `reclaim serve` as a separate process and resolves once it listens. Tried again if the
 * process ends before listening: on the shared test database, Kysely's migration check reads
 * every schema's catalogue and fails now and then while another suite drops its schema.
 */
export async function serve(env: Record<string, string>): Promise<Serve> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serveOnce(env);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !error.message.includes('migration')) throw error;
    }
  }
}

async function serveOnce(env: Record<string, string>): Promise<Serve> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'reclaim.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', PUBLIC_BASE_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Ended once its output is read to the end ('close' comes after the last of stderr, 'exit' may not).
  let ended = false;
  child.on('close', () => (ended = true));
  const port = await eventually(() => {
    // A server that listened and then died at once (a test that makes it crash) did listen: its end is the caller's to see.
    const listening = /"port":(\d+)/.exec(err)?.[1];
    if (listening === undefined && ended) throw new Error('the server ended before listening');
    return listening;
  }, 60_000, 'the server to listen').catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}; it said: ${err.slice(-2000)}`);
  });
  return { child, url: `http://127.0.0.1:${port}`, exited };
}

/** The texts each person's conversation recorded as received, in order. */
export async function received(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.db
    .selectFrom('transcript as t')
    .innerJoin('conversations as c', 'c.id', 't.conversation_id')
    .select(['c.user_id', 't.text'])
    .where('t.direction', '=', 'in')
    .orderBy('t.id')
    .execute();
  const byPerson = new Map<string, string[]>();
  for (const row of rows) byPerson.set(row.user_id, [...(byPerson.get(row.user_id) ?? []), row.text]);
  return byPerson;
}
