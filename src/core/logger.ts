// Structured logs through pino, one JSON object a line on stderr, with personal fields censored and the event's trace id on the lines about it.

import { createHash } from 'node:crypto';
import pino from 'pino';

export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Field names whose values never reach a log, at the top level or one level down: what a person
 * wrote, credentials, and anything that identifies a person on a platform. Callers should not
 * pass them at all; this is the net under that rule. Values are censored, not removed, so a
 * reader still sees that the field was there. (A staff sign-in's address stays: a flood of
 * guesses must be traceable to where it came from.)
 */
export const REDACTED_FIELDS = [
  'text', 'body', 'message', 'caption', 'transcript',
  'token', 'accessToken', 'access_token', 'replyToken', 'reply_token', 'refreshToken', 'idToken',
  'secret', 'clientSecret', 'apiKey', 'api_key', 'password', 'passwd', 'authorization', 'cookie', 'set-cookie',
  'email', 'phone', 'phoneNumber', 'phone_number',
  'userId', 'user_id', 'chatId', 'chat_id', 'psid', 'senderId', 'sender_id', 'displayName', 'display_name',
] as const;

export const CENSOR = '[redacted]';

const REDACT_PATHS = REDACTED_FIELDS.flatMap((name) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`;
  const nested = key.startsWith('[') ? `*${key}` : `*.${key}`;
  return [key, nested];
});

/**
 * The logger for the lines about one event or one message: each carries `trace`. Passed along
 * explicitly, not through AsyncLocalStorage: on Node 20 that turns on promise hooks for every
 * promise of the process (SQLite end to end without them: 1,261–1,282 → 1,358–1,406 replies/s).
 */
export function traced(logger: Logger, trace: string | undefined): Logger {
  if (!trace) return logger;
  return {
    debug: (fields, message) => logger.debug({ trace, ...fields }, message),
    info: (fields, message) => logger.info({ trace, ...fields }, message),
    warn: (fields, message) => logger.warn({ trace, ...fields }, message),
    error: (fields, message) => logger.error({ trace, ...fields }, message),
  };
}

/**
 * An event's trace id, derived from its dedupe key (the platform's own delivery id) the way the
 * engine stores that key: the first 16 characters of its SHA-256 in base64url. A redelivery gets
 * the same id, the key itself cannot be read back from it, and it prefixes the stored
 * `processed_events.key`, so a log line leads to the row.
 */
export function traceFor(dedupeKey: string): string {
  return traceOfDigest(createHash('sha256').update(dedupeKey).digest('base64url'));
}

/** The trace id read off a dedupe key's digest as the engine stores it (no second hash). */
export function traceOfDigest(digest: string): string {
  return digest.slice(0, 16);
}

/**
 * Creates a logger writing at or above `level` to `write` (stderr by default). Writes are
 * synchronous: the last line before a crash is the one most worth having.
 */
export function createLogger(level: LogLevel = 'info', write?: (line: string) => void): Logger {
  const destination = write ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) } : pino.destination({ dest: 2, sync: true });
  const log = pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
  return {
    debug: (fields, message) => log.debug(fields, message),
    info: (fields, message) => log.info(fields, message),
    warn: (fields, message) => log.warn(fields, message),
    error: (fields, message) => log.error(fields, message),
  };
}

/** A logger that says nothing, for tests and the terminal chat. */
export const silentLogger: Logger = createLogger('silent');
