// Security headers for every response, and the built browser pages served with a strict policy.

import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Hono, MiddlewareHandler } from 'hono';

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

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
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
