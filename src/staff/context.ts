// What every staff route needs: the services, the session of the request, and the guards that check it.

import type { Hono, MiddlewareHandler } from 'hono';
import type { Changes } from '../core/changes';
import type { Engine } from '../engine/engine';
import type { Logger } from '../core/logger';
import type { Translator } from '../engine/i18n';
import type { Channels } from '../channels/index';
import type { Store } from '../store/database';
import type { Actor, StaffActions } from './actions';
import { CSRF_HEADER, isStateChanging, verifyCsrf } from './csrf';
import { clientIp, readSessionCookie } from './http-utils';
import type { RateLimiter } from './rate-limit';
import type { Dispatcher } from './dispatch';
import type { Settings } from './settings';
import { atLeast, type Role } from './roles';
import type { ActiveSession, Sessions } from './sessions';

/** Per-request values set by the session guard. */
export type StaffEnv = { Variables: { session: ActiveSession; token: string; actor: Actor } };
export type StaffApi = Hono<StaffEnv>;

/** Services shared by the staff routes. */
export interface StaffContext {
  store: Store;
  engine: Engine;
  changes: Changes;
  logger: Logger;
  translator: Translator;
  channels: Channels;
  sessions: Sessions;
  actions: StaffActions;
  limits: { loginPerAccountAddress: RateLimiter; loginPerAddress: RateLimiter };
  now: () => number;
  trustProxy: boolean;
  /** SSE heartbeat; each beat also re-checks the session. */
  heartbeatMs: number;
  /** Offers waiting conversations to available staff; run again when availability or capacity changes. */
  dispatcher: Dispatcher;
  /** Settings before anyone changed them. */
  defaults: Settings;
}

/** Paths that work without a session. */
const PUBLIC_PATHS = new Set(['/api/staff/login']);
/** Paths an account with a one-time password may use before choosing its own. */
const FIRST_LOGIN_PATHS = new Set(['/api/staff/me', '/api/staff/logout', '/api/staff/password']);

/**
 * Requires a live session (401), a CSRF token on every state-changing request (403), and a chosen
 * password (403 `password_change_required`). Browsers tell us when a request comes from another
 * site (Sec-Fetch-Site); such a request is refused before anything else, login included.
 */
export function sessionGuard(ctx: StaffContext): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (isStateChanging(c.req.method) && c.req.header('sec-fetch-site') === 'cross-site') {
      return c.json({ error: 'csrf', message: 'cross-site request refused' }, 403);
    }
    if (PUBLIC_PATHS.has(c.req.path)) return next();
    const token = readSessionCookie(c);
    const session = await ctx.sessions.lookup(token, { touch: c.req.path !== '/api/staff/events' });
    if (!session || !token) return c.json({ error: 'signed_out', message: 'please sign in' }, 401);
    if (isStateChanging(c.req.method) && !verifyCsrf(token, c.req.header(CSRF_HEADER))) {
      return c.json({ error: 'csrf', message: 'missing or wrong CSRF token' }, 403);
    }
    if (session.account.must_change_password === 1 && !FIRST_LOGIN_PATHS.has(c.req.path)) {
      return c.json({ error: 'password_change_required', message: 'choose a new password first' }, 403);
    }
    c.set('session', session);
    c.set('token', token);
    c.set('actor', { id: session.account.id, email: session.account.email, role: session.account.role, ip: clientIp(c, ctx.trustProxy) });
    return next();
  };
}

/** Refuses (403) anyone below `role`. */
export function requireRole(role: Role): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (!atLeast(c.var.session.account.role, role)) return c.json({ error: 'forbidden', message: `${role} role required` }, 403);
    return next();
  };
}
