// Security headers for every response, and the built browser pages served with a strict policy.

import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { trustedProxyHops } from '../staff/http-utils';

/** No third party, no inline script, no referrer, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Two years: browsers then refuse plain HTTP to this host, so a network cannot strip HTTPS from a returning visitor. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * True when the request came over HTTPS: on its own URL, or said so by the proxy next to us (the
 * right-most X-Forwarded-Proto), and only when that proxy is trusted.
 */
function overHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  return c.req.header('x-forwarded-proto')?.split(',').pop()?.trim().toLowerCase() === 'https';
}

export interface SecurityHeaderOptions {
  /** Believe X-Forwarded-Proto. Default: when TRUST_PROXY says proxies are in front of us. */
  trustProxy?: boolean;
}

/** The headers every response carries, whatever the request. */
const ALWAYS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const trustProxy = options.trustProxy ?? trustedProxyHops() > 0;
  const add = (headers: Headers, https: boolean) => {
    // Over plain HTTP the header means nothing to a browser, and a lie about HTTPS must not pin the host.
    if (https) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    for (const [name, value] of ALWAYS) headers.set(name, value);
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  };
  return async (c, next) => {
    await next();
    const https = overHttps(c, trustProxy);
    // Set on the response as it is: Hono's c.header() copies the whole response for each header
    // once it is made (a webhook's answer was rebuilt eight times). A response whose headers cannot
    // change (one passed on from fetch) is copied once.
    try {
      add(c.res.headers, https);
    } catch {
      const copy = new Response(c.res.body, c.res);
      add(copy.headers, https);
      // Cleared first: replacing a response, Hono copies the old one's headers onto the new one again.
      c.res = undefined;
      c.res = copy;
    }
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** Serves the Vite build: pages at `/hash`, `/staff`, `/`, and hashed assets under `/assets/`. */
export function serveWebPage(app: Hono, webDir: string): void {
  const page = (name: string) => async () => {
    try {
      const html = await readFile(join(webDir, name), 'utf8');
      return new Response(html, { headers: { 'content-type': TYPES['.html']! } });
    } catch {
      return new Response('This page is not built. Run `npm run build:web`.', { status: 503 });
    }
  };
  app.get('/hash', page('hash.html'));
  app.get('/staff', page('staff.html'));
  app.get('/staff/*', page('staff.html'));
  app.get('/case', page('case.html'));
  app.get('/', page('index.html'));
  app.get('/assets/*', async (c) => {
    const relative = normalize(c.req.path).replace(/^\/+/, '');
    if (!relative.startsWith('assets/') || relative.includes('..')) return c.notFound();
    try {
      const body = await readFile(join(webDir, relative));
      return new Response(body, {
        headers: { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' },
      });
    } catch {
      return c.notFound();
    }
  });
}
