// Streaming MD5 and SHA-256 of file bytes (hash-wasm), so even a 2 GB video is never held in memory.

import { createMD5, createSHA256, type IHasher } from 'hash-wasm';

/** Lower-case hex digests of one byte sequence. */
export interface FileDigests {
  md5: string;
  sha256: string;
}

/** Incremental MD5 + SHA-256 over chunks; `digest()` ends it. */
export interface Digester {
  /** Feeds the next chunk. The chunk may be reused by the caller as soon as this returns. */
  update(chunk: Uint8Array): void;
  /** Both digests of everything fed so far. The digester cannot be used afterwards. */
  digest(): FileDigests;
  /** Number of bytes fed so far. */
  readonly bytes: number;
}

/** Options for {@link digestStream}. */
export interface DigestStreamOptions {
  /** Stops reading and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each chunk with the running byte count, e.g. for a progress bar. */
  onProgress?: (bytes: number) => void;
}

/**
 * A fresh MD5 + SHA-256 digester. Works in browsers and Node alike: hash-wasm ships its
 * WebAssembly inline, so there is no file to fetch and no Node API involved.
 */
export async function createDigester(): Promise<Digester> {
  const [md5, sha256] = await Promise.all([createMD5(), createSHA256()]);
  return new WasmDigester(md5, sha256);
}

class WasmDigester implements Digester {
  private finished = false;
  private total = 0;

  constructor(
    private readonly md5: IHasher,
    private readonly sha256: IHasher,
  ) {
    md5.init();
    sha256.init();
  }

  get bytes(): number {
    return this.total;
  }

  update(chunk: Uint8Array): void {
    if (this.finished) throw new Error('digest() was already called on this digester');
    this.md5.update(chunk);
    this.sha256.update(chunk);
    this.total += chunk.byteLength;
  }

  digest(): FileDigests {
    if (this.finished) throw new Error('digest() was already called on this digester');
    this.finished = true;
    return { md5: this.md5.digest('hex'), sha256: this.sha256.digest('hex') };
  }
}

/** MD5 and SHA-256 of bytes already in memory. */
export async function digestBytes(bytes: Uint8Array): Promise<FileDigests> {
  const digester = await createDigester();
  digester.update(bytes);
  return digester.digest();
}

/**
 * MD5 and SHA-256 of a byte stream, one chunk at a time: a browser `File.stream()`, a fetch body,
 * or any async iterable of chunks such as Node's `fs.createReadStream()`.
 */
export async function digestStream(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: DigestStreamOptions = {},
): Promise<FileDigests> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const digester = await createDigester();
  for await (const chunk of chunksOf(source, signal)) {
    digester.update(chunk);
    onProgress?.(digester.bytes);
  }
  return digester.digest();
}

// ReadableStream is read through its reader because Safari's streams are not async-iterable.
async function* chunksOf(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  if (!isReadableStream(source)) {
    for await (const chunk of source) {
      signal?.throwIfAborted();
      yield chunk;
    }
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof (value as ReadableStream | null)?.getReader === 'function';
}
