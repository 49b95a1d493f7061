// A start-up that cannot reach PostgreSQL waits and tries again, saying why, instead of exiting at once.

import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createReclaim, type Reclaim } from '../../src/server';
import { createLogger } from '../../src/core/logger';
import { dropPgSchema } from '../../src/store/database';
import { eventually, PG_URL } from '../helpers';
import { startPgProxy, type PgProxy } from '../store/pg-proxy';

/** A loopback port with nothing listening on it (free a moment ago). */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('start-up without a database', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-retry-'));
  let proxy: PgProxy | undefined;
  let reclaim: Reclaim | undefined;
  afterAll(async () => {
    await reclaim?.close();
    await proxy?.close();
    await dropPgSchema(PG_URL, schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries with backoff, logging the error code and the next retry, and starts once PostgreSQL answers', async () => {
    const port = await unusedPort();
    const url = new URL(PG_URL);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    const config = loadConfig({ PORT: '0', DATA_DIR: dir, DATABASE_URL: url.toString(), PUBLIC_BASE_URL: 'http://127.0.0.1:1' });
    let failed: unknown;
    const starting = createReclaim(config, { logger, pgSchema: schema, retryStore: {} }).then(
      (r) => (reclaim = r),
      (error: unknown) => (failed = error ?? 'rejected'),
    );
    const retry = await eventually(() => failed ?? lines.find((l) => l.msg === 'database unreachable at start-up; retrying'), 10_000, 'a retry line') as Record<string, unknown>;
    expect(failed).toBeUndefined();
    expect(retry).toMatchObject({ level: 'warn', code: 'ECONNREFUSED', attempt: 1 });
    expect(retry.retryInS).toBeTypeOf('number');
    expect(retry.retryInS as number).toBeGreaterThan(0);
    // Nothing of the address or credentials is in the line.
    expect(JSON.stringify(retry)).not.toContain('postgres://');

    proxy = await startPgProxy({ host: new URL(PG_URL).hostname, port: Number(new URL(PG_URL).port || 5432) }, port);
    await starting;
    expect(failed).toBeUndefined();
    const ready = await reclaim!.app.request('/readyz');
    expect(ready.status).toBe(200);
  }, 60_000);
});
