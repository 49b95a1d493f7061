// Tells a database that cannot serve right now (connection lost, refused, timed out, overloaded) from a request that went wrong.

/**
 * SQLSTATEs of a connection that is gone: the 08 class (connection exceptions) and 57P01–57P03,
 * 57P05 (the server is shutting down, crashed, starting up, or ended an idle session).
 */
const PG_CONNECTION_LOST = /^(08...|57P0[1235])$/;

/**
 * SQLSTATEs meaning "try again later" on a connection that still works: the 53 class (out of
 * connections, memory or disk), 58 (system error), 40 (serialization failure, deadlock: a retry
 * resolves them) and 57014 (cancelled, which is what our statement timeout raises on a database
 * too slow to answer).
 */
const PG_TRANSIENT = /^(53...|58...|40...|57014)$/;

/** SQLite result codes of a busy, full or failing file rather than a bad value. */
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM|PROTOCOL)/;

/** Socket errors on the way to the database. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * node-postgres reports lost connections and its own timeouts without a code; these are its words
 * (client: connection lost or timed out, read timeout; pool: no connection within the timeout,
 * or used after shutdown).
 */
const PG_CLIENT_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Query read timeout$/,
  /is not queryable$/,
  /^connection discarded after a lost connection$/,
  /^Client has encountered a connection error/,
  /^Cannot use a pool after calling end/,
];

function someCause(error: unknown, test: (e: object) => boolean): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (test(e)) return true;
  }
  return false;
}

const codeOf = (e: object) => (e as { code?: unknown }).code;
const messageOf = (e: object) => (e as { message?: unknown }).message;

/**
 * True when `error` says the connection it came from is gone (lost, refused, read timed out):
 * nothing more may be sent on that connection. Follows `cause` chains.
 */
export function isConnectionLost(error: unknown): boolean {
  return someCause(error, (e) => {
    const code = codeOf(e);
    if (typeof code === 'string' && (PG_CONNECTION_LOST.test(code) || NETWORK_CODES.has(code))) return true;
    const message = messageOf(e);
    return typeof message === 'string' && PG_CLIENT_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/**
 * True when `error` says the store is unreachable or too slow right now rather than that the
 * request was wrong: a lost connection (above), a connect or statement timeout, an overloaded or
 * deadlocked PostgreSQL, or a busy or failing SQLite file. The answer for such an error is 503
 * (platforms redeliver, and dedupe keys make the redelivery safe); anything else is a fault of
 * the request or event itself. Follows `cause` chains.
 */
export function isStoreUnavailable(error: unknown): boolean {
  return (
    isConnectionLost(error) ||
    someCause(error, (e) => {
      const code = codeOf(e);
      if (typeof code === 'string' && (PG_TRANSIENT.test(code) || SQLITE_TRANSIENT.test(code))) return true;
      return e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    })
  );
}

/** The code to log for a store error: its SQLSTATE or socket code, else its name. Never its message. */
export function storeErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  if (isStoreUnavailable(error)) return 'connection';
  return error instanceof Error ? error.name : typeof error;
}
