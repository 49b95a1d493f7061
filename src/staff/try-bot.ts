// "Try the bot": the public demo page's API. A browser chats with the real flow through the console channel.

import { randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { Engine } from '../engine/engine';
import type { ConsoleChannel } from '../channels/console/index';
import type { RenderedMessage } from '../core/messages';
import { resolveLocale } from '../core/locales';
import { clientIp, errorResponse, isHttps, readJson } from './http-utils';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { StaffActionError } from './errors';
import { normalizeText } from '../core/text';

const COOKIE = 'reclaim_try';
/** Console user ids of demo visitors start with this, so staff can tell them from the terminal chat. */
export const TRY_USER_PREFIX = 'web-';
const MAX_TEXT = 1000;

export interface TryBotOptions {
  engine: Engine;
  console: ConsoleChannel;
  trustProxy: boolean;
  now: () => number;
  heartbeatMs: number;
  /** Per address: demo messages a minute, new demo people an hour. */
  limits?: { messages?: RateLimiter; starts?: RateLimiter };
}

/** Mounts /api/try/start, /api/try/messages and /api/try/events. No login: it is the public demo. */
export function mountTryBot(parent: Hono, options: TryBotOptions): void {
  const app = new Hono();
  const messages = options.limits?.messages ?? createRateLimiter({ limit: 60, windowMs: 60_000 });
  const starts = options.limits?.starts ?? createRateLimiter({ limit: 30, windowMs: 60 * 60_000 });
  const userOf = (id: string | undefined) => (id && /^[A-Za-z0-9_-]{22}$/.test(id) ? `${TRY_USER_PREFIX}${id}` : null);

  app.onError((error, c) => errorResponse(c, error));

  // A fresh demo person (or the same one again): the id lives only in an HttpOnly cookie.
  app.post('/start', async (c) => {
    const body = await readJson(c);
    const existing = userOf(getCookie(c, COOKIE));
    if (existing && body.reset !== true) return c.json({ ok: true, fresh: false });
    const decision = starts.hit(clientIp(c, options.trustProxy));
    if (!decision.allowed) throw new StaffActionError(429, 'rate_limited', 'too many new conversations; try again later');
    setCookie(c, COOKIE, randomBytes(16).toString('base64url'), { httpOnly: true, sameSite: 'Strict', secure: isHttps(c), path: '/api/try', maxAge: 24 * 60 * 60 });
    return c.json({ ok: true, fresh: true });
  });

  app.post('/messages', async (c) => {
    const userId = userOf(getCookie(c, COOKIE));
    if (!userId) throw new StaffActionError(400, 'no_session', 'start a conversation first');
    const decision = messages.hit(clientIp(c, options.trustProxy));
    if (!decision.allowed) {
      c.header('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
      throw new StaffActionError(429, 'rate_limited', 'too many messages; wait a moment');
    }
    const body = await readJson(c);
    const choiceId = typeof body.choiceId === 'string' && /^[a-z_]+(:[a-z0-9_]+)?$/.test(body.choiceId) ? body.choiceId : undefined;
    const text = typeof body.text === 'string' ? normalizeText(body.text).trim() : '';
    if (!choiceId && !text) throw new StaffActionError(400, 'text_required', 'text: required');
    if ([...text].length > MAX_TEXT) throw new StaffActionError(400, 'text_too_long', `text: at most ${MAX_TEXT} characters`);
    const localeHint = typeof body.locale === 'string' ? resolveLocale(body.locale) : null;
    await options.engine.handle({
      type: 'inbound',
      channel: 'console',
      userId,
      dedupeKey: `try:${randomUUID()}`,
      kind: choiceId ? 'choice' : 'text',
      ...(choiceId ? { choiceId } : { text }),
      ...(localeHint ? { localeHint } : {}),
      at: options.now(),
    });
    return c.json({ ok: true }, 202);
  });

  app.get('/events', (c) => {
    const userId = userOf(getCookie(c, COOKIE));
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
