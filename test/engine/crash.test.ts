// A server killed (SIGKILL) while it acknowledges a stream of signed webhooks, restarted on the same store: nothing acknowledged is lost or done twice.
// An event that kills the server every time it is tried is given up alone; the events claimed beside it are all processed.
// So is a reply whose sending kills the server: the messages claimed beside it are all delivered.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dropPgSchema, openStore, type Store } from '../../src/store/database';
import { calls, postUpdate, startFakeTelegram, telegramEnv, textUpdate, type Person } from '../channels/telegram/fake';
import { received, serve } from '../serve-process';
import { DIALECTS, eventually, PG_URL, type DialectName, type FakeApi } from '../helpers';
import { createEngine } from '../../src/engine/engine';
import { createInbox, MAX_ATTEMPTS } from '../../src/engine/inbox';
import { createTranslator } from '../../src/engine/i18n';
import { ALONE_AFTER, MAX_INTERRUPTIONS } from '../../src/engine/outbox';
import { silentLogger } from '../../src/core/logger';
import type { InboundEvent } from '../../src/core/events';

const PEOPLE = 12;
const MESSAGES = 6;
const CRASH_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'crash-on-word.cjs');

/** A text event from a Telegram user, as a webhook normalises it. */
const event = (person: number, text: string, at: number, n = 0): InboundEvent => ({ type: 'inbound', channel: 'telegram', userId: String(person), dedupeKey: `telegram:${person}:${n}`, kind: 'text', text, localeHint: 'en', at });

/**
 * Starts the server on `env` again and again (at most `limit` times) while `left()` finds work, each
 * time until it dies or the work is done; the number of starts that died.
 */
async function deathsUntilDone(env: Record<string, string>, left: () => Promise<number>, limit: number): Promise<number> {
  let deaths = 0;
  for (let start = 0; start < limit && (await left()) > 0; start++) {
    const server = await serve(env);
    let died = false;
    void server.exited.then(() => (died = true));
    await eventually(async () => died || (await left()) === 0, 30_000, 'the server to die or its work to be done');
    if (died) deaths++;
    server.child.kill('SIGTERM');
    await server.exited;
  }
  return deaths;
}

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

describe.each(DIALECTS)('a server killed while acknowledging webhooks, on %s', (dialect: DialectName) => {
  /**
   * A fake Bot API, a data directory and (on PostgreSQL) a schema of their own, all removed
   * afterwards: the environment a server needs to use them, and the same store opened here.
   */
  async function place(prefix: string) {
    const fake: FakeApi = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const dataDir = mkdtempSync(join(tmpdir(), prefix));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const schema = dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
    if (schema) cleanups.push(() => dropPgSchema(PG_URL, schema));
    const open = async (): Promise<Store> => {
      const store = await openStore(schema ? { databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 } : { sqlitePath: join(dataDir, 'reclaim.db') });
      cleanups.push(() => store.close());
      return store;
    };
    return { fake, env: { ...telegramEnv(fake), DATA_DIR: dataDir, DATABASE_URL: schema ? PG_URL : '', PG_SCHEMA: schema ?? '' }, open };
  }

  it('processes every acknowledged event exactly once, in order per person, and delivers every reply', async () => {
    const { fake, env: placed, open } = await place('reclaim-kill-');
    // Claims of the killed process run out quickly, so the restarted one takes them over within the test.
    const env = { ...placed, INBOX_LEASE_SECONDS: '2', OUTBOX_LEASE_SECONDS: '2' };

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

    const store = await open();
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

  it('gives up on an event that ends the process on every try, and processes every event claimed beside it', async () => {
    const { env: placed, open } = await place('reclaim-poison-');
    const store = await open();

    // Acknowledged together, oldest first: one person's text kills whoever folds it, then seven others'.
    const word = `crash${randomBytes(4).toString('hex')}`;
    const at = Date.now();
    const neighbours = Array.from({ length: 7 }, (_, i) => 6_200_001 + i);
    const receiver = createInbox({ store, engine: createEngine({ store, translator: await createTranslator() }), logger: silentLogger });
    await receiver.stop();
    await receiver.receive([event(6_200_000, `hello ${word}`, at), ...neighbours.map((p) => event(p, `note ${p}`, at))]);

    const env = { ...placed, INBOX_LEASE_SECONDS: '1', NODE_OPTIONS: `--require ${CRASH_FIXTURE}`, RECLAIM_TEST_CRASH_WORD: word };
    const waiting = async () => (await store.db.selectFrom('inbox').select('id').execute()).length;
    // Each start dies on the event until it has been tried MAX_ATTEMPTS times; then it is skipped and the rest go through.
    const deaths = await deathsUntilDone(env, waiting, MAX_ATTEMPTS + 2);
    expect(deaths).toBe(MAX_ATTEMPTS);
    expect(await waiting()).toBe(0);
    const byPerson = await received(store);
    expect(byPerson.has('6200000')).toBe(false);
    for (const p of neighbours) expect(byPerson.get(String(p)), `person ${p}`).toEqual([`note ${p}`]);
  }, 240_000);

  it('gives up on a reply whose sending ends the process every time, and delivers every message claimed beside it', async () => {
    const { fake, env: placed, open } = await place('reclaim-poison-send-');
    const store = await open();
    const engine = createEngine({ store, translator: await createTranslator() });
    const at = Date.now();
    const word = `crash${randomBytes(4).toString('hex')}`;

    // Eight people write; a helpline worker's reply to the first holds a text whose sending kills
    // the process (a native crash, out of memory); then the seven others write again. Nothing is
    // delivered yet: every reply waits in the outbox for the server.
    const people = Array.from({ length: 8 }, (_, i) => 6_300_000 + i);
    for (const p of people) await engine.handle(event(p, 'hi', at));
    const { id } = await store.db.selectFrom('conversations').select('id').where('user_id', '=', String(people[0])).executeTakeFirstOrThrow();
    await engine.handle({ type: 'staff', action: 'takeover', conversationId: id, staffId: 's1', dedupeKey: 'staff:1', at });
    await engine.handle({ type: 'staff', action: 'reply', conversationId: id, staffId: 's1', text: `I am here ${word}`, dedupeKey: 'staff:2', at });
    for (const p of people.slice(1)) await engine.handle(event(p, 'hello?', at, 1));
    const poison = await store.db.selectFrom('outbox').select('id').where('message', 'like', `%${word}%`).executeTakeFirstOrThrow();
    const others = await store.db.selectFrom('outbox').select(['id', 'user_id', 'message']).where('id', '!=', poison.id).execute();
    expect(others.filter((r) => r.id > poison.id).length).toBeGreaterThanOrEqual(7);

    // Each start dies sending the reply until its delivery was cut off MAX_INTERRUPTIONS times; then it is given up.
    const env = { ...placed, OUTBOX_LEASE_SECONDS: '1', NODE_OPTIONS: `--require ${CRASH_FIXTURE}`, RECLAIM_TEST_CRASH_WORD: word };
    const waiting = async () => (await store.db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute()).length;
    const deaths = await deathsUntilDone(env, waiting, MAX_INTERRUPTIONS + 2);
    expect(deaths).toBe(MAX_INTERRUPTIONS);

    const given = await store.db.selectFrom('outbox').select(['status', 'interrupted', 'last_error']).where('id', '=', poison.id).executeTakeFirstOrThrow();
    expect(given).toMatchObject({ status: 'failed', interrupted: MAX_INTERRUPTIONS });
    expect(given.last_error).toContain('cut off');
    // Every other message was delivered, none of them given up with it; the fatal text never left.
    const statuses = await store.db.selectFrom('outbox').select(['id', 'status', 'interrupted']).where('id', '!=', poison.id).execute();
    expect(statuses.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(Math.max(...statuses.map((r) => r.interrupted))).toBeLessThanOrEqual(ALONE_AFTER);
    const sent = calls(fake, 'sendMessage');
    for (const row of others) {
      const text = (JSON.parse(row.message) as { text: string }).text;
      expect(sent.some((s) => String(s.chat_id) === row.user_id && s.text === text), `a reply to ${row.user_id}`).toBe(true);
    }
    expect(sent.filter((s) => String(s.text).includes(word))).toEqual([]);
  }, 240_000);
});
