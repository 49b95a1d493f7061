// Assembles Reclaim: store, translator, engine, channels, workers and the HTTP app, and shuts them down in order.

import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Config } from './config';
import { openStore, type Store } from './store/database';
import { createTranslator, type Translator } from './engine/i18n';
import { createEngine, type Engine } from './engine/engine';
import { createOutboxWorker, type OutboxWorker } from './engine/outbox';
import { createTimerWorker, type TimerWorker } from './engine/timers';
import { createSubmissionService } from './engine/submissions';
import { createLogger, type Logger } from './engine/logger';
import { createChannels, type Channels } from './channels/index';
import { createApp } from './http/app';
import { createMetrics } from './http/metrics';
import { createChanges, type Changes } from './engine/changes';
import { createRetention } from './engine/retention';
import { mountPartnerApi } from './http/partner';
import type { SubmissionService } from './engine/submissions';
import { mountStaff } from './staff/index';

export const WEB_DIR = join(import.meta.dirname, '..', 'dist', 'web');

/** Everything a running Reclaim holds. */
export interface Reclaim {
  config: Config;
  store: Store;
  translator: Translator;
  engine: Engine;
  channels: Channels;
  outbox: OutboxWorker;
  timers: TimerWorker;
  retention: ReturnType<typeof createRetention>;
  app: Hono;
  logger: Logger;
  changes: Changes;
  submissions: SubmissionService;
  /** Binds the app to `config.port`; resolves with the bound port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

export interface ReclaimOptions {
  logger?: Logger;
  /** Override pieces for tests (a fixed clock, a PostgreSQL schema). */
  now?: () => number;
  pgSchema?: string;
  sqlitePath?: string;
}

/** Opens the store and builds every part. Workers are not started: call `start` on them (serve does). */
export async function createReclaim(config: Config, options: ReclaimOptions = {}): Promise<Reclaim> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pgPoolSize: config.postgres.poolSize,
    pgConnectTimeoutMs: config.postgres.connectTimeoutMs,
    pgStatementTimeoutMs: config.postgres.statementTimeoutMs,
    onConnectionError: (fields) => logger.warn(fields, 'database connection lost; it will be replaced'),
    ...(options.sqlitePath ? { sqlitePath: options.sqlitePath } : {}),
    ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}),
  });
  const translator = await createTranslator();
  const channels = await createChannels(config, logger, options.now);
  let outbox: OutboxWorker | undefined;
  const metrics = createMetrics();
  const changes = createChanges();
  const engine = createEngine({ store, translator, onQueued: () => outbox?.wake(), onChange: (id) => changes.publish(id) });
  outbox = createOutboxWorker({
    store,
    channels: channels.all,
    publicBaseUrl: config.publicBaseUrl,
    logger,
    metrics,
    ...(options.now ? { now: options.now } : {}),
  });
  const timers = createTimerWorker({ store, engine, logger, ...(options.now ? { now: options.now } : {}) });
  const retention = createRetention({ store, logger, transcriptDays: config.transcriptRetentionDays, ...(options.now ? { now: options.now } : {}) });
  const submissions = createSubmissionService({ store, engine, ...(options.now ? { now: options.now } : {}) });
  const app = createApp({
    store,
    engine,
    submissions,
    channels: channels.all,
    logger,
    metrics,
    metricsToken: config.metricsToken,
    webDir: WEB_DIR,
    // Later layers mount their routes here, one line each.
    extend: (app) => {
      mountPartnerApi(app, { store, logger, ...(options.now ? { now: options.now } : {}), onFeedback: () => timers.wake() });
      mountStaff(app, { store, engine, changes, translator, logger, channels, ...(options.now ? { now: options.now } : {}), ...(config.tryBotSecret ? { tryDemo: { secret: config.tryBotSecret } } : {}) });
    },
  });
  let server: ServerType | undefined;
  const worker = outbox;

  return {
    config,
    store,
    translator,
    engine,
    channels,
    outbox: worker,
    timers,
    retention,
    app,
    logger,
    changes,
    submissions,
    listen() {
      return new Promise((resolve) => {
        server = serve({ fetch: app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => resolve(info.port));
      });
    },
    async close() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      retention.stop();
      await timers.stop();
      await worker.stop();
      for (const channel of channels.all.values()) await channel.close?.();
      await store.close();
    },
  };
}
