// A staff API in process over a whole Reclaim (real store, engine, channels), with a clock the test moves and signed-in clients.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { loadConfig } from '../../src/config';
import { createReclaim, type Reclaim } from '../../src/server';
import { silentLogger } from '../../src/core/logger';
import { dropPgSchema } from '../../src/store/database';
import { mountStaff, type StaffDeps } from '../../src/staff/index';
import { createAccount } from '../../src/staff/accounts';
import type { Dispatcher } from '../../src/staff/dispatch';
import { PG_URL, type DialectName } from '../helpers';

export const PASSWORD = 'correct horse battery staple';

/** A signed-in browser, reduced to its cookie and CSRF token. */
export interface Client {
  email: string;
  id: string;
  cookie: string;
  csrf: string;
  /** A JSON request; sends the CSRF token unless `csrf: false` (or another value). */
  call(method: string, path: string, body?: unknown, options?: { csrf?: string | false; headers?: Record<string, string> }): Promise<Response>;
}

export interface Harness {
  reclaim: Reclaim;
  app: Hono;
  /** The staff layer's dispatcher on the test's clock: tests run its rounds themselves. */
  dispatcher: Dispatcher;
  clock: { now: number };
  accounts: Record<'agent' | 'agent2' | 'supervisor' | 'admin', { id: string; email: string }>;
  login(email: string, password?: string, headers?: Record<string, string>): Promise<Response>;
  signIn(who: keyof Harness['accounts']): Promise<Client>;
  clientFor(email: string, id: string, response: Response): Promise<Client>;
  /** A console conversation that said something; resolves with its id. */
  conversation(userId?: string, text?: string): Promise<string>;
  close(): Promise<void>;
}

/** The `name=value` part of the Set-Cookie header. */
export function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

export async function startHarness(dialect: DialectName, deps: Partial<StaffDeps> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'reclaim-staff-'));
  const schema = dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const config = loadConfig({ PORT: '0', DATA_DIR: dir, PUBLIC_BASE_URL: 'http://127.0.0.1:1', ...(schema ? { DATABASE_URL: PG_URL } : {}) });
  const reclaim = await createReclaim(config, { logger: silentLogger, ...(schema ? { pgSchema: schema } : {}) });
  const clock = { now: 1_760_000_000_000 };
  const app = new Hono();
  const { dispatcher } = mountStaff(app, {
    store: reclaim.store,
    engine: reclaim.engine,
    changes: reclaim.changes,
    translator: reclaim.translator,
    logger: silentLogger,
    channels: reclaim.channels,
    now: () => clock.now,
    heartbeatMs: 100,
    ...deps,
  });
  const accounts = {} as Harness['accounts'];
  for (const role of ['agent', 'agent2', 'supervisor', 'admin'] as const) {
    const { account } = await createAccount(reclaim.store, { email: `${role}@helpline.test`, role: role === 'agent2' ? 'agent' : role, password: PASSWORD, now: clock.now });
    accounts[role] = { id: account.id, email: account.email };
  }

  const login = async (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
    app.request('/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });

  async function clientFor(email: string, id: string, response: Response): Promise<Client> {
    const body = (await response.json()) as { csrfToken: string };
    const cookie = cookieOf(response);
    return {
      email,
      id,
      cookie,
      csrf: body.csrfToken,
      async call(method, path, payload, options = {}) {
        const csrf = options.csrf === undefined ? body.csrfToken : options.csrf;
        return app.request(path, {
          method,
          headers: {
            cookie,
            ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(csrf !== false ? { 'x-csrf-token': csrf } : {}),
            ...(options.headers ?? {}),
          },
          ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
        });
      },
    };
  }

  return {
    reclaim,
    app,
    dispatcher,
    clock,
    accounts,
    login,
    clientFor,
    async signIn(who) {
      const response = await login(accounts[who].email);
      if (response.status !== 200) throw new Error(`sign-in of ${who} failed: ${response.status}`);
      return clientFor(accounts[who].email, accounts[who].id, response);
    },
    async conversation(userId = `u-${randomUUID()}`, text = 'hello') {
      const result = await reclaim.engine.handle({ type: 'inbound', channel: 'console', userId, dedupeKey: `t:${randomUUID()}`, kind: 'text', text, localeHint: 'en', at: clock.now });
      return result.conversationId!;
    },
    async close() {
      await reclaim.close();
      if (schema) await dropPgSchema(PG_URL, schema);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
