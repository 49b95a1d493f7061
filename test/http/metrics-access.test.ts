// GET /metrics is not public: a bearer of METRICS_TOKEN reads it; without a token, only a caller on this machine through no proxy.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers';

/** The bindings @hono/node-server passes, as a caller at `address` would arrive. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('metrics without METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  it('are served to a caller on this machine', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('are refused to a caller elsewhere, or one that came through a proxy', async () => {
    expect((await server.reclaim.app.request('/metrics', {}, from('203.0.113.9'))).status).toBe(403);
    expect((await server.reclaim.app.request('/metrics', {}, from('::ffff:198.51.100.7'))).status).toBe(403);
    expect((await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
    expect((await fetch(`${server.url}/metrics`, { headers: { forwarded: 'for=203.0.113.9' } })).status).toBe(403);
  });
});

describe('metrics with METRICS_TOKEN', () => {
  const token = 'metrics-token-0123456789abcdef';
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ METRICS_TOKEN: token });
  });
  afterAll(async () => server?.close());

  it('are served to the bearer of the token, from anywhere', async () => {
    const response = await server.reclaim.app.request('/metrics', { headers: { authorization: `Bearer ${token}` } }, from('203.0.113.9'));
    expect(response.status).toBe(200);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('are refused without the token or with a wrong one, even on this machine', async () => {
    const bare = await fetch(`${server.url}/metrics`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: token } })).status).toBe(401);
  });
});
