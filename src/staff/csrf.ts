// CSRF: a synchroniser token derived from the session token, sent back by the dashboard in a header.

import { createHmac, timingSafeEqual } from 'node:crypto';

/** The request header that carries the token. A cross-site form cannot set a header. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token of a session: HMAC-SHA256 keyed by the session token. It is tied to the session
 * without being stored, and cannot be made without the HttpOnly cookie, which scripts never read.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('reclaim staff csrf v1').digest('base64url');
}

/** True when `presented` is the CSRF token of `sessionToken`, compared in constant time. */
export function verifyCsrf(sessionToken: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** True for methods that change state and so need the token. */
export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
