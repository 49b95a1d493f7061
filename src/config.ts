// Configuration from the environment, read once at start-up. Secrets are kept here and nowhere else.

import { resolve } from 'node:path';

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL limits: a silent or lost database fails a request within these instead of holding it. */
  postgres: { poolSize: number; connectTimeoutMs: number; statementTimeoutMs: number };
  /** Bearer token for `GET /metrics`; without one, metrics are served to loopback callers only. */
  metricsToken: string | undefined;
  publicBaseUrl: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  telegram?: { token: string; secret: string; apiRoot: string | undefined };
  line?: { channelSecret: string; accessToken: string; apiBaseUrl: string | undefined; dataApiBaseUrl: string | undefined };
  messenger?: { appSecret: string; pageAccessToken: string; verifyToken: string; graphApiUrl: string | undefined };
  transcriptRetentionDays: number;
  /** Signs the public demo's cookie; instances behind one address need the same one. Unset: one random key per process. */
  tryBotSecret: string | undefined;
}

/** Reads the environment. A channel is enabled when its secrets are set. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be a port number');
  const config: Config = {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    postgres: {
      poolSize: count(env, 'PG_POOL_SIZE', 10, 1),
      connectTimeoutMs: count(env, 'PG_CONNECT_TIMEOUT_MS', 5_000, 1),
      statementTimeoutMs: count(env, 'PG_STATEMENT_TIMEOUT_MS', 10_000, 0),
    },
    metricsToken: env.METRICS_TOKEN || undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL || `http://localhost:${port || 3000}`,
    logLevel: (env.LOG_LEVEL as Config['logLevel']) ?? 'info',
    transcriptRetentionDays: Number(env.TRANSCRIPT_RETENTION_DAYS ?? 30),
    tryBotSecret: env.TRY_BOT_SECRET || undefined,
  };
  // A short key could be guessed, and then anyone could mint demo cookies past the limits.
  if (config.tryBotSecret !== undefined && config.tryBotSecret.length < 16) throw new Error('TRY_BOT_SECRET must be at least 16 characters');
  if (env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_WEBHOOK_SECRET) {
    config.telegram = { token: env.TELEGRAM_BOT_TOKEN, secret: env.TELEGRAM_WEBHOOK_SECRET, apiRoot: env.TELEGRAM_API_ROOT || undefined };
  }
  if (env.LINE_CHANNEL_SECRET && env.LINE_CHANNEL_ACCESS_TOKEN) {
    config.line = {
      channelSecret: env.LINE_CHANNEL_SECRET,
      accessToken: env.LINE_CHANNEL_ACCESS_TOKEN,
      apiBaseUrl: env.LINE_API_BASE_URL || undefined,
      dataApiBaseUrl: env.LINE_DATA_API_BASE_URL || undefined,
    };
  }
  if (env.MESSENGER_APP_SECRET && env.MESSENGER_PAGE_ACCESS_TOKEN && env.MESSENGER_VERIFY_TOKEN) {
    config.messenger = {
      appSecret: env.MESSENGER_APP_SECRET,
      pageAccessToken: env.MESSENGER_PAGE_ACCESS_TOKEN,
      verifyToken: env.MESSENGER_VERIFY_TOKEN,
      graphApiUrl: env.MESSENGER_GRAPH_API_URL || undefined,
    };
  }
  return config;
}

/** A whole number from the environment, at least `min`; a typo fails start-up instead of becoming NaN. */
function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}`);
  return value;
}
