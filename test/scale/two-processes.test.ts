// Two `reclaim serve` processes on one PostgreSQL schema take turns at the same people's chats; one is killed (SIGKILL) mid-load and the other carries on.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dropPgSchema, openStore, type Store } from '../../src/store/database';
import { calls, postUpdate, startFakeTelegram, telegramEnv, textUpdate, type Person } from '../channels/telegram/fake';
import { received, serve, type Serve } from '../serve-process';
import { eventually, PG_URL, type FakeApi } from '../helpers';

const PEOPLE = 8;
const MESSAGES = 6;

/**
 * Posts an update as Telegram does: a connection that fails before any answer (a kept-alive socket
 * the server closed as the request went out) is an unacknowledged update, and it is sent again.
 */
async function deliver(url: string, update: unknown): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await postUpdate(url, update);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** How many times each (chat, text) reply occurs: queued in the outbox, or received by the fake Bot API. */
function tally(replies: { chat: string; text: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { chat, text } of replies) counts.set(`${chat}\n${text}`, (counts.get(`${chat}\n${text}`) ?? 0) + 1);
  return counts;
}

async function queuedReplies(store: Store): Promise<{ chat: string; text: string }[]> {
  const rows = await store.db.selectFrom('outbox').select(['user_id', 'message']).execute();
  return rows.map((row) => ({ chat: row.user_id, text: (JSON.parse(row.message) as { text: string }).text }));
}

function sentReplies(fake: FakeApi): { chat: string; text: string }[] {
  return calls(fake, 'sendMessage').map((s) => ({ chat: String(s.chat_id), text: String(s.text) }));
}

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A fake Bot API, a fresh schema, and the environment both processes share (short leases by default: a dead one's claims run out within the test). */
async function setUp(leaseSeconds = 2): Promise<{ fake: FakeApi; env: Record<string, string>; store: () => Promise<Store> }> {
  const fake = await startFakeTelegram();
  cleanups.push(() => fake.close());
  const dataDir = mkdtempSync(join(tmpdir(), 'reclaim-two-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const schema = `t_${randomBytes(6).toString('hex')}`;
  cleanups.push(() => dropPgSchema(PG_URL, schema));
  const env = { ...telegramEnv(fake), DATA_DIR: dataDir, DATABASE_URL: PG_URL, PG_SCHEMA: schema, INBOX_LEASE_SECONDS: String(leaseSeconds), OUTBOX_LEASE_SECONDS: String(leaseSeconds) };
  return {
    fake,
    env,
    store: async () => {
      const store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 });
      cleanups.push(() => store.close());
      return store;
    },
  };
}

async function stopGently(server: Serve): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

const people = (base: number): Person[] => Array.from({ length: PEOPLE }, (_, i) => ({ id: base + i, language_code: 'en' }));
const notes = (p: Person) => Array.from({ length: MESSAGES }, (_, k) => `note ${p.id} ${k}`);

describe('two server processes on one PostgreSQL schema', () => {
  it('processes interleaved events for the same people exactly once, in order, and sends every reply exactly once', async () => {
    // Nobody dies here, so leases as long as a loaded machine may need: exactly once is the promise while both live.
    const { fake, env, store: open } = await setUp(15);
    // A first, alone, so the two do not race to create the schema.
    const a = await serve(env);
    cleanups.push(() => stopGently(a));
    const b = await serve(env);
    cleanups.push(() => stopGently(b));

    const everyone = people(6_200_000);
    // Each person's messages alternate between A and B, the next once the last was acknowledged, as Telegram sends one chat's updates.
    await Promise.all(
      everyone.map(async (p, i) => {
        for (const [k, text] of notes(p).entries()) {
          const target = (i + k) % 2 === 0 ? a : b;
          const response = await deliver(target.url, textUpdate(p, text, k + 1));
          expect(response.status, `${text} on ${target === a ? 'A' : 'B'}`).toBe(200);
        }
      }),
    );

    const store = await open();
    await eventually(async () => (await store.db.selectFrom('inbox').select('id').execute()).length === 0, 30_000, 'the inbox to drain');
    const byPerson = await received(store);
    for (const p of everyone) expect(byPerson.get(String(p.id)), `person ${p.id}`).toEqual(notes(p));

    await eventually(async () => (await store.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute()).length === 0, 30_000, 'every reply sent');
    const queued = await queuedReplies(store);
    expect(queued.length).toBeGreaterThanOrEqual(PEOPLE * MESSAGES);
    // Nobody crashed: each queued reply reached the platform exactly once, by whichever process sent it.
    await eventually(() => sentReplies(fake).length >= queued.length, 5000, 'the fake to record every reply');
    expect(tally(sentReplies(fake))).toEqual(tally(queued));
  }, 180_000);

  it('keeps acknowledging and processing on one when the other is killed mid-load; after a restart, every event is stored once and every reply delivered', async () => {
    const { fake, env, store: open } = await setUp();
    let a = await serve(env);
    cleanups.push(() => void a.child.kill('SIGKILL'));
    const b = await serve(env);
    cleanups.push(() => stopGently(b));

    const everyone = people(6_300_000);
    const acknowledged = new Set<string>();
    const killAt = Math.floor((PEOPLE * MESSAGES) / 3);
    let killed = false;
    let answeredByB = 0;
    await Promise.all(
      everyone.map(async (p, i) => {
        let aGone = false;
        for (const [k, text] of notes(p).entries()) {
          const update = textUpdate(p, text, k + 1);
          if (!aGone && (i + k) % 2 === 0) {
            try {
              const response = await postUpdate(a.url, update);
              if (response.status === 200) {
                acknowledged.add(text);
                if (!killed && acknowledged.size >= killAt) {
                  killed = true;
                  a.child.kill('SIGKILL');
                }
                continue;
              }
            } catch {
              // The connection died with the process: not acknowledged.
            }
            aGone = true;
          }
          // B, or B again after A gave no answer: the platform redelivers an unacknowledged update.
          const response = await deliver(b.url, update);
          expect(response.status, `${text} on B`).toBe(200);
          answeredByB += 1;
          acknowledged.add(text);
        }
      }),
    );
    await a.exited;
    expect(killed).toBe(true);
    expect(acknowledged.size).toBe(PEOPLE * MESSAGES);
    expect(answeredByB).toBeGreaterThan(PEOPLE * MESSAGES - killAt - 1);

    // B alone drains everything, the events A had claimed included once A's claims run out.
    const store = await open();
    await eventually(async () => (await store.db.selectFrom('inbox').select('id').execute()).length === 0, 30_000, 'B to drain the inbox alone');

    a = await serve(env);
    // After the restart, both serve again: one more message each, alternating, lands once.
    for (const [i, p] of everyone.entries()) {
      const response = await deliver((i % 2 === 0 ? a : b).url, textUpdate(p, `after ${p.id}`, MESSAGES + 1));
      expect(response.status).toBe(200);
    }
    await eventually(async () => (await store.db.selectFrom('inbox').select('id').execute()).length === 0, 30_000, 'the inbox to drain');
    const byPerson = await received(store);
    for (const p of everyone) expect(byPerson.get(String(p.id)), `person ${p.id}`).toEqual([...notes(p), `after ${p.id}`]);

    // Every queued reply delivered at least once (a reply A was sending when it died may go twice).
    await eventually(async () => (await store.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute()).length === 0, 30_000, 'every reply sent');
    const queued = await queuedReplies(store);
    expect(queued.length).toBeGreaterThanOrEqual(PEOPLE * (MESSAGES + 1));
    const sent = tally(sentReplies(fake));
    for (const [reply, times] of tally(queued)) expect(sent.get(reply) ?? 0, `sent: ${reply.split('\n')[0]}`).toBeGreaterThanOrEqual(times);
    await stopGently(a);
  }, 180_000);
});
