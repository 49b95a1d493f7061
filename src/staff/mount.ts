// Mounts the staff dashboard's API (/api/staff/…) and the try-the-bot demo API (/api/try/…) on the app.

import { Hono } from 'hono';
import type { Changes } from '../core/changes';
import type { Engine } from '../engine/engine';
import type { Logger } from '../core/logger';
import type { Translator } from '../engine/i18n';
import type { Channels } from '../channels/index';
import type { Store } from '../store/database';
import { createStaffActions } from './actions';
import { registerAuthRoutes } from './auth-routes';
import { sessionGuard, type StaffContext, type StaffEnv } from './context';
import { registerConversationRoutes } from './conversation-routes';
import { registerEventStream } from './event-stream';
import { errorResponse, trustedProxyHops } from './http-utils';
import { registerOversightRoutes } from './oversight-routes';
import { createSharedRateLimiter, LOGIN_LIMITS, type RateLimiter } from './rate-limit';
import { createSessions } from './sessions';
import { mountTryBot } from './try-bot';
import { createDispatcher, type Dispatcher } from './dispatch';
import { registerDayRoutes } from './day-routes';
import { defaultSettings } from './settings';

/** What the staff layer needs from the running Reclaim. */
export interface StaffDeps {
  store: Store;
  engine: Engine;
  changes: Changes;
  translator: Translator;
  logger: Logger;
  channels: Channels;
  /** A clock for tests (session expiry); defaults to Date.now. */
  now?: () => number;
  /** Trust X-Forwarded-For for the client address (only behind proxies that append to it). Default: TRUST_PROXY set to their number. */
  trustProxy?: boolean;
  /** Session lifetimes, login limits and the SSE heartbeat, for tests. */
  idleMs?: number;
  absoluteMs?: number;
  heartbeatMs?: number;
  limits?: { loginPerAccountAddress?: RateLimiter; loginPerAddress?: RateLimiter; tryMessages?: RateLimiter; tryStarts?: RateLimiter };
  /** Mount the public try-the-bot API. Default: on, unless TRY_BOT=off (a helpline may not want public demo chats in its queue). */
  tryBot?: boolean;
  /** The demo's bounds (live conversations, idle lifetime) and cookie key (TRY_BOT_SECRET); without a key, one per process. */
  tryDemo?: { maxLive?: number; ttlMs?: number; secret?: string };
  /** Days the transcript is kept until an admin sets otherwise (TRANSCRIPT_RETENTION_DAYS). */
  transcriptDays?: number;
}

/** What mounting gives back: the dispatcher, for the server to start (and stop) beside its other workers. */
export interface MountedStaff {
  dispatcher: Dispatcher;
}

export { LOGIN_LIMITS } from './rate-limit';

/** Mounts both APIs. Call before the static pages are mounted (the app's `extend` hook is). */
export function mountStaff(app: Hono, deps: StaffDeps): MountedStaff {
  const now = deps.now ?? Date.now;
  const trustProxy = deps.trustProxy ?? trustedProxyHops() > 0;
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const sessions = createSessions({
    store: deps.store,
    now,
    ...(deps.idleMs ? { idleMs: deps.idleMs } : {}),
    ...(deps.absoluteMs ? { absoluteMs: deps.absoluteMs } : {}),
  });
  const ctx: StaffContext = {
    store: deps.store,
    engine: deps.engine,
    changes: deps.changes,
    logger: deps.logger,
    translator: deps.translator,
    channels: deps.channels,
    sessions,
    actions: createStaffActions({ store: deps.store, engine: deps.engine, changes: deps.changes, now }),
    limits: {
      // Held in the database: behind N instances an attacker still gets the limit once, not N times.
      loginPerAccountAddress: deps.limits?.loginPerAccountAddress ?? createSharedRateLimiter({ store: deps.store, name: 'login:account_address', limit: LOGIN_LIMITS.perAccountAddress, windowMs: LOGIN_LIMITS.windowMs, now }),
      loginPerAddress: deps.limits?.loginPerAddress ?? createSharedRateLimiter({ store: deps.store, name: 'login:address', limit: LOGIN_LIMITS.perAddress, windowMs: LOGIN_LIMITS.windowMs, now }),
    },
    now,
    trustProxy,
    heartbeatMs,
    dispatcher: createDispatcher({ store: deps.store, changes: deps.changes, logger: deps.logger, now }),
    defaults: defaultSettings(deps.transcriptDays),
  };

  const api = new Hono<StaffEnv>();
  api.onError((error, c) => {
    try {
      return errorResponse(c, error);
    } catch {
      deps.logger.error({ path: c.req.path, name: error.name, error: error.message }, 'staff request failed');
      return c.json({ error: 'server_error', message: 'Something went wrong on our side. Please try again.' }, 500);
    }
  });
  api.use('*', sessionGuard(ctx));
  registerAuthRoutes(api, ctx);
  registerConversationRoutes(api, ctx);
  registerEventStream(api, ctx);
  registerOversightRoutes(api, ctx);
  registerDayRoutes(api, ctx);
  api.all('*', (c) => c.json({ error: 'not_found', message: 'no such staff API route' }, 404));
  app.route('/api/staff', api);

  const mounted = { dispatcher: ctx.dispatcher };
  if (!(deps.tryBot ?? process.env.TRY_BOT !== 'off')) return mounted;
  const secret = deps.tryDemo?.secret;
  // PostgreSQL usually means several instances: each would refuse the demo cookies the others issued.
  if (!secret && deps.store.dialect === 'postgres') deps.logger.warn({}, 'TRY_BOT_SECRET is not set: each instance signs demo cookies with its own key, so demo visitors lose their chat when the balancer switches instances');
  mountTryBot(app, {
    engine: deps.engine,
    console: deps.channels.console,
    store: deps.store,
    changes: deps.changes,
    trustProxy,
    now,
    heartbeatMs: deps.heartbeatMs ?? 25_000,
    limits: {
      ...(deps.limits?.tryMessages ? { messages: deps.limits.tryMessages } : {}),
      ...(deps.limits?.tryStarts ? { starts: deps.limits.tryStarts } : {}),
    },
    ...(deps.tryDemo?.maxLive ? { maxLive: deps.tryDemo.maxLive } : {}),
    ...(deps.tryDemo?.ttlMs ? { ttlMs: deps.tryDemo.ttlMs } : {}),
    ...(secret ? { secret } : {}),
  });
  return mounted;
}
