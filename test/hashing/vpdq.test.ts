// vPDQ: the reference text format, both brute-force matching rules against expected-matches.tsv, frame sampling.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatVpdqText,
  hashVpdqFrame,
  isVpdqMatch,
  matchVpdq,
  parseVpdqText,
  vpdqFrameInterval,
  type VpdqFeature,
} from '../../src/hashing/vpdq';
import { decodeImage } from '../../src/hashing/node';
import { pdqHash } from '../../src/hashing/pdq';
import { expectedRows, pseudoRandomBytes, readTsv, vectorPath } from './helpers';

const sampleText = (name: string) => readFileSync(vectorPath('vpdq', name), 'utf8');
const expectedMatches = readTsv('vpdq/expected-matches.tsv');

function feature(pdq: string, quality = 100, frame = 0): VpdqFeature {
  return { frame, timestamp: frame / 30, pdq, quality };
}

describe('vPDQ text format', () => {
  it.each(expectedMatches.map((r) => r.query_file!))('round-trips %s byte for byte', (file) => {
    const text = sampleText(file);
    const features = parseVpdqText(text);
    expect(features.length).toBe(text.trimEnd().split('\n').length);
    expect(formatVpdqText(features)).toBe(text);
  });

  it('reads frame, quality, hash and timestamp in that order', () => {
    const [first, second] = parseVpdqText(sampleText('sample-hashes/chair-19-sd-bar.txt'));
    expect(first).toEqual({
      frame: 0,
      quality: 100,
      pdq: 'e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c',
      timestamp: 0,
    });
    expect(second!.timestamp).toBe(0.033);
  });

  it('names the first malformed line', () => {
    const good = '0,100,e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,0.000';
    expect(() => parseVpdqText(`${good}\n1,100,zz,0.033\n`)).toThrow(/line 2/);
    expect(() => parseVpdqText(`${good}\n1,101,${good.split(',')[2]},0.033`)).toThrow(/line 2/);
    expect(() => parseVpdqText('0,100,abc')).toThrow(SyntaxError);
  });

  it('prints timestamps as C printf %.3f does, ties to even', () => {
    const pdq = '0'.repeat(64);
    expect(formatVpdqText([{ frame: 1, timestamp: 1 / 16, pdq, quality: 0 }])).toBe(`1,0,${pdq},0.062\n`);
    expect(formatVpdqText([{ frame: 3, timestamp: 3 / 16, pdq, quality: 0 }])).toBe(`3,0,${pdq},0.188\n`);
    expect(formatVpdqText([{ frame: 2, timestamp: 2 / 30, pdq, quality: 0 }])).toBe(`2,0,${pdq},0.067\n`);
  });
});

describe('matchVpdq against expected-matches.tsv', () => {
  const target = parseVpdqText(sampleText('sample-hashes/chair-19-sd-bar.txt'));

  it.each(expectedMatches.map((r) => [r.query_file!, r]))('reproduces both rules for %s', (file, row) => {
    const query = parseVpdqText(sampleText(file));
    const cpp = matchVpdq(query, target, { rule: 'cpp' });
    const pte = matchVpdq(query, target, { rule: 'pte' });
    expect([cpp.queryMatchPercent, cpp.targetMatchPercent, pte.queryMatchPercent, pte.targetMatchPercent].map((p) => p.toFixed(2))).toEqual([
      row.cpp_query_pct,
      row.cpp_target_pct,
      row.pte_query_pct,
      row.pte_target_pct,
    ]);
    expect([pte.queryKept, pte.targetKept]).toEqual([Number(row.pte_query_kept), Number(row.pte_target_kept)]);
    expect(query.length).toBe(Number(row.query_frames));
  });

  it('defaults to the python-threatexchange rule', () => {
    const query = parseVpdqText(sampleText('sample-hashes/chair-20-sd-bar.txt'));
    expect(matchVpdq(query, target)).toEqual(matchVpdq(query, target, { rule: 'pte' }));
  });
});

describe('matchVpdq rules', () => {
  const a = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
  const thirtyOneAway = `${((parseInt(a.slice(0, 8), 16) ^ 0x7fffffff) >>> 0).toString(16).padStart(8, '0')}${a.slice(8)}`;

  it('counts distance 31 as a match under pte (<=) but not under cpp (<)', () => {
    expect(matchVpdq([feature(a)], [feature(thirtyOneAway)], { rule: 'pte' }).queryMatchPercent).toBe(100);
    expect(matchVpdq([feature(a)], [feature(thirtyOneAway)], { rule: 'cpp' }).queryMatchPercent).toBe(0);
  });

  it('dedupes identical hashes (keeping the first) only under pte, before the quality filter', () => {
    const far = '0'.repeat(64);
    const query = [feature(a, 100), feature(a, 100), feature(far, 100)];
    expect(matchVpdq(query, [feature(a)], { rule: 'cpp' })).toMatchObject({ queryKept: 3, queryMatchPercent: (2 * 100) / 3 });
    expect(matchVpdq(query, [feature(a)], { rule: 'pte' })).toMatchObject({ queryKept: 2, queryMatchPercent: 50 });
    // The low-quality first copy wins the dedupe and is then filtered out, taking its twin along.
    expect(matchVpdq([feature(a, 10), feature(a, 100)], [feature(a)], { rule: 'pte' })).toMatchObject({ queryKept: 0, queryMatchPercent: 0 });
  });

  it('leaves out frames below quality 50 and answers 0 % when a side has none left', () => {
    expect(matchVpdq([feature(a, 49)], [feature(a, 100)])).toEqual({ queryMatchPercent: 0, targetMatchPercent: 0, queryKept: 0, targetKept: 1 });
    expect(matchVpdq([feature(a, 50)], [feature(a, 100)]).queryMatchPercent).toBe(100);
    expect(matchVpdq([], [])).toMatchObject({ queryMatchPercent: 0, targetMatchPercent: 0 });
  });

  it('decides a match with python-threatexchange defaults: query >= 80 %, target >= 0 %', () => {
    expect(isVpdqMatch({ queryMatchPercent: 80, targetMatchPercent: 0 })).toBe(true);
    expect(isVpdqMatch({ queryMatchPercent: 79.99, targetMatchPercent: 100 })).toBe(false);
    expect(isVpdqMatch({ queryMatchPercent: 90, targetMatchPercent: 70 }, 0, 80)).toBe(false);
  });
});

describe('frame sampling and hashing', () => {
  it('hashes every trunc(secondsPerHash x fps)-th frame, at least every frame', () => {
    expect(vpdqFrameInterval(30)).toBe(30);
    expect(vpdqFrameInterval(29.97)).toBe(29);
    expect(vpdqFrameInterval(30, 0)).toBe(1);
    expect(vpdqFrameInterval(0.5)).toBe(1);
    expect(vpdqFrameInterval(25, 2)).toBe(50);
    expect(() => vpdqFrameInterval(0)).toThrow(RangeError);
    expect(() => vpdqFrameInterval(30, -1)).toThrow(RangeError);
  });

  it('hashes a frame with full-resolution PDQ and stamps it with frame / fps', () => {
    const data = pseudoRandomBytes(96 * 80 * 3);
    const image = { data, width: 96, height: 80, channels: 3 };
    expect(hashVpdqFrame(image, 45, 30)).toEqual({ frame: 45, timestamp: 1.5, ...renamed(pdqHash(image)) });
    expect(hashVpdqFrame(image, 1, 30).timestamp).toBe(0.033);
  });

  // synth-64x64-pattern is degenerate: the blurred and unblurred paths differ by 78 bits there.
  it('uses the single-hash path, so an exactly 64x64 frame skips the blur', async () => {
    const image = await decodeImage(vectorPath('images/synthetic/synth-64x64-pattern.png'));
    const cliOrig = expectedRows().find((r) => r.file === 'synthetic/synth-64x64-pattern.png' && r.flavor === 'cli512' && r.variant === 'orig')!;
    expect(hashVpdqFrame(image, 0, 30).pdq).toBe(cliOrig.hash);
    expect(hashVpdqFrame(image, 0, 30).pdq).not.toBe(pdqHash(image).hash);
  });

  it('treats a frame with a side under 5 as an error, as the reference does', () => {
    expect(() => hashVpdqFrame({ data: new Uint8Array(4 * 10 * 3), width: 4, height: 10, channels: 3 }, 0, 30)).toThrow(RangeError);
  });
});

function renamed({ hash, quality }: { hash: string; quality: number }) {
  return { pdq: hash, quality };
}
