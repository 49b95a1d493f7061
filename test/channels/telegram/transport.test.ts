// The HTTP client under grammY's Bot API calls, against a loopback server that answers well or badly.

import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTelegramChannel } from '../../../src/channels/telegram/index';
import { createTelegramApi } from '../../../src/channels/telegram/channel';
import { botApiFetch, MAX_ANSWER_BYTES } from '../../../src/channels/telegram/transport';
import { NetworkError } from '../../../src/core/errors';
import { silentLogger } from '../../../src/core/logger';
import { rejectionOf } from '../../helpers';

const TOKEN = '123456:transport-test';
const to = { conversationId: 'c1', userId: '5550001', lastInboundAt: null };
const SENT = JSON.stringify({ ok: true, result: { message_id: 7, date: 1, chat: { id: 5550001, type: 'private' }, text: 'hi' } });

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A loopback Bot API whose every answer `answer` writes; counts connections and keeps each request's body. */
async function botApi(answer: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const seen = { connections: 0, bodies: [] as string[], headers: [] as IncomingMessage['headers'][] };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.bodies.push(body);
      seen.headers.push(req.headers);
      answer(req, res, body);
    });
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('Bot API transport', () => {
  it('posts grammY’s JSON with its length and reads the answer, over one kept-alive connection', async () => {
    const api = await botApi((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(SENT));
    const client = createTelegramApi(TOKEN, api.url);
    const first = await client.sendMessage(5550001, 'hello, ünïcode ✓');
    await client.sendMessage(5550001, 'again');
    expect(first.message_id).toBe(7);
    expect(JSON.parse(api.seen.bodies[0]!)).toEqual({ chat_id: 5550001, text: 'hello, ünïcode ✓' });
    expect(api.seen.headers[0]!['content-type']).toBe('application/json');
    expect(Number(api.seen.headers[0]!['content-length'])).toBe(Buffer.byteLength(api.seen.bodies[0]!));
    expect(api.seen.connections).toBe(1);
  });

  it('gives an answer that is not JSON (a proxy’s error page) as a NetworkError', async () => {
    const api = await botApi((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'));
    const channel = createTelegramChannel({ token: TOKEN, secret: 's', apiRoot: api.url, logger: silentLogger });
    const error = await rejectionOf(channel.send({ text: 'hi', choices: [] }, to, { signal: AbortSignal.timeout(5_000), idempotencyKey: 'k' }));
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('refuses an answer longer than its limit instead of buffering it', async () => {
    const api = await botApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const write = () => {
        // Keeps writing until the client hangs up.
        while (res.write(chunk));
        if (!res.destroyed) res.once('drain', write);
      };
      write();
    });
    const error = await rejectionOf(botApiFetch(`${api.url}/bot${TOKEN}/sendMessage`, { method: 'POST', body: '{}' }));
    expect(String(error)).toContain(`over ${MAX_ANSWER_BYTES} bytes`);
  });

  it('fails a call whose connection is cut in the middle of the answer', async () => {
    const api = await botApi((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"ok":true,');
      setTimeout(() => req.socket.destroy(), 20);
    });
    const error = await rejectionOf(botApiFetch(`${api.url}/bot${TOKEN}/sendMessage`, { method: 'POST', body: '{}' }));
    expect(error).toBeInstanceOf(Error);
  });

  it('ends a call at once when its signal aborts, with the signal’s reason, and lets go of the connection', async () => {
    let arrived!: () => void;
    const received = new Promise<void>((resolve) => (arrived = resolve));
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    // Never answers.
    const api = await botApi((req) => {
      req.socket.once('close', closed);
      arrived();
    });
    const controller = new AbortController();
    const call = botApiFetch(`${api.url}/bot${TOKEN}/sendMessage`, { method: 'POST', body: '{}', signal: controller.signal });
    await received;
    const reason = new Error('the outbox gave up');
    controller.abort(reason);
    expect(await rejectionOf(call)).toBe(reason);
    // The connection is let go (the test times out if it is not).
    await connectionClosed;
    // Already aborted: no request is made.
    const before = api.seen.bodies.length;
    expect(await rejectionOf(botApiFetch(`${api.url}/x`, { method: 'POST', body: '{}', signal: controller.signal }))).toBe(reason);
    expect(api.seen.bodies.length).toBe(before);
  });
});
