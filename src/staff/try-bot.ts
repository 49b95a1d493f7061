// "Try the bot": the public demo page's API. A browser chats with the real flow through the console channel.

import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { Engine } from '../engine/engine';
import type { Changes } from '../core/changes';
import type { ConsoleChannel } from '../channels/console/index';
import type { RenderedChoice, RenderedMessage } from '../core/messages';
import { resolveLocale } from '../core/locales';
import type { Store } from '../store/database';
import { countLiveDemos, purgeDemos, rememberDemo, TRY_USER_PREFIX } from './demo';
import { clientIp, errorResponse, isHttps, readJson } from './http-utils';
import { createSharedRateLimiter, type RateLimiter } from './rate-limit';
import { StaffActionError } from './errors';
import { normalizeText } from '../core/text';

export { TRY_USER_PREFIX } from './demo';

const COOKIE = 'reclaim_try';
const MAX_TEXT = 1000;
/** Lines a returning visitor gets back: the end of a long demo is enough to carry on. */
const HISTORY_LINES = 200;

/** How many demo conversations may be live at once, and how long an idle one lives. */
export const DEMO_DEFAULTS = { maxLive: 50, ttlMs: 2 * 60 * 60_000 } as const;

export interface TryBotOptions {
  engine: Engine;
  console: ConsoleChannel;
  store: Store;
  /** Tells open dashboards that a purged demo conversation is gone. */
  changes: Changes;
  trustProxy: boolean;
  now: () => number;
  heartbeatMs: number;
  /** Per address: demo messages a minute, new demo people an hour. */
  limits?: { messages?: RateLimiter; starts?: RateLimiter };
  /** Live demo conversations at once (new visitors wait beyond it); idle time after which one is removed. */
  maxLive?: number;
  ttlMs?: number;
  /** Signs the demo cookie. Instances behind one address need the same one; by default each process makes its own. */
  secret?: string;
}

/** A transcript line as the visitor saw it. */
export interface TryLine {
  who: 'you' | 'bot' | 'staff';
  text: string;
  at: number;
}

const WHO = { in: 'you', out: 'bot', staff: 'staff' } as const;

/** The transcript keeps a tapped choice as "[label] (id)"; the visitor saw the label. */
function shownInbound(text: string): string {
  return /^\[(.*)\] \([a-z_]+(?::[a-z0-9_]+)?\)$/s.exec(text)?.[1] ?? text;
}

/** The transcript writes a bot message's buttons and link after its text; the visitor saw them as buttons. */
function shownOutbound(text: string): string {
  const lines = text.split('\n');
  if (lines.length > 1 && /^\[[^\]\n]*\]( \[[^\]\n]*\])*$/.test(lines.at(-1)!)) lines.pop();
  if (lines.length > 1 && /^\[[^\n]*: single-use link\]$/.test(lines.at(-1)!)) lines.pop();
  return lines.join('\n');
}

/** Mounts /api/try/start, /messages, /history and /events. No login: it is the public demo. */
export function mountTryBot(parent: Hono, options: TryBotOptions): void {
  const app = new Hono();
  const db = options.store.db;
  // In the database, so a visitor whose requests reach several instances still has one allowance.
  const messages = options.limits?.messages ?? createSharedRateLimiter({ store: options.store, name: 'try:messages', limit: 60, windowMs: 60_000, now: options.now });
  const starts = options.limits?.starts ?? createSharedRateLimiter({ store: options.store, name: 'try:starts', limit: 30, windowMs: 60 * 60_000, now: options.now });
  const maxLive = options.maxLive ?? DEMO_DEFAULTS.maxLive;
  const ttlMs = options.ttlMs ?? DEMO_DEFAULTS.ttlMs;
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  let lastPurge = Number.NEGATIVE_INFINITY;

  // The cookie is "<id>.<mac>": only ids this server handed out are accepted, so made-up cookies start nothing.
  const mac = (id: string) => createHmac('sha256', secret).update(id).digest('base64url').slice(0, 22);
  const issue = () => {
    const id = randomBytes(16).toString('base64url');
    return `${id}.${mac(id)}`;
  };
  const userOf = (c: Context): string | null => {
    const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(getCookie(c, COOKIE) ?? '');
    if (!match) return null;
    const given = Buffer.from(match[2]!);
    const expected = Buffer.from(mac(match[1]!));
    return given.length === expected.length && timingSafeEqual(given, expected) ? `${TRY_USER_PREFIX}${match[1]}` : null;
  };
  const conversationOf = (userId: string) =>
    db.selectFrom('conversations').select('id').where('channel', '=', 'console').where('user_id', '=', userId).executeTakeFirst();

  /** Removes idle demo conversations (at most once a minute), then says whether there is room for one more. */
  async function hasRoom(): Promise<boolean> {
    const now = options.now();
    if (now - lastPurge >= 60_000) {
      lastPurge = now;
      for (const id of await purgeDemos(db, now, ttlMs)) options.changes.publish(id);
    }
    return (await countLiveDemos(db, now - ttlMs)) < maxLive;
  }
  const busy = (c: Context) => {
    c.header('Retry-After', '300');
    return c.json({ error: 'demo_busy', message: 'the demo is busy; try again later' }, 503);
  };

  app.onError((error, c) => errorResponse(c, error));

  // A fresh demo person (or the same one again): the id lives only in an HttpOnly cookie.
  app.post('/start', async (c) => {
    const body = await readJson(c);
    if (userOf(c) && body.reset !== true) return c.json({ ok: true, fresh: false });
    const decision = await starts.hit(clientIp(c, options.trustProxy));
    if (!decision.allowed) throw new StaffActionError(429, 'rate_limited', 'too many new conversations; try again later');
    if (!(await hasRoom())) return busy(c);
    setCookie(c, COOKIE, issue(), { httpOnly: true, sameSite: 'Strict', secure: isHttps(c), path: '/api/try', maxAge: Math.ceil(ttlMs / 1000) });
    return c.json({ ok: true, fresh: true });
  });

  app.post('/messages', async (c) => {
    const userId = userOf(c);
    if (!userId) throw new StaffActionError(400, 'no_session', 'start a conversation first');
    const decision = await messages.hit(clientIp(c, options.trustProxy));
    if (!decision.allowed) {
      c.header('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
      throw new StaffActionError(429, 'rate_limited', 'too many messages; wait a moment');
    }
    const body = await readJson(c);
    const choiceId = typeof body.choiceId === 'string' && /^[a-z_]+(:[a-z0-9_]+)?$/.test(body.choiceId) ? body.choiceId : undefined;
    const text = typeof body.text === 'string' ? normalizeText(body.text).trim() : '';
    if (!choiceId && !text) throw new StaffActionError(400, 'text_required', 'text: required');
    if ([...text].length > MAX_TEXT) throw new StaffActionError(400, 'text_too_long', `text: at most ${MAX_TEXT} characters`);
    // The first message makes the conversation; a cookie older than its purged conversation needs a place again.
    if (!(await conversationOf(userId)) && !(await hasRoom())) return busy(c);
    const localeHint = typeof body.locale === 'string' ? resolveLocale(body.locale) : null;
    const handled = await options.engine.handle({
      type: 'inbound',
      channel: 'console',
      userId,
      dedupeKey: `try:${randomUUID()}`,
      kind: choiceId ? 'choice' : 'text',
      ...(choiceId ? { choiceId } : { text }),
      ...(localeHint ? { localeHint } : {}),
      at: options.now(),
    });
    // Known from its first message on, so that its erasure too reaches only those who watch demo conversations.
    if (handled.conversationId) rememberDemo(handled.conversationId);
    return c.json({ ok: true }, 202);
  });

  // This visitor's own conversation so far, for a page that was reloaded. Staff notes and events are never in it.
  app.get('/history', async (c) => {
    const userId = userOf(c);
    if (!userId) throw new StaffActionError(400, 'no_session', 'start a conversation first');
    // What was kept for an absent page is in the transcript already; the page gets it once, from here.
    options.console.discard(userId);
    const conversation = await conversationOf(userId);
    if (!conversation) return c.json({ lines: [], choices: [] });
    const [rows, undelivered, lastSent] = await Promise.all([
      db
        .selectFrom('transcript')
        .select(['direction', 'text', 'at'])
        .where('conversation_id', '=', conversation.id)
        .where('direction', 'in', ['in', 'out', 'staff'])
        .orderBy('id', 'desc')
        .limit(HISTORY_LINES)
        .execute(),
      db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('conversation_id', '=', conversation.id)
        .where('status', 'in', ['pending', 'held'])
        .executeTakeFirst(),
      db.selectFrom('outbox').select('message').where('conversation_id', '=', conversation.id).where('status', '=', 'sent').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    ]);
    // Messages not delivered yet arrive over /events; leaving them out here shows each exactly once.
    let skip = Number(undelivered?.n ?? 0);
    const lines: TryLine[] = [];
    for (const row of rows) {
      if (row.direction !== 'in' && skip > 0) {
        skip--;
        continue;
      }
      const who = WHO[row.direction as keyof typeof WHO];
      lines.push({ who, text: who === 'you' ? shownInbound(row.text) : shownOutbound(row.text), at: row.at });
    }
    lines.reverse();
    let choices: RenderedChoice[] = [];
    if (lines.at(-1)?.who === 'bot' && lastSent) {
      try {
        choices = (JSON.parse(lastSent.message) as RenderedMessage).choices ?? [];
      } catch {
        choices = [];
      }
    }
    return c.json({ lines, choices });
  });

  app.get('/events', (c) => {
    const userId = userOf(c);
    if (!userId) return c.json({ error: 'no_session', message: 'start a conversation first' }, 400);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const queue: RenderedMessage[] = [];
      let wake: (() => void) | undefined;
      let open = true;
      const stop = options.console.listen(userId, (message) => {
        queue.push(message);
        wake?.();
      });
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'hello', data: '{}', retry: 3000 });
        while (open) {
          if (queue.length === 0) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, options.heartbeatMs);
              wake = () => {
                clearTimeout(timer);
                wake = undefined;
                resolve();
              };
            });
            if (queue.length === 0 && open) await stream.write(': ping\n\n');
          }
          while (queue.length > 0 && open) await stream.writeSSE({ event: 'message', data: JSON.stringify(queue.shift()) });
        }
      } finally {
        stop();
      }
    });
  });
  parent.route('/api/try', app);
}
