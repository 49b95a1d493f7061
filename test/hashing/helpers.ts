// Shared fixtures for the hashing tests: the reference vectors, their TSV tables, and small byte builders.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * The PDQ/vPDQ reference vectors (from facebook/ThreatExchange; source and licence in their
 * SOURCE.md). They are kept in the repository so a fresh clone checks the same thing as CI.
 * Tests fail rather than skip when one is missing, so a green run always means "checked".
 */
export const VECTORS_DIR = join(import.meta.dirname, '..', 'vectors', 'pdq');

/** Absolute path of a file under the vectors folder; throws with a clear message if it is missing. */
export function vectorPath(...parts: string[]): string {
  const path = join(VECTORS_DIR, ...parts);
  if (!existsSync(path)) throw new Error(`missing PDQ test vector ${path} (see test/vectors/pdq/SOURCE.md)`);
  return path;
}

/** Rows of a tab-separated file with a header line, as objects keyed by column name. */
export function readTsv(...parts: string[]): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(vectorPath(...parts), 'utf8').trimEnd().split('\n');
  const columns = header!.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** One row of expected.tsv. */
export interface ExpectedRow {
  file: string;
  hash: string;
  quality: number;
  variant: string;
  flavor: 'fullres' | 'cli512';
  size: string;
  note: string;
}

/** expected.tsv: 37 images x 8 variants x 2 flavours, the reference C++ output. */
export function expectedRows(): ExpectedRow[] {
  return readTsv('expected.tsv').map((row) => ({
    file: row.file!,
    hash: row.hash_hex!,
    quality: Number(row.quality),
    variant: row.variant!,
    flavor: row.flavor as 'fullres' | 'cli512',
    size: row.size_wxh!,
    note: row.note!,
  }));
}

/** A deterministic byte pattern (LCG), so "random" inputs are the same on every run. */
export function pseudoRandomBytes(length: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 16;
  }
  return out;
}

/**
 * A minimal 16-bit PNG (colour type 0 grey or 2 RGB), big-endian samples as the format demands.
 * Written by hand because sharp cannot be trusted to produce the exact 16-bit samples under test.
 */
export function png16(width: number, height: number, channels: 1 | 3, samples: Uint16Array): Uint8Array {
  const rowBytes = width * channels * 2;
  const raw = new Uint8Array(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) {
    const rowStart = y * (rowBytes + 1);
    raw[rowStart] = 0;
    for (let i = 0; i < width * channels; i++) {
      const v = samples[y * width * channels + i]!;
      raw[rowStart + 1 + 2 * i] = v >> 8;
      raw[rowStart + 2 + 2 * i] = v & 255;
    }
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([16, channels === 1 ? 0 : 2, 0, 0, 0], 8);
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([new TextEncoder().encode(type), data]);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return out;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
