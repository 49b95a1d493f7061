// Reads a request body up to a byte limit, stopping early so an oversized body is never buffered whole.

/** Most bytes a Telegram update may have; real ones are a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body as text, or `null` when it exceeds `limit` (by Content-Length or by counting). */
export async function readBodyLimited(request: Request, limit: number = MAX_BODY_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
