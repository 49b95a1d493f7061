// The HTTP client under grammY's Bot API calls: one request on a kept-alive connection, its JSON answer read back.

// grammY lets its `fetch` be replaced (ApiClientOptions.fetch) and reads nothing of the answer
// but its JSON. Its default, node-fetch, builds WHATWG Request, Headers and body-stream objects
// around every call: through grammY's own `sendMessage`, 16 at a time against a loopback server,
// a call cost 231–262 µs of CPU with node-fetch and 179–189 µs with this (server included; three
// runs each, alternating). Calls are JSON (Reclaim uploads no files); a body of any other kind
// goes through Node's own fetch unchanged. Redirects are not followed: the Bot API sends none,
// and the token is in the path.

import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Most a Bot API answer may hold; Telegram's are a few kilobytes. A longer one is refused, not buffered. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** What grammY passes: its JSON payload's method, headers and body, the call's signal, and the kept-alive agent of its base config. */
interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | null;
  agent?: Agent;
}

/** The part of a fetch answer grammY reads. */
export interface CallAnswer {
  json(): Promise<unknown>;
}

/** Makes one Bot API call; rejects on a network failure, an abort (with the signal's reason) or an answer over MAX_ANSWER_BYTES. */
export function botApiFetch(url: string, init: CallInit = {}): Promise<CallAnswer> {
  const { body, signal } = init;
  if (body !== undefined && typeof body !== 'string') {
    return fetch(url, { method: init.method, headers: init.headers, body: body as BodyInit, signal: signal ?? null, duplex: 'half' } as RequestInit);
  }
  return new Promise<CallAnswer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const headers: Record<string, string | number> = { ...init.headers };
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method: init.method ?? 'GET', headers, ...(init.agent ? { agent: init.agent } : {}) });
    let settled = false;
    /** Ends the call with `error` (once) and lets go of its connection. */
    const fail = (error: unknown) => {
      if (!settled) {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      }
      req.destroy();
    };
    const onAbort = () => fail(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', fail);
    req.once('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) fail(new Error(`Bot API answer over ${MAX_ANSWER_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('error', fail);
      // A connection cut mid-answer: no 'end' comes.
      res.once('aborted', () => fail(new Error('Bot API answer cut off')));
      res.once('end', () => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ json: async () => JSON.parse(text) as unknown });
      });
    });
    req.end(body);
  });
}
