// A server killed (SIGKILL) while it acknowledges a stream of signed webhooks, restarted on the same store: nothing acknowledged is lost or done twice.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dropPgSchema, openStore, type Store } from '../../src/store/database';
import { calls, postUpdate, startFakeTelegram, telegramEnv, textUpdate, type Person } from '../channels/telegram/fake';
import { DIALECTS, eventually, PG_URL, type DialectName, type FakeApi } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const PEOPLE = 12;
const MESSAGES = 6;

interface Serve {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
}

/**
 * Starts `reclaim serve` as a separate process and resolves once it listens. Tried again if the
 * process ends before listening: on the shared test database, Kysely's migration check reads
 * every schema's catalogue and fails now and then while another suite drops its schema.
 */
async function serve(env: Record<string, string>): Promise<Serve> {
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
  let ended = false;
  void exited.then(() => (ended = true));
  const port = await eventually(() => {
    if (ended) throw new Error('the server ended before listening');
    return /"port":(\d+)/.exec(err)?.[1];
  }, 60_000, 'the server to listen').catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}; it said: ${err.slice(-2000)}`);
  });
  return { child, url: `http://127.0.0.1:${port}`, exited };
}

/** The texts each person's conversation recorded as received, in order. */
async function received(store: Store): Promise<Map<string, string[]>> {
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

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

describe.each(DIALECTS)('a server killed while acknowledging webhooks, on %s', (dialect: DialectName) => {
  it('processes every acknowledged event exactly once, in order per person, and delivers every reply', async () => {
    const fake: FakeApi = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-kill-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const schema = dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
    if (schema) cleanups.push(() => dropPgSchema(PG_URL, schema));
    // Claims of the killed process run out quickly, so the restarted one takes them over within the test.
    const env = { ...telegramEnv(fake), DATA_DIR: dataDir, DATABASE_URL: schema ? PG_URL : '', PG_SCHEMA: schema ?? '', INBOX_LEASE_SECONDS: '2', OUTBOX_LEASE_SECONDS: '2' };

    const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({ id: 6_100_000 + i, language_code: 'en' }));
    const updates = people.map((p) => Array.from({ length: MESSAGES }, (_, k) => textUpdate(p, `note ${p.id} ${k}`)));
    const acknowledged = new Set<string>();

    // Each person's chat is delivered in order, the next update once the last was acknowledged, as Telegram does.
    const first = await serve(env);
    cleanups.push(() => void first.child.kill('SIGKILL'));
    const killAt = Math.floor((PEOPLE * MESSAGES) / 3);
    let killed = false;
    await Promise.all(
      people.map(async (p, i) => {
        for (const [k, update] of updates[i]!.entries()) {
          if (killed) return;
          try {
            const response = await postUpdate(first.url, update);
            if (response.status === 200) acknowledged.add(`note ${p.id} ${k}`);
            else return;
          } catch {
            return; // the connection died with the process: not acknowledged
          }
          if (!killed && acknowledged.size >= killAt) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      }),
    );
    await first.exited;
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAt);

    // Restarted on the same store; the platform redelivers what it saw no answer to, and some of what it did.
    const second = await serve(env);
    cleanups.push(async () => {
      second.child.kill('SIGTERM');
      await second.exited;
    });
    for (const [i, p] of people.entries()) {
      for (const [k, update] of updates[i]!.entries()) {
        if (acknowledged.has(`note ${p.id} ${k}`) && k % 2 === 1) continue;
        const response = await postUpdate(second.url, update);
        expect(response.status).toBe(200);
        acknowledged.add(`note ${p.id} ${k}`);
      }
    }

    const store = await openStore(dialect === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema!, pgPoolSize: 2 } : { sqlitePath: join(dataDir, 'reclaim.db') });
    cleanups.push(() => store.close());
    await eventually(async () => (await store.db.selectFrom('inbox').select('id').execute()).length === 0, 30_000, 'the inbox to drain');
    const byPerson = await received(store);
    for (const [i, p] of people.entries()) {
      // Every message of every person, each exactly once, in the order they were sent.
      expect(byPerson.get(String(p.id)), `person ${i}`).toEqual(updates[i]!.map((_, k) => `note ${p.id} ${k}`));
    }

    // Every reply queued was delivered at least once.
    await eventually(async () => (await store.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute()).length === 0, 30_000, 'every reply sent');
    const queued = await store.db.selectFrom('outbox').select(['user_id', 'message']).execute();
    expect(queued.length).toBeGreaterThanOrEqual(PEOPLE * MESSAGES);
    const sent = calls(fake, 'sendMessage');
    for (const row of queued) {
      const text = (JSON.parse(row.message) as { text: string }).text;
      expect(sent.some((s) => String(s.chat_id) === row.user_id && s.text === text), `a reply to ${row.user_id}`).toBe(true);
    }
  }, 180_000);
});
