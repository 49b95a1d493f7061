// Streaming MD5 + SHA-256: known vectors, chunking never changes the answer, streams of every kind.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDigester, digestBytes, digestStream } from '../../src/hashing/digest';
import { digestFile } from '../../src/hashing/node';
import { pseudoRandomBytes, vectorPath } from './helpers';

const text = (s: string) => new TextEncoder().encode(s);

describe('digestBytes', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'The quick brown fox jumps over the lazy dog',
      '9e107d9d372bb6826bd81d3542a419d6',
      'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
    ],
  ])('hashes %j to the published MD5 and SHA-256', async (input, md5, sha256) => {
    expect(await digestBytes(text(input))).toEqual({ md5, sha256 });
  });

  it('agrees with node:crypto on 3 MB of bytes', async () => {
    const bytes = pseudoRandomBytes(3_000_000);
    expect(await digestBytes(bytes)).toEqual({
      md5: createHash('md5').update(bytes).digest('hex'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });
});

describe('createDigester', () => {
  const bytes = pseudoRandomBytes(200_003, 99);

  it('gives the one-shot answer whatever the chunk boundaries', async () => {
    const oneShot = await digestBytes(bytes);
    for (const sizes of [[1], [63, 64, 65], [4096], [100_000, 1]]) {
      const digester = await createDigester();
      let offset = 0;
      for (let i = 0; offset < bytes.length; i++) {
        const size = sizes[i % sizes.length]!;
        digester.update(bytes.subarray(offset, offset + size));
        offset += size;
      }
      expect(digester.bytes).toBe(bytes.length);
      expect(digester.digest()).toEqual(oneShot);
    }
  });

  it('refuses to be used after digest()', async () => {
    const digester = await createDigester();
    digester.update(text('abc'));
    digester.digest();
    expect(() => digester.update(text('more'))).toThrow();
    expect(() => digester.digest()).toThrow();
  });

  it('keeps separate digesters independent', async () => {
    const [a, b] = await Promise.all([createDigester(), createDigester()]);
    a.update(text('abc'));
    b.update(text('The quick brown fox jumps over the lazy dog'));
    expect(a.digest().md5).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(b.digest().md5).toBe('9e107d9d372bb6826bd81d3542a419d6');
  });
});

describe('digestStream', () => {
  const bytes = pseudoRandomBytes(1_000_000, 5);

  function webStream(chunkSize: number): ReadableStream<Uint8Array> {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + chunkSize));
        offset += chunkSize;
      },
    });
  }

  it('hashes a web ReadableStream (what File.stream() gives in the browser)', async () => {
    expect(await digestStream(webStream(65_536))).toEqual(await digestBytes(bytes));
  });

  it('hashes an async iterable of chunks and reports progress', async () => {
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 300_000) yield bytes.subarray(i, i + 300_000);
    }
    const progress: number[] = [];
    expect(await digestStream(chunks(), { onProgress: (n) => progress.push(n) })).toEqual(await digestBytes(bytes));
    expect(progress).toEqual([300_000, 600_000, 900_000, 1_000_000]);
  });

  it('hashes a Node file stream to the MD5s recorded for the sample videos', async () => {
    const path = vectorPath('vpdq/videos/doorknob-hd-no-bar.mp4');
    expect((await digestStream(createReadStream(path))).md5).toBe('9108849f0d0bb6d3c40844f4eb72767b');
  });

  it('stops with the abort reason when aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const reading = digestStream(webStream(1000), {
      signal: controller.signal,
      onProgress: (n) => {
        if (n >= 5000) controller.abort(reason);
      },
    });
    await expect(reading).rejects.toBe(reason);
  });
});

describe('digestFile (Node)', () => {
  it.each([
    ['vpdq/videos/doorknob-hd-no-bar.mp4', '9108849f0d0bb6d3c40844f4eb72767b'],
    ['vpdq/videos/test-padded-dimensions.mp4', '749476eb0cd128289f0dec3e062da83c'],
  ])('gives %s the MD5 recorded in SOURCE.md, and the same digests as the browser digester', async (file, md5) => {
    const path = vectorPath(file);
    const fromDisk = await digestFile(path);
    expect(fromDisk.md5).toBe(md5);
    expect(fromDisk).toEqual(await digestStream(createReadStream(path)));
  });
});
