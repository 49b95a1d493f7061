// Small HTTP helpers shared by the staff and try-the-bot routes: JSON bodies, client address, the session cookie, errors.

import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AccountError, StaffActionError } from './errors';

/** Bodies of staff requests are small: a reply, a note, a login. */
export const MAX_JSON_BYTES = 16 * 1024;

/** Parses a JSON object body; throws StaffActionError(400) for anything else. */
export async function readJson(c: Context): Promise<Record<string, unknown>> {
  // A cross-site form can post text/plain or form data, never application/json without a preflight.
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new StaffActionError(400, 'expected_json', 'body: expected JSON');
  }
  const text = await c.req.text();
  if (text.length > MAX_JSON_BYTES) throw new StaffActionError(400, 'too_large', 'body: too large');
  try {
    const value: unknown = JSON.parse(text || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the refusal below
  }
  throw new StaffActionError(400, 'invalid_json', 'body: not a JSON object');
}

/**
 * How many proxies in front of us append to X-Forwarded-For, from TRUST_PROXY: 1 for the usual
 * single reverse proxy, 2 for a CDN in front of it, and so on; unset or 0 when nothing is trusted.
 */
export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const hops = Number(env.TRUST_PROXY ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/**
 * The caller's address: the socket's, or, behind trusted proxies, the X-Forwarded-For entry the
 * outermost of them appended. Every proxy appends the address it saw, so entries to the left of
 * that one are whatever the client chose to send and are never believed.
 */
export function clientIp(c: Context, trustProxy: boolean, hops: number = Math.max(1, trustedProxyHops())): string {
  if (trustProxy) {
    const entries = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
    // Fewer entries than proxies: the request skipped some of them, and the farthest entry is the best we have.
    const seen = entries[Math.max(0, entries.length - hops)];
    if (seen) return seen.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests) have no socket.
    return 'local';
  }
}

/** True when the request reached us over HTTPS (directly or through a proxy that says so). */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** The `__Host-` prefix pins the cookie to this exact origin, but browsers only allow it with Secure. */
const SECURE_COOKIE = '__Host-reclaim_staff';
const PLAIN_COOKIE = 'reclaim_staff';

/** The session token from the cookie, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SECURE_COOKIE) ?? getCookie(c, PLAIN_COOKIE);
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS. */
export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  const secure = isHttps(c);
  setCookie(c, secure ? SECURE_COOKIE : PLAIN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context): void {
  const secure = isHttps(c);
  deleteCookie(c, secure ? SECURE_COOKIE : PLAIN_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}

/** Turns the staff layer's named errors into JSON answers; anything else goes to the app's error handler. */
export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof StaffActionError) return c.json({ error: error.code, message: error.message }, error.status);
  if (error instanceof AccountError) return c.json({ error: error.code, message: error.message }, error.code === 'not_found' ? 404 : error.code === 'email_taken' ? 409 : 400);
  throw error;
}
