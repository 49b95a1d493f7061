// A loopback TCP proxy in front of PostgreSQL that a test can cut, silence and restore, to play a database outage on its own connections only.

import { connect, createServer, type Socket } from 'node:net';

export interface PgProxy {
  port: number;
  /** The given PostgreSQL URL, pointed at the proxy instead. */
  urlFor(url: string): string;
  /** Drops every connection and refuses new ones, as a database that went away. */
  cut(): void;
  /** Stops answering: bytes sent are held, nothing comes back, new connections hang. */
  silence(): void;
  /** Back to forwarding; connections held while silent are dropped. */
  restore(): void;
  close(): Promise<void>;
}

type Mode = 'open' | 'refuse' | 'silent';

/** `listenPort` 0 picks a free port; a given one lets a test point a client at the port before the proxy exists. */
export async function startPgProxy(target = { host: '127.0.0.1', port: 5432 }, listenPort = 0): Promise<PgProxy> {
  let mode: Mode = 'open';
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const held = new Set<Socket>();

  const server = createServer((client) => {
    client.on('error', () => {});
    if (mode === 'refuse') return void client.destroy();
    if (mode === 'silent') {
      held.add(client);
      client.once('close', () => held.delete(client));
      return;
    }
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    const pair = { client, upstream };
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.once('close', end);
    upstream.once('close', end);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;

  const dropAll = () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
    for (const socket of held) socket.destroy();
    held.clear();
  };

  return {
    port,
    urlFor(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut() {
      mode = 'refuse';
      dropAll();
    },
    silence() {
      mode = 'silent';
      for (const pair of pairs) {
        // Whatever the client sends from now on goes nowhere, and nothing comes back.
        pair.client.unpipe(pair.upstream);
        pair.upstream.unpipe(pair.client);
        pair.upstream.pause();
        held.add(pair.client);
      }
    },
    restore() {
      mode = 'open';
      dropAll();
    },
    close() {
      dropAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
