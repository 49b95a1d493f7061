// The floor: the least a Telegram webhook server can do on Reclaim's HTTP stack (secret check, JSON parse, one insert).
//
// Run as its own process by the benchmark (bench/run.ts). Whatever Reclaim does per update costs
// at least this much; its acknowledgement rate is reported as a share of this one.
//
// With FLOOR_API_ROOT and FLOOR_BOT_TOKEN it is also the end-to-end floor: after the insert it
// sends FLOOR_REPLIES short messages (default 1) to the update's chat, in order, through the same
// Bot API client as Reclaim (grammY, its transport), to at most as many chats at once as
// Reclaim's outbox delivers to. The benchmark asks for as many messages as Reclaim's answer
// holds; Reclaim's end-to-end rate is reported as a share of this one: that answer can come no
// faster than this on this machine.

import { createHash, timingSafeEqual } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { createTelegramApi } from '../src/channels/telegram/channel';
import { DEFAULT_CONCURRENCY as SENDING_AT_ONCE } from '../src/engine/outbox';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The same constant-time comparison Reclaim makes: digests first, then timingSafeEqual. */
function secretMatches(received: string | undefined, expected: string): boolean {
  if (received === undefined || expected.length === 0) return false;
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

type Insert = (updateId: number, body: string, at: number) => Promise<void> | void;

/** One row per update, keyed by its update_id as an inbox with dedupe would be. */
async function openInsert(env: NodeJS.ProcessEnv): Promise<{ insert: Insert; close: () => Promise<void> }> {
  if (env.FLOOR_DATABASE === 'postgres') {
    const schema = env.FLOOR_PG_SCHEMA ?? '';
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('FLOOR_PG_SCHEMA must be a plain schema name');
    const pool = new pg.Pool({ connectionString: env.FLOOR_PG_URL, max: Number(env.FLOOR_PG_POOL ?? 10) });
    pool.on('error', () => {});
    await pool.query(`create schema if not exists ${schema}`);
    await pool.query(`create table if not exists ${schema}.updates (update_id bigint primary key, body text not null, at bigint not null)`);
    const text = `insert into ${schema}.updates (update_id, body, at) values ($1, $2, $3)`;
    return {
      insert: async (updateId, body, at) => void (await pool.query({ name: 'floor-insert', text, values: [updateId, body, at] })),
      close: () => pool.end(),
    };
  }
  const file = new SqliteDatabase(env.FLOOR_SQLITE_PATH ?? ':memory:');
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = NORMAL');
  file.exec('create table if not exists updates (update_id integer primary key, body text not null, at integer not null)');
  const statement = file.prepare('insert into updates (update_id, body, at) values (?, ?, ?)');
  return { insert: (updateId, body, at) => void statement.run(updateId, body, at), close: async () => void file.close() };
}

/** The floor's messages to each chat, sent one after the other. */
const TEXTS = ['Hi, I am here.', 'Is this about you, or someone else?'];

/** Sends FLOOR_REPLIES messages to each chat, in order, through grammY, to at most SENDING_AT_ONCE chats at a time; `undefined` without a Bot API to send to. */
function openReplies(env: NodeJS.ProcessEnv): ((chatId: number) => void) | undefined {
  if (!env.FLOOR_API_ROOT || !env.FLOOR_BOT_TOKEN) return undefined;
  const api = createTelegramApi(env.FLOOR_BOT_TOKEN, env.FLOOR_API_ROOT);
  const count = Math.max(1, Number(env.FLOOR_REPLIES ?? 1));
  const answer = async (chatId: number) => {
    for (let i = 0; i < count; i++) await api.sendMessage(chatId, TEXTS[i % TEXTS.length]!);
  };
  const waiting: number[] = [];
  let sending = 0;
  const next = () => {
    while (sending < SENDING_AT_ONCE && waiting.length > 0) {
      const chatId = waiting.shift()!;
      sending++;
      answer(chatId).then(
        () => {},
        () => process.stderr.write('floor: a reply failed\n'),
      ).finally(() => {
        sending--;
        next();
      });
    }
  };
  return (chatId) => {
    waiting.push(chatId);
    next();
  };
}

const secret = process.env.FLOOR_SECRET ?? '';
const { insert, close } = await openInsert(process.env);
const reply = openReplies(process.env);
const app = new Hono();
app.post('/webhooks/telegram', async (c) => {
  if (!secretMatches(c.req.header(SECRET_HEADER), secret)) return c.json({ error: 'unauthorized' }, 401);
  const raw = await c.req.text();
  let update: { update_id?: unknown; message?: { chat?: { id?: unknown } } };
  try {
    update = JSON.parse(raw) as typeof update;
  } catch {
    return c.json({ error: 'body is not valid JSON' }, 400);
  }
  if (typeof update.update_id !== 'number') return c.json({ error: 'body is not a Telegram update' }, 400);
  await insert(update.update_id, raw, Date.now());
  const chatId = update.message?.chat?.id;
  if (reply && typeof chatId === 'number') reply(chatId);
  return new Response(null, { status: 200 });
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  // The parent reads this one line to learn where to send the load.
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.once('SIGTERM', () => server.close(() => void close().then(() => process.exit(0))));
