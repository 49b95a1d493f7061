// Node file hashing: images through sharp, videos through ffmpeg when present, other files refused, JSON lines.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  UnsupportedFileError,
  decodeImage,
  findVideoTools,
  formatHashLine,
  hashFile,
  hashVideoFrames,
  type HashFileResult,
} from '../../src/hashing/node';
import { hammingDistance } from '../../src/hashing/pdq';
import { matchVpdq, parseVpdqText, type VpdqFeature } from '../../src/hashing/vpdq';
import { expectedRows, png16, pseudoRandomBytes, vectorPath } from './helpers';

const expected = expectedRows();
const expectedOrig = (file: string, flavor: 'fullres' | 'cli512') =>
  expected.find((r) => r.file === file && r.flavor === flavor && r.variant === 'orig')!;
const fileDigests = (path: string) => {
  const bytes = readFileSync(path);
  return { md5: createHash('md5').update(bytes).digest('hex'), sha256: createHash('sha256').update(bytes).digest('hex') };
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reclaim-hashing-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashFile on images', () => {
  it('hashes a PNG with an embedded ICC profile to the reference PDQ (profile ignored)', async () => {
    const path = vectorPath('images/misc-images/c.png');
    const row = expectedOrig('misc-images/c.png', 'fullres');
    expect(await hashFile(path)).toEqual({ file: path, type: 'image', ...fileDigests(path), pdq: row.hash, quality: row.quality });
  });

  it('hashes a JPEG in either flavour', async () => {
    const file = 'reg-test-input/dih/bridge-1-original.jpg';
    const path = vectorPath('images', file);
    expect(await hashFile(path)).toMatchObject({ type: 'image', pdq: expectedOrig(file, 'fullres').hash, quality: 100 });
    expect(await hashFile(path, { flavor: 'cli512' })).toMatchObject({ pdq: expectedOrig(file, 'cli512').hash });
    expect(expectedOrig(file, 'fullres').hash).not.toBe(expectedOrig(file, 'cli512').hash);
  });

  it('refuses a file that is neither image nor video, naming it', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'not a picture\n'.repeat(100));
    const failure = hashFile(path);
    await expect(failure).rejects.toBeInstanceOf(UnsupportedFileError);
    await expect(failure).rejects.toMatchObject({ file: path });
  });

  it('fails for a file that does not exist', async () => {
    await expect(hashFile(join(dir, 'missing.jpg'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('decodeImage', () => {
  it('keeps the stored pixel grid, ignoring EXIF orientation', async () => {
    const raw = pseudoRandomBytes(40 * 30 * 3);
    const rotatedTag = await sharp(raw, { raw: { width: 40, height: 30, channels: 3 } })
      .png()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(rotatedTag).metadata()).orientation).toBe(6);
    const image = await decodeImage(rotatedTag);
    expect([image.width, image.height, image.channels]).toEqual([40, 30, 3]);
    expect(Buffer.from(image.data).equals(Buffer.from(raw))).toBe(true);
  });

  it('scales 16-bit RGB samples by round(v / 257), not by the high byte', async () => {
    // 511 and 0x01ff: high byte 1, round(v/257) 2. 65535 -> 255, 32896 -> 128, 128 -> 0.
    const samples = new Uint16Array([511, 65535, 32896, 128, 0, 1000, 60000, 257, 258, 0xabcd, 300, 40000]);
    const image = await decodeImage(png16(2, 2, 3, samples));
    expect(image.channels).toBe(3);
    expect([...image.data]).toEqual([...samples].map((v) => Math.round(v / 257)));
  });

  it('keeps 16-bit grey as one channel', async () => {
    // 65280 (0xff00) has high byte 255 but rounds to 254; 511 has high byte 1 but rounds to 2.
    const samples = new Uint16Array([0, 255, 256, 65535, 65280, 511]);
    const image = await decodeImage(png16(3, 2, 1, samples));
    expect(image.channels).toBe(1);
    expect([...image.data]).toEqual([0, 1, 1, 255, 254, 2]);
  });

  it('keeps 8-bit grey as one channel and drops nothing else', async () => {
    const image = await decodeImage(vectorPath('images/python-threatexchange/LA.png'));
    expect([image.width, image.height, image.channels]).toEqual([256, 256, 1]);
  });
});

describe('formatHashLine', () => {
  it('writes an image as one JSON line with keys file, type, md5, sha256, pdq, quality', () => {
    const result: HashFileResult = { quality: 100, pdq: 'ab'.repeat(32), sha256: 'cd'.repeat(32), md5: 'ef'.repeat(16), type: 'image', file: 'a "b".jpg' };
    const line = formatHashLine(result);
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual(['file', 'type', 'md5', 'sha256', 'pdq', 'quality']);
    expect(JSON.parse(line)).toEqual(result);
  });

  it('writes a video with vpdq last, or without it when there is none', () => {
    const vpdq: VpdqFeature[] = [{ frame: 0, timestamp: 0, pdq: '0'.repeat(64), quality: 0 }];
    const base = { file: 'v.mp4', type: 'video' as const, md5: 'ef'.repeat(16), sha256: 'cd'.repeat(32) };
    expect(Object.keys(JSON.parse(formatHashLine({ ...base, vpdq })))).toEqual(['file', 'type', 'md5', 'sha256', 'vpdq']);
    expect(formatHashLine(base)).toBe(JSON.stringify(base));
  });
});

describe('hashFile on videos without ffmpeg', () => {
  it('still gives MD5 and SHA-256, leaves out vpdq and says why', async () => {
    const path = vectorPath('vpdq/videos/doorknob-hd-no-bar.mp4');
    const warnings: string[] = [];
    const result = await hashFile(path, { ffmpegPath: join(dir, 'no-ffmpeg'), onWarning: (w) => warnings.push(w) });
    expect(result).toEqual({ file: path, type: 'video', md5: '9108849f0d0bb6d3c40844f4eb72767b', sha256: fileDigests(path).sha256 });
    expect(warnings).toEqual([expect.stringContaining('ffmpeg')]);
  });

  it('recognises a video by its extension when the bytes are not a known container', async () => {
    const path = join(dir, 'clip.mp4');
    await writeFile(path, pseudoRandomBytes(4096));
    const result = await hashFile(path, { ffmpegPath: join(dir, 'no-ffmpeg') });
    expect(result).toMatchObject({ type: 'video', md5: fileDigests(path).md5 });
    expect(result).not.toHaveProperty('vpdq');
  });
});

const tools = await findVideoTools();
const noFfmpeg = tools === null ? ' (skipped: no ffmpeg/ffprobe on PATH)' : '';

describe.skipIf(tools === null)(`vPDQ of the sample videos${noFfmpeg}`, () => {
  // The reference decodes with libavcodec and converts with swscale (SWS_AREA); frame pixels
  // depend on the swscale build, so frames are compared by the vPDQ regression rule: every
  // frame of quality >= 50 within distance < 31 of the reference frame, and 100 % matching
  // both ways under both rules. (With Debian's ffmpeg 5.1 test-padded-dimensions is exact.)
  function expectLikeReference(ours: VpdqFeature[], reference: VpdqFeature[]): void {
    for (const feature of ours) {
      const ref = reference.find((r) => r.frame === feature.frame)!;
      expect(feature.timestamp).toBe(ref.timestamp);
      if (feature.quality >= 50 && ref.quality >= 50) {
        expect(hammingDistance(feature.pdq, ref.pdq), `frame ${feature.frame}`).toBeLessThan(31);
      }
    }
    for (const rule of ['cpp', 'pte'] as const) {
      const { queryMatchPercent, targetMatchPercent } = matchVpdq(ours, reference.filter((r) => ours.some((o) => o.frame === r.frame)), { rule });
      expect([queryMatchPercent, targetMatchPercent]).toEqual([100, 100]);
    }
  }

  it.each(['doorknob-hd-no-bar', 'test-padded-dimensions'])('hashes every frame of %s like the reference sample', async (name) => {
    const reference = parseVpdqText(readFileSync(vectorPath(`vpdq/sample-hashes/${name}.txt`), 'utf8'));
    const ours = await hashVideoFrames(vectorPath(`vpdq/videos/${name}.mp4`), tools!, { secondsPerHash: 0 });
    expect(ours.map((f) => f.frame)).toEqual(reference.map((r) => r.frame));
    expectLikeReference(ours, reference);
  });

  it('hashes about one frame per second by default, with MD5 and SHA-256 of the file', async () => {
    const path = vectorPath('vpdq/videos/doorknob-hd-no-bar.mp4');
    const result = await hashFile(path);
    expect(result).toMatchObject({ type: 'video', md5: '9108849f0d0bb6d3c40844f4eb72767b', sha256: fileDigests(path).sha256 });
    const vpdq = (result as { vpdq: VpdqFeature[] }).vpdq;
    expect(vpdq.map((f) => [f.frame, f.timestamp])).toEqual([[0, 0], [30, 1], [60, 2], [90, 3]]);
    expectLikeReference(vpdq, parseVpdqText(readFileSync(vectorPath('vpdq/sample-hashes/doorknob-hd-no-bar.txt'), 'utf8')));
  });

  it('leaves out vpdq with a warning when ffmpeg cannot decode the file', async () => {
    const path = join(dir, 'broken.mp4');
    await writeFile(path, pseudoRandomBytes(4096, 77));
    const warnings: string[] = [];
    const result = await hashFile(path, { onWarning: (w) => warnings.push(w) });
    expect(result).not.toHaveProperty('vpdq');
    expect(warnings).toHaveLength(1);
  });
});
