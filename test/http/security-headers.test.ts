// Strict-Transport-Security: sent when the request came over HTTPS, directly or through a proxy we trust.

import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { securityHeaders } from '../../src/http/static';

function app(trustProxy: boolean): Hono {
  const a = new Hono();
  a.use('*', securityHeaders({ trustProxy }));
  a.get('/', (c) => c.text('ok'));
  return a;
}

const hsts = async (a: Hono, url: string, headers: Record<string, string> = {}) => (await a.request(url, { headers })).headers.get('strict-transport-security');

describe('HSTS', () => {
  it('is sent behind a trusted proxy that says the request was HTTPS', async () => {
    expect(await hsts(app(true), 'http://reclaim.example/', { 'x-forwarded-proto': 'https' })).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });

  it('is sent when the request itself was HTTPS', async () => {
    expect(await hsts(app(false), 'https://reclaim.example/')).toMatch(/^max-age=/);
  });

  it('is not sent over plain HTTP, nor on the word of a proxy we do not trust', async () => {
    expect(await hsts(app(true), 'http://reclaim.example/')).toBeNull();
    expect(await hsts(app(true), 'http://reclaim.example/', { 'x-forwarded-proto': 'http' })).toBeNull();
    expect(await hsts(app(false), 'http://reclaim.example/', { 'x-forwarded-proto': 'https' })).toBeNull();
  });

  it('keeps the other headers on every response', async () => {
    const response = await app(false).request('http://reclaim.example/');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('are on responses a handler built itself, kept or added once, including ones whose headers cannot change', async () => {
    const a = new Hono();
    a.use('*', securityHeaders({ trustProxy: false }));
    a.post('/hook', () => new Response(null, { status: 200 }));
    a.get('/cached', () => new Response('x', { headers: { 'cache-control': 'public, max-age=60' } }));
    // A redirect's headers are immutable: the middleware must copy it rather than fail.
    a.get('/away', () => Response.redirect('https://elsewhere.example/', 302));
    for (const [method, path, cache] of [['POST', '/hook', 'no-store'], ['GET', '/cached', 'public, max-age=60'], ['GET', '/away', 'no-store']] as const) {
      const response = await a.request(`http://reclaim.example${path}`, { method, redirect: 'manual' });
      expect(response.status, path).toBe(path === '/away' ? 302 : 200);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('cache-control'), path).toBe(cache);
    }
    expect((await a.request('http://reclaim.example/away')).headers.get('location')).toBe('https://elsewhere.example/');
  });
});
