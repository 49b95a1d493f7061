// The body the page posts: only contract fields, always accepted by the server's own schema, and under 64 KB.

import { describe, expect, it } from 'vitest';
import { checkSubmission, MAX_FILES as SERVER_MAX_FILES, MAX_SUBMISSION_BYTES } from '../../../src/core/submission';
import { buildSubmissionBody, MAX_BODY_BYTES, MAX_FILES, type PageFileHashes, type PageVpdqFrame } from '../../../src/web/hash/submission-body';

const TOKEN = 'A'.repeat(43);
const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const hex64 = (n: number) => n.toString(16).padStart(64, '0');
const frames = (count: number, quality = (i: number) => 90 + (i % 10)): PageVpdqFrame[] =>
  Array.from({ length: count }, (_, i) => ({ pdq: hex64(i + 1), quality: quality(i), timestamp: i }));
const parse = (body: string) => JSON.parse(body) as { token: string; files: PageFileHashes[] };

describe('buildSubmissionBody', () => {
  it('mirrors the server limits', () => {
    expect(MAX_FILES).toBe(SERVER_MAX_FILES);
    expect(MAX_BODY_BYTES).toBeLessThan(MAX_SUBMISSION_BYTES);
  });

  it('copies only the fields of the contract', () => {
    const sneaky = { type: 'image', md5: MD5, sha256: SHA, pdq: hex64(7), quality: 80, name: 'me.jpg', data: 'iVBORw0KGgo=' } as PageFileHashes;
    const body = parse(buildSubmissionBody(TOKEN, [sneaky, { type: 'image', md5: MD5, sha256: SHA }]));
    expect(body.files).toEqual([
      { type: 'image', md5: MD5, sha256: SHA, pdq: hex64(7), quality: 80 },
      { type: 'image', md5: MD5, sha256: SHA },
    ]);
    expect(Object.keys(body)).toEqual(['token', 'files']);
  });

  it('keeps a ten-minute video under the limit and accepted by the server', () => {
    const files: PageFileHashes[] = [
      { type: 'video', md5: MD5, sha256: SHA, vpdq: frames(600) },
      ...Array.from({ length: 49 }, (): PageFileHashes => ({ type: 'image', md5: MD5, sha256: SHA, pdq: hex64(3), quality: 100 })),
    ];
    const body = buildSubmissionBody(TOKEN, files);
    expect(new TextEncoder().encode(body).byteLength).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const check = checkSubmission(JSON.parse(body));
    expect(check.ok).toBe(true);
    const sent = parse(body).files[0]!;
    // Thinned evenly, from the start: every other frame, still spanning the whole video.
    expect(sent.type === 'video' && sent.vpdq!.length).toBeGreaterThan(200);
    expect(sent.type === 'video' && sent.vpdq!.at(-1)!.timestamp).toBeGreaterThan(590);
  });

  it('drops repeated and low-quality frames before thinning good ones', () => {
    // 900 frames (about 90 KB); 700 once repeats are gone (still too many); 500 without the weak ones.
    const repeated = frames(500).map((f, i) => (i >= 300 ? { ...f, pdq: hex64(1) } : f));
    const weak = frames(400, (i) => (i < 200 ? 10 : 95));
    const body = parse(buildSubmissionBody(TOKEN, [{ type: 'video', md5: MD5, sha256: SHA, vpdq: repeated }, { type: 'video', md5: MD5, sha256: SHA, vpdq: weak }]));
    const [first, second] = body.files;
    expect(first?.type === 'video' && first.vpdq!.length).toBe(300);
    expect(second?.type === 'video' && second.vpdq!.length).toBe(200);
    expect(second?.type === 'video' && second.vpdq!.every((f) => f.quality >= 50)).toBe(true);
  });

  it('leaves a small submission untouched', () => {
    const files: PageFileHashes[] = [{ type: 'video', md5: MD5, sha256: SHA, vpdq: frames(5, () => 10) }];
    expect(parse(buildSubmissionBody(TOKEN, files)).files).toEqual(files);
  });
});
