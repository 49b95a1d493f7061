// Reads a request body as bytes, refusing to hold more than a limit in memory.

/** LINE's own request limit is 2 MB, but a webhook body is a few KB: 1 MB is plenty and caps abuse. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** The body, or null when it is (or claims to be) larger than `limit` bytes. */
export async function readBody(request: Request, limit: number = MAX_WEBHOOK_BYTES): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
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
  return Buffer.concat(chunks);
}
