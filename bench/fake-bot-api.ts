// A lean fake Telegram Bot API on loopback for the benchmark: answers like Telegram and notes when each chat's first reply arrived.

import { createServer, type Server } from 'node:http';

export const BOT_TOKEN = '123456:BENCH-token_abc';
export const WEBHOOK_SECRET = 'bench-secret_0123456789';

/** What the fake has seen. Times are absolute milliseconds (performance.timeOrigin + performance.now()). */
export interface FakeBotApi {
  url: string;
  /** First sendMessage per chat id. */
  firstReplyAt: Map<number, number>;
  /** Every sendMessage, all chats. */
  messages(): number;
  /** Forgets what was seen (between parts of the run). */
  reset(): void;
  close(): Promise<void>;
}

/** Absolute time in milliseconds with sub-millisecond precision, comparable across threads of this process. */
export const absoluteNow = () => performance.timeOrigin + performance.now();

/**
 * Starts the fake. It keeps no request bodies (a long run would hold hundreds of megabytes),
 * only one time per chat, and answers sendMessage with a message as the real API does.
 */
export async function startFakeBotApi(): Promise<FakeBotApi> {
  const firstReplyAt = new Map<number, number>();
  let messages = 0;
  let nextMessageId = 1000;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = absoluteNow();
      const method = /\/bot[^/]+\/([A-Za-z]+)$/.exec(req.url ?? '')?.[1];
      let result: unknown = true;
      if (method === 'sendMessage') {
        const payload = parseJson(Buffer.concat(chunks).toString('utf8'));
        const chatId = Number(payload.chat_id);
        messages += 1;
        if (!firstReplyAt.has(chatId)) firstReplyAt.set(chatId, at);
        result = {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private', first_name: 'Ana' },
          from: { id: 123456, is_bot: true, first_name: 'Reclaim' },
          text: typeof payload.text === 'string' ? payload.text : '',
        };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    firstReplyAt,
    messages: () => messages,
    reset() {
      firstReplyAt.clear();
      messages = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    // grammY posts JSON; a form body would only lose the chat id, which the fake does not need to be exact about.
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
