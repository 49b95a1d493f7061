// Video rotation: the tkhd matrix of the first video track is read, and turned frames are turned back exactly.

import { describe, expect, it } from 'vitest';
import { readVideoRotation, rotationInMoov } from '../../../src/web/hash/mp4-rotation';
import { unrotate } from '../../../src/web/hash/unrotate';

function box(type: string, ...payload: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const size = 8 + payload.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(new TextEncoder().encode(type), 4);
  let at = 8;
  for (const p of payload) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A version-0 tkhd with the matrix [a b 0; c d 0; 0 0 1] and a 1920x1080 track. */
function tkhd(a: number, b: number, c: number, d: number): Uint8Array {
  const body = new Uint8Array(84);
  const view = new DataView(body.buffer);
  [a, b, 0, c, d, 0, 0, 0, 1].forEach((v, i) => view.setInt32(40 + i * 4, i === 8 ? 1 << 30 : v * 65536));
  view.setUint32(76, 1920 * 65536);
  view.setUint32(80, 1080 * 65536);
  return box('tkhd', body);
}

const hdlr = (kind: string) => box('hdlr', new Uint8Array(8), new TextEncoder().encode(kind), new Uint8Array(12));
const trak = (matrix: Uint8Array, kind = 'vide') => box('trak', matrix, box('mdia', hdlr(kind)));
const moovView = (...traks: Uint8Array[]) => {
  const moov = box('moov', ...traks);
  return new DataView(moov.buffer, 8);
};

describe('rotationInMoov', () => {
  it('reads quarter and half turns of the first video track', () => {
    expect(rotationInMoov(moovView(trak(tkhd(0, 1, -1, 0))))).toEqual({ degrees: 90, width: 1920, height: 1080 });
    expect(rotationInMoov(moovView(trak(tkhd(-1, 0, 0, -1))))).toMatchObject({ degrees: 180 });
    expect(rotationInMoov(moovView(trak(tkhd(0, -1, 1, 0))))).toMatchObject({ degrees: 270 });
    expect(rotationInMoov(moovView(trak(tkhd(1, 0, 0, 1))))).toMatchObject({ degrees: 0 });
  });

  it('skips sound tracks and answers null without a video track', () => {
    expect(rotationInMoov(moovView(trak(tkhd(-1, 0, 0, -1), 'soun'), trak(tkhd(0, 1, -1, 0))))).toMatchObject({ degrees: 90 });
    expect(rotationInMoov(moovView(trak(tkhd(0, 1, -1, 0), 'soun')))).toBeNull();
  });

  it('finds moov after the media data, and gives null for other containers', async () => {
    const file = new Blob([box('ftyp', new TextEncoder().encode('isom')), box('mdat', new Uint8Array(1000)), box('moov', trak(tkhd(0, 1, -1, 0)))]);
    expect(await readVideoRotation(file)).toMatchObject({ degrees: 90 });
    expect(await readVideoRotation(new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0])]))).toBeNull();
  });
});

describe('unrotate', () => {
  // Stored 3x2, pixels numbered 1..6 row by row (one RGBA pixel = one 32-bit number here).
  const stored = [1, 2, 3, 4, 5, 6];
  const image = (values: number[], width: number, height: number) => ({ data: new Uint8Array(new Uint32Array(values).buffer), width, height, channels: 4 });
  const values = (img: { data: Uint8Array | Uint8ClampedArray }) => [...new Uint32Array(img.data.buffer, img.data.byteOffset, img.data.length / 4)];

  it('undoes a clockwise quarter turn', () => {
    // Turned clockwise, the 3x2 frame shows as 2x3: rows [4 1], [5 2], [6 3].
    const back = unrotate(image([4, 1, 5, 2, 6, 3], 2, 3), 90);
    expect([back.width, back.height, values(back)]).toEqual([3, 2, stored]);
  });

  it('undoes three quarter turns and a half turn', () => {
    expect(values(unrotate(image([3, 6, 2, 5, 1, 4], 2, 3), 270))).toEqual(stored);
    expect(values(unrotate(image([6, 5, 4, 3, 2, 1], 3, 2), 180))).toEqual(stored);
  });
});
