// Assembles Reclaim: store, translator, engine, channels, workers and the HTTP app, and shuts them down in order.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { Hono } from 'hono';
import type { Config } from './config';
import { openStore, type Store } from './store/database';
import { createTranslator, type Translator } from './engine/i18n';
import { createEngine, type Engine } from './engine/engine';
import { createInbox, type Inbox } from './engine/inbox';
import { createOutboxWorker, type OutboxWorker } from './engine/outbox';
import { createTimerWorker, type TimerWorker } from './engine/timers';
import { createSubmissionService } from './engine/submissions';
import { createLogger, type Logger } from './core/logger';
import { createChannels, type Channels } from './channels/index';
import { createApp } from './http/app';
import { createMetrics } from './http/metrics';
import { createChanges, createPgChanges } from './engine/changes';
import type { Changes } from './core/changes';
import { createDbConsoleRelay } from './channels/console/relay';
import { isStoreUnavailable, storeErrorCode } from './store/unavailable';
import { createRetention } from './engine/retention';
import type { Dispatcher } from './staff/dispatch';
import { defaultSettings, readSettings } from './staff/settings';
import { mountPartnerApi } from './http/partner';
import { mountExchangeApi } from './http/stopncii';
import { mountCaseLookup } from './http/case-lookup';
import type { SubmissionService } from './engine/submissions';
import { mountStaff } from './staff/index';

export const WEB_DIR = join(import.meta.dirname, '..', 'dist', 'web');

/** Everything a running Reclaim holds. */
export interface Reclaim {
  config: Config;
  store: Store;
  translator: Translator;
  engine: Engine;
  /** Webhook events committed on receipt, drained by the engine. */
  inbox: Inbox;
  channels: Channels;
  outbox: OutboxWorker;
  timers: TimerWorker;
  retention: ReturnType<typeof createRetention>;
  /** Offers waiting conversations to available staff and raises long waits again; `start` runs it on changes and every 30 s. */
  dispatcher: Dispatcher;
  app: Hono;
  logger: Logger;
  changes: Changes;
  submissions: SubmissionService;
  /** Binds the app to `config.port`; resolves with the bound port. */
  listen(): Promise<number>;
  /** True from the start of `close` on: webhooks get 503 and /readyz says not ready. */
  draining(): boolean;
  /**
   * Stops in order: refuses webhooks (503, Retry-After) and reports not ready for `drainMs` while
   * still answering, so a balancer moves traffic away; then stops listening, lets requests under
   * way finish, stops the workers (claims not started are released), and closes the store.
   */
  close(options?: { drainMs?: number }): Promise<void>;
}

export interface ReclaimOptions {
  logger?: Logger;
  /** Override pieces for tests (a fixed clock, a PostgreSQL schema). */
  now?: () => number;
  pgSchema?: string;
  sqlitePath?: string;
  /** Wait for an unreachable database at start-up, retrying with backoff, instead of failing at once; the signal gives up. */
  retryStore?: { signal?: AbortSignal; maxDelayMs?: number };
}

/** How long requests under way (a slow webhook, a stream) may take to finish once the server stops listening. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Opens the store; with `retry`, a database that cannot be reached (refused, timed out, starting up)
 * is tried again after 1 s, 2 s, 4 s … (at most `maxDelayMs`), each wait logged with the error's
 * code and the next delay. Anything else (a wrong password, a failed migration) fails at once.
 */
async function openStoreRetrying(open: () => Promise<Store>, logger: Logger, retry: ReclaimOptions['retryStore']): Promise<Store> {
  const maxDelayMs = retry?.maxDelayMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (!retry || !isStoreUnavailable(error) || retry.signal?.aborted) throw error;
      const delayMs = Math.min(maxDelayMs, 1000 * 2 ** (attempt - 1));
      logger.warn({ code: storeErrorCode(error), attempt, retryInS: delayMs / 1000 }, 'database unreachable at start-up; retrying');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        retry.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      });
      if (retry.signal?.aborted) throw new Error('start-up cancelled while waiting for the database', { cause: error });
    }
  }
}

/** Opens the store and builds every part. Workers are not started: call `start` on them (serve does). */
export async function createReclaim(config: Config, options: ReclaimOptions = {}): Promise<Reclaim> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStoreRetrying(() => openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pgPoolSize: config.postgres.poolSize,
    pgConnectTimeoutMs: config.postgres.connectTimeoutMs,
    pgStatementTimeoutMs: config.postgres.statementTimeoutMs,
    onConnectionError: (fields) => logger.warn(fields, 'database connection lost; it will be replaced'),
    backgroundCheckpoints: true,
    ...(options.sqlitePath ? { sqlitePath: options.sqlitePath } : {}),
    ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}),
  }), logger, options.retryStore);
  const translator = await createTranslator();
  const channels = await createChannels(config, logger, options.now);
  const metrics = createMetrics();
  // On PostgreSQL several instances may serve one helpline: a change on one reaches dashboards on all.
  const changes =
    store.dialect === 'postgres' && config.databaseUrl
      ? createPgChanges({ url: config.databaseUrl, schema: options.pgSchema, db: store.db, logger, connectTimeoutMs: config.postgres.connectTimeoutMs })
      : createChanges();
  if (store.dialect === 'postgres') {
    // A demo page may listen on another instance than the one whose outbox delivers its replies.
    const relay = createDbConsoleRelay({ db: store.db, changes, secret: config.tryBotSecret ?? randomBytes(32).toString('base64url'), ...(options.now ? { now: options.now } : {}) });
    channels.console.useRelay(relay, (error) => logger.warn({ code: storeErrorCode(error) }, 'demo reply relay failed'));
  }
  const outbox = createOutboxWorker({
    store,
    channels: channels.all,
    publicBaseUrl: config.publicBaseUrl,
    logger,
    // A claim left by a crashed instance holds its messages this long (tests shorten it).
    ...(process.env.OUTBOX_LEASE_SECONDS ? { leaseMs: Number(process.env.OUTBOX_LEASE_SECONDS) * 1000 } : {}),
    metrics,
    ...(options.now ? { now: options.now } : {}),
  });
  const engine = createEngine({
    store,
    translator,
    onQueued: (conversationId) => outbox.wake(conversationId ?? undefined),
    // Replies to someone with nothing else waiting go from the commit straight to this process's delivery.
    handOver: outbox,
    onChange: (id) => changes.publish(id),
  });
  const timers = createTimerWorker({ store, engine, logger, ...(options.now ? { now: options.now } : {}) });
  const retention = createRetention({
    store,
    logger,
    transcriptDays: config.transcriptRetentionDays,
    // What the admins set in the dashboard, read before every purge.
    days: async () => (await readSettings(store.db, defaultSettings(config.transcriptRetentionDays))).retention,
    ...(options.now ? { now: options.now } : {}),
  });
  const submissions = createSubmissionService({ store, engine, ...(options.now ? { now: options.now } : {}) });
  // Drains on demand as events arrive; `start` also resumes what a previous run left.
  const inbox = createInbox({ store, engine, logger, metrics, ...(options.now ? { now: options.now } : {}) });
  let draining = false;
  let staffDispatcher: Dispatcher | undefined;
  const app = createApp({
    isDraining: () => draining,
    store,
    engine,
    inbox,
    submissions,
    channels: channels.all,
    logger,
    metrics,
    metricsToken: config.metricsToken,
    webDir: WEB_DIR,
    // Later layers mount their routes here, one line each.
    extend: (app) => {
      mountPartnerApi(app, { store, logger, ...(options.now ? { now: options.now } : {}), onFeedback: () => timers.wake() });
      mountExchangeApi(app, { store, ...(options.now ? { now: options.now } : {}), onFeedback: () => timers.wake() });
      mountCaseLookup(app, { store, ...(options.now ? { now: options.now } : {}) });
      staffDispatcher = mountStaff(app, { store, engine, changes, translator, logger, channels, transcriptDays: config.transcriptRetentionDays, ...(options.now ? { now: options.now } : {}), ...(config.tryBotSecret ? { tryDemo: { secret: config.tryBotSecret } } : {}) }).dispatcher;
    },
  });
  let server: ServerType | undefined;
  const dispatcher = staffDispatcher!;

  return {
    config,
    store,
    translator,
    engine,
    inbox,
    channels,
    outbox,
    timers,
    retention,
    dispatcher,
    app,
    logger,
    changes,
    submissions,
    listen() {
      return new Promise((resolve) => {
        server = serve({ fetch: app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => resolve(info.port));
        // Kept-alive connections stay open longer than any client or balancer keeps them idle (60 s is
        // common): a server that closes first races the client's next request and resets it.
        const http = server as HttpServer;
        http.keepAliveTimeout = 65_000;
        http.headersTimeout = 66_000;
      });
    },
    draining: () => draining,
    async close(closeOptions = {}) {
      draining = true;
      if (server && closeOptions.drainMs) {
        logger.info({ drainMs: closeOptions.drainMs }, 'draining: webhooks refused, not ready');
        await new Promise((resolve) => setTimeout(resolve, closeOptions.drainMs));
      }
      await new Promise<void>((resolve) => {
        if (!server) return resolve();
        const current = server as HttpServer;
        // Requests under way finish; open streams (dashboards, demo pages) are cut after the grace and reconnect elsewhere.
        const grace = setTimeout(() => current.closeAllConnections(), CLOSE_GRACE_MS);
        current.close(() => {
          clearTimeout(grace);
          resolve();
        });
        current.closeIdleConnections();
      });
      await inbox.stop();
      retention.stop();
      dispatcher.stop();
      await timers.stop();
      await outbox.stop();
      for (const channel of channels.all.values()) await channel.close?.();
      await changes.close();
      await store.close();
    },
  };
}
