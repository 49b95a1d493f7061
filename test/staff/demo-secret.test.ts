// Several instances behind one address share the demo's cookie key (TRY_BOT_SECRET); without one, PostgreSQL start-up warns once.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createReclaim, type Reclaim } from '../../src/server';
import { createLogger } from '../../src/engine/logger';
import { dropPgSchema } from '../../src/store/database';
import { PG_URL, type DialectName } from '../helpers';
import { cookieOf } from './harness';

const SECRET = 'one key for every instance behind the balancer';
const opened: Reclaim[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const reclaim of opened) await reclaim.close();
  for (const cleanup of cleanups) await cleanup();
});

/** A Reclaim on a store that others may share: one PostgreSQL schema or one SQLite folder. */
async function instance(dialect: DialectName, where: string, env: Record<string, string>, lines: string[] = []): Promise<Reclaim> {
  const config = loadConfig({ PORT: '0', DATA_DIR: where, PUBLIC_BASE_URL: 'http://127.0.0.1:1', ...(dialect === 'postgres' ? { DATABASE_URL: PG_URL } : {}), ...env });
  const logger = createLogger('warn', (line) => lines.push(line));
  const reclaim = await createReclaim(config, { logger, ...(dialect === 'postgres' ? { pgSchema: where } : {}) });
  opened.push(reclaim);
  return reclaim;
}

function sharedPlace(dialect: DialectName): string {
  if (dialect === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    cleanups.push(() => dropPgSchema(PG_URL, schema));
    return schema;
  }
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-secret-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the demo cookie key', () => {
  it('lets one instance accept the demo cookie another issued when both have TRY_BOT_SECRET', async () => {
    const place = sharedPlace('postgres');
    const a = await instance('postgres', place, { TRY_BOT_SECRET: SECRET });
    const b = await instance('postgres', place, { TRY_BOT_SECRET: SECRET });
    const started = await a.app.request('/api/try/start', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(started.status).toBe(200);
    const said = await b.app.request('/api/try/messages', { method: 'POST', headers: { cookie: cookieOf(started), 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi', locale: 'en' }) });
    expect(said.status).toBe(202);
  });

  it('refuses a key too short to protect anything, naming the setting', () => {
    expect(() => loadConfig({ TRY_BOT_SECRET: 'short' })).toThrow(/TRY_BOT_SECRET/);
    expect(loadConfig({ TRY_BOT_SECRET: SECRET }).tryBotSecret).toBe(SECRET);
    expect(loadConfig({}).tryBotSecret).toBeUndefined();
  });

  it('warns once at start on PostgreSQL without one, and not otherwise', async () => {
    const warned = (lines: string[]) => lines.filter((line) => line.includes('TRY_BOT_SECRET'));
    const pgWithout: string[] = [];
    await instance('postgres', sharedPlace('postgres'), {}, pgWithout);
    expect(warned(pgWithout)).toHaveLength(1);
    expect(JSON.parse(warned(pgWithout)[0]!)).toMatchObject({ level: 'warn' });
    const pgWith: string[] = [];
    await instance('postgres', sharedPlace('postgres'), { TRY_BOT_SECRET: SECRET }, pgWith);
    expect(warned(pgWith)).toEqual([]);
    const sqliteWithout: string[] = [];
    await instance('sqlite', sharedPlace('sqlite'), {}, sqliteWithout);
    expect(warned(sqliteWithout)).toEqual([]);
  });
});
