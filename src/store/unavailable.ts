// Tells a database that cannot serve right now (connection lost, refused, timed out, overloaded) from a request that went wrong.

/**
 * SQLSTATEs meaning "try again later": the 08 class (connection exceptions), the 53 class
 * (out of connections, memory or disk), 57P01–57P03 (the server is shutting down, crashed or
 * starting up), 57P05 (idle session timeout) and 57014 (cancelled, which is what our
 * statement timeout raises on a database too slow to answer).
 */
const PG_UNAVAILABLE = /^(08...|53...|57P0[1235]|57014)$/;

/** Socket errors on the way to the database. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * node-postgres reports lost connections and its own timeouts without a code; these are its words
 * (client: connection lost or timed out, read timeout; pool: no connection within the timeout).
 */
const PG_CLIENT_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /is not queryable$/,
  /^connection discarded after a lost connection$/,
];

/**
 * True when `error` says the store is unreachable or too slow right now rather than that the
 * request was wrong: a lost or refused PostgreSQL connection (57P01 and friends, 08xxx, socket
 * errors), a connect or statement timeout, or a busy SQLite file. The answer for such an error is
 * 503 (platforms redeliver); anything else is a fault to log as one. Follows `cause` chains.
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (PG_UNAVAILABLE.test(code) || NETWORK_CODES.has(code) || code.startsWith('SQLITE_BUSY')) return true;
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && PG_CLIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** The code to log for a store error: its SQLSTATE or socket code, else its name. Never its message. */
export function storeErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  if (isStoreUnavailable(error)) return 'connection';
  return error instanceof Error ? error.name : typeof error;
}
