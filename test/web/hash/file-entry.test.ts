// A chosen file's status: weak and undecodable pictures are kept with a note, and only ready files are sent.

import { describe, expect, it } from 'vitest';
import { imageStatus, readyHashes, totalsOf, type FileEntry, type FileStatus } from '../../../src/web/hash/file-entry';
import { mediaKindOf } from '../../../src/web/hash/media-type';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const entry = (status: FileStatus): FileEntry => ({ id: 1, file: new File([], 'x.jpg'), media: 'image', status, abort: new AbortController() });

describe('imageStatus', () => {
  it('marks quality under 50 as low but keeps the hash', () => {
    expect(imageStatus(MD5, SHA, { hash: 'a'.repeat(64), quality: 49 })).toEqual({ kind: 'ready', note: 'low-quality', hashes: { type: 'image', md5: MD5, sha256: SHA, pdq: 'a'.repeat(64), quality: 49 } });
    expect(imageStatus(MD5, SHA, { hash: 'a'.repeat(64), quality: 50 })).toMatchObject({ note: null });
  });

  it('sends MD5 and SHA-256 only for a picture that could not be decoded', () => {
    expect(imageStatus(MD5, SHA, null)).toEqual({ kind: 'ready', note: 'unreadable', hashes: { type: 'image', md5: MD5, sha256: SHA } });
  });
});

describe('totalsOf and readyHashes', () => {
  it('counts hashing files and leaves failed ones out of what is sent', () => {
    const ready = imageStatus(MD5, SHA, null);
    const entries = [entry({ kind: 'hashing', progress: 0.5 }), entry(ready), entry({ kind: 'failed' })];
    expect(totalsOf(entries)).toEqual({ total: 3, hashing: 1, ready: 1 });
    expect(readyHashes(entries)).toEqual([ready.kind === 'ready' ? ready.hashes : null]);
  });
});

describe('mediaKindOf', () => {
  it('trusts the MIME type, then the file name', () => {
    expect(mediaKindOf({ type: 'video/quicktime', name: 'a.jpg' })).toBe('video');
    expect(mediaKindOf({ type: 'image/heic', name: 'a.heic' })).toBe('image');
    expect(mediaKindOf({ type: '', name: 'clip.MOV' })).toBe('video');
    expect(mediaKindOf({ type: '', name: 'photo' })).toBe('image');
  });

  it('calls anything that is neither a photo nor a video by its name: not fingerprinted', () => {
    expect(mediaKindOf({ type: 'text/plain', name: 'notes.txt' })).toBe('other');
    expect(mediaKindOf({ type: 'application/pdf', name: 'scan.pdf' })).toBe('other');
    expect(mediaKindOf({ type: 'audio/mpeg', name: 'voice.mp3' })).toBe('other');
    expect(mediaKindOf({ type: '', name: 'notes.txt' })).toBe('other');
    // Some Android file managers give no type, or a generic one, for real photos and videos.
    expect(mediaKindOf({ type: 'application/octet-stream', name: 'IMG_2041.JPG' })).toBe('image');
    expect(mediaKindOf({ type: 'application/octet-stream', name: 'VID_2041.mp4' })).toBe('video');
  });
});
