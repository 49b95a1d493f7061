// Reads a webhook body up to a byte limit, so an oversized request is refused without being buffered whole.

/** Platforms' webhook bodies are a few kilobytes; 1 MB is plenty and caps abuse. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** The raw body, or null when it is (or says it is) larger than `limit` bytes. */
export async function readBody(request: Request, limit: number = MAX_WEBHOOK_BYTES): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
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
