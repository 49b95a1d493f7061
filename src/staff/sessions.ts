// Staff sessions: a random token in the cookie, only its SHA-256 in the store; idle and absolute expiry.

import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { Store } from '../store/database';
import type { Database } from '../store/schema';
import type { AccountRow } from './accounts';

/** A session ends after this long without a request from its person. */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** And after this long in any case: one working shift. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** `last_seen_at` is written at most this often, so reading the queue is not a write per request. */
const TOUCH_EVERY_MS = 30_000;

/** SHA-256 of a session token, hex: what the store keeps. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A live session and its account. */
export interface ActiveSession {
  tokenHash: string;
  account: AccountRow;
  createdAt: number;
  expiresAt: number;
}

export interface SessionsOptions {
  store: Store;
  now?: () => number;
  idleMs?: number;
  absoluteMs?: number;
}

/** Creates, checks and ends sessions. `onEnd` tells open event streams to close. */
export interface Sessions {
  /** Starts a session; resolves with the token for the cookie (never stored). */
  create(staffId: string): Promise<string>;
  /** The live session for a cookie token, else null. `touch` counts the request as activity. */
  lookup(token: string | undefined, options?: { touch?: boolean }): Promise<ActiveSession | null>;
  revoke(tokenHash: string): Promise<void>;
  /** Ends every session of an account (disabled, password changed elsewhere). */
  revokeAll(staffId: string, except?: string): Promise<void>;
  /**
   * The same inside the caller's transaction, so the sessions end exactly when the change that ends
   * them commits. Call the returned function after the commit: it closes their open event streams.
   */
  revokeAllIn(db: Kysely<Database>, staffId: string, except?: string): Promise<() => void>;
  /** Called with the token hash of each session ended here. */
  onEnd(listener: (tokenHash: string) => void): () => void;
  readonly idleMs: number;
}

/** Sessions over the store, so every instance behind a load balancer honours them. */
export function createSessions(options: SessionsOptions): Sessions {
  const { store } = options;
  const now = options.now ?? Date.now;
  const idleMs = options.idleMs ?? IDLE_TIMEOUT_MS;
  const absoluteMs = options.absoluteMs ?? ABSOLUTE_TIMEOUT_MS;
  const ended = new EventEmitter();
  ended.setMaxListeners(0);

  const revokeAllIn: Sessions['revokeAllIn'] = async (db, staffId, except) => {
    const rows = await db
      .updateTable('staff_sessions')
      .set({ revoked_at: now() })
      .where('staff_id', '=', staffId)
      .where('revoked_at', 'is', null)
      .$if(except !== undefined, (q) => q.where('token_hash', '!=', except!))
      .returning('token_hash')
      .execute();
    return () => {
      for (const row of rows) ended.emit('end', row.token_hash);
    };
  };

  return {
    idleMs,
    async create(staffId) {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      await store.db
        .insertInto('staff_sessions')
        .values({ token_hash: hashSessionToken(token), staff_id: staffId, created_at: at, last_seen_at: at, expires_at: at + absoluteMs, revoked_at: null })
        .execute();
      // Old sessions are swept here rather than by a worker: logins are rare, and this keeps the table small.
      await store.db.deleteFrom('staff_sessions').where('expires_at', '<', at - absoluteMs).execute();
      return token;
    },
    async lookup(token, { touch = true } = {}) {
      if (!token || token.length > 100) return null;
      const tokenHash = hashSessionToken(token);
      const row = await store.db
        .selectFrom('staff_sessions as s')
        .innerJoin('staff_accounts as a', 'a.id', 's.staff_id')
        .select(['s.token_hash', 's.created_at as session_created_at', 's.last_seen_at', 's.expires_at', 's.revoked_at'])
        .select(['a.id', 'a.email', 'a.role', 'a.password_hash', 'a.must_change_password', 'a.disabled', 'a.created_at', 'a.updated_at', 'a.last_login_at', 'a.available', 'a.capacity'])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
      const at = now();
      if (!row || row.revoked_at !== null || row.disabled === 1) return null;
      if (at >= row.expires_at || at - row.last_seen_at >= idleMs) return null;
      if (touch && at - row.last_seen_at >= TOUCH_EVERY_MS) {
        await store.db.updateTable('staff_sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
      }
      const { token_hash, session_created_at, last_seen_at: _seen, expires_at, revoked_at: _revoked, ...account } = row;
      return { tokenHash: token_hash, account, createdAt: session_created_at, expiresAt: expires_at };
    },
    async revoke(tokenHash) {
      await store.db.updateTable('staff_sessions').set({ revoked_at: now() }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
      ended.emit('end', tokenHash);
    },
    async revokeAll(staffId, except) {
      (await revokeAllIn(store.db, staffId, except))();
    },
    revokeAllIn,
    onEnd(listener) {
      ended.on('end', listener);
      return () => ended.off('end', listener);
    },
  };
}
