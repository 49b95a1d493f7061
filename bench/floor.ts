// The floor: the least a Telegram webhook server can do on Reclaim's HTTP stack (secret check, JSON parse, one insert).
//
// Run as its own process by the benchmark (bench/run.ts). Whatever Reclaim does per update costs
// at least this much; its acknowledgement rate is reported as a share of this one.

import { createHash, timingSafeEqual } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

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

const secret = process.env.FLOOR_SECRET ?? '';
const { insert, close } = await openInsert(process.env);
const app = new Hono();
app.post('/webhooks/telegram', async (c) => {
  if (!secretMatches(c.req.header(SECRET_HEADER), secret)) return c.json({ error: 'unauthorized' }, 401);
  const raw = await c.req.text();
  let update: { update_id?: unknown };
  try {
    update = JSON.parse(raw) as { update_id?: unknown };
  } catch {
    return c.json({ error: 'body is not valid JSON' }, 400);
  }
  if (typeof update.update_id !== 'number') return c.json({ error: 'body is not a Telegram update' }, 400);
  await insert(update.update_id, raw, Date.now());
  return new Response(null, { status: 200 });
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  // The parent reads this one line to learn where to send the load.
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.once('SIGTERM', () => server.close(() => void close().then(() => process.exit(0))));
