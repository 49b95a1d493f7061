// Reads a webhook body up to a byte limit, so an oversized request is refused without being buffered whole.

/** Platforms' webhook bodies are a few kilobytes; 1 MB is plenty and caps abuse. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** Bodies already read whole by the server's body limit (src/http/body-limit.ts), by request. */
const buffered = new WeakMap<Request, Uint8Array>();

/** Records the body the server read for `request`, so readers of the request take it instead of its (spent) stream. */
export function rememberBody(request: Request, body: Uint8Array): void {
  buffered.set(request, body);
}

/** The raw body, or null when it is (or says it is) larger than `limit` bytes. */
export async function readBody(request: Request, limit: number = MAX_WEBHOOK_BYTES): Promise<Uint8Array | null> {
  const read = buffered.get(request);
  if (read) return read.byteLength > limit ? null : read;
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    if (request.body) void discardRest(request.body.getReader());
    return null;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      void discardRest(reader);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Most of an oversized body read and dropped after refusing it, and for how long. */
const DISCARD_BYTES = 2 * 1024 * 1024;
const DISCARD_MS = 500;

/**
 * Reads what the client is still sending and drops it, so the connection survives to carry the
 * next request (a platform that keeps its connection open must not find it reset). A client that
 * keeps sending past the bound has its stream cancelled, which closes the connection. Nothing is
 * kept: memory stays flat however large the upload.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const deadline = Date.now() + DISCARD_MS;
  let dropped = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
      if (dropped > DISCARD_BYTES || Date.now() > deadline) break;
    }
  } catch {
    return;
  }
  await reader.cancel().catch(() => undefined);
}
