// Demo replies for a page listening on another instance: parked in the database, sealed, and taken by whichever instance holds the page.

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RenderedMessage } from '../../core/messages';
import type { Changes } from '../../core/changes';
import type { Database } from '../../store/schema';

/** Where the console channel keeps a message nobody here listens for, and how it hears of ones kept elsewhere. */
export interface ConsoleRelay {
  /** Keeps `message` for `userId` and tells the other instances. */
  park(userId: string, message: RenderedMessage): Promise<void>;
  /** Takes what is kept for `userId`, oldest first; each message is taken once, by one instance. */
  collect(userId: string): Promise<RenderedMessage[]>;
  discard(userId: string): Promise<void>;
  /** Called with a user id when another instance parked something for it. */
  onParked(listener: (userId: string) => void): () => void;
}

export interface DbConsoleRelayOptions {
  db: Kysely<Database>;
  changes: Changes;
  /** The demo's shared key (TRY_BOT_SECRET): every instance behind one address must have the same one to read what another parked. */
  secret: string;
  now?: () => number;
  /** A message nobody collects is dropped after this long (the demo's idle lifetime). */
  ttlMs?: number;
}

/**
 * A relay through the `console_deliveries` table. A sent message can carry a single-use link whose
 * token exists nowhere else in plain text, so it is sealed (AES-256-GCM under a key derived from
 * the demo secret) before it touches the database, and deleted as it is read. The notice that
 * wakes the page's instance carries only the visitor's id.
 */
export function createDbConsoleRelay(options: DbConsoleRelayOptions): ConsoleRelay {
  const { db, changes } = options;
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 2 * 60 * 60_000;
  const key = createHash('sha256').update(`reclaim-console-relay\u0000${options.secret}`).digest();

  const seal = (message: RenderedMessage) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(message), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
  };
  const open = (sealed: string): RenderedMessage | null => {
    try {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', key, iv!);
      decipher.setAuthTag(tag!);
      return JSON.parse(Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8')) as RenderedMessage;
    } catch {
      // Sealed under another key (an instance without the shared secret): it cannot be shown here.
      return null;
    }
  };

  return {
    async park(userId, message) {
      const at = now();
      await db.deleteFrom('console_deliveries').where('at', '<', at - ttlMs).execute();
      await db.insertInto('console_deliveries').values({ user_id: userId, sealed: seal(message), at }).execute();
      changes.publishOn('console', userId);
    },
    async collect(userId) {
      const rows = await db.deleteFrom('console_deliveries').where('user_id', '=', userId).returning(['id', 'sealed']).execute();
      return rows
        .sort((x, y) => x.id - y.id)
        .map((row) => open(row.sealed))
        .filter((message): message is RenderedMessage => message !== null);
    },
    async discard(userId) {
      await db.deleteFrom('console_deliveries').where('user_id', '=', userId).execute();
    },
    onParked: (listener) => changes.subscribeOn('console', listener),
  };
}
