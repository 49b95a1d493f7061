// Every request body is read once, through one bounded reader, with a limit per route: too large is 413 before it fills memory.

import type { MiddlewareHandler } from 'hono';
import { MAX_WEBHOOK_BYTES, readBody, rememberBody } from '../channels/read-body';
import { MAX_SUBMISSION_BYTES } from '../core/submission';
import { MAX_JSON_BYTES } from '../staff/http-utils';

/** Anything not listed below: the partner API's feedback and anything added later. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Limits by path prefix, first match wins. */
export const BODY_LIMITS: readonly (readonly [prefix: string, bytes: number])[] = [
  ['/webhooks/', MAX_WEBHOOK_BYTES],
  ['/api/submissions', MAX_SUBMISSION_BYTES],
  // Sign-in, replies, notes and the public demo chat: a few kilobytes of JSON.
  ['/api/staff/', MAX_JSON_BYTES],
  ['/api/try/', MAX_JSON_BYTES],
];

/** The limit for a path. */
export function bodyLimitFor(path: string): number {
  return BODY_LIMITS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? DEFAULT_BODY_LIMIT;
}

/**
 * Reads the body up to the route's limit before any handler runs: a declared Content-Length over it
 * is refused without reading, a chunked body is counted as it streams and refused on the byte that
 * crosses it. Handlers then read the buffered copy however they like (text, json, arrayBuffer).
 */
export function bodyLimits(limitFor: (path: string) => number = bodyLimitFor): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const limit = limitFor(c.req.path);
    const declared = c.req.header('content-length');
    if (declared !== undefined && /^\d{1,10}$/.test(declared) && Number(declared) <= limit) {
      // A declared length within the limit: Node's parser delivers exactly that many bytes, so the
      // body is read in one go, straight off the socket, without a web stream or a copy of the request.
      rememberBody(c.req.raw, new Uint8Array(await c.req.arrayBuffer()));
      return next();
    }
    if (!c.req.raw.body) return next();
    const body = await readBody(c.req.raw, limit);
    if (body === null) {
      // The rest of what the client is still sending is read and dropped by the server (at most
      // 64 MB or half a second, then the connection is cut), so the client gets to read this answer.
      return c.json({ error: `body: too large (at most ${Math.floor(limit / 1024)} KB)`, field: 'body' }, 413);
    }
    // readBody copies into a fresh ArrayBuffer, never a shared one.
    c.req.raw = new Request(c.req.raw, { body: body as Uint8Array<ArrayBuffer> });
    return next();
  };
}
