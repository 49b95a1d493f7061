// One chosen file through its life on the page (hashing, ready with an optional note, failed), and the list's totals.

import { PDQ_QUALITY_THRESHOLD } from '../../hashing/index';
import type { FileKind } from './media-type';
import type { FileTimings } from './protocol';
import type { PageFileHashes } from './submission-body';

/** Why a ready file deserves a word: its fingerprint is weaker or exact-copy only. */
export type FileNote = 'low-quality' | 'unreadable' | 'video-long' | 'video-undecodable';

/**
 * Where a file is. `failed` files cannot be sent (their bytes could not be read) and `not-media`
 * files are not photos or videos (never read, never fingerprinted); both are left out.
 */
export type FileStatus =
  | { kind: 'hashing'; progress: number }
  | { kind: 'ready'; hashes: PageFileHashes; note: FileNote | null; timings?: FileTimings }
  | { kind: 'failed' }
  | { kind: 'not-media' };

/** A chosen file. The File is only a handle: its bytes stay on the device and are read by the worker. */
export interface FileEntry {
  id: number;
  file: File;
  media: FileKind;
  status: FileStatus;
  /** Aborts video frame sampling when the file is removed. */
  abort: AbortController;
}

/** Counts the page needs for its status line and the send button. */
export interface FileTotals {
  total: number;
  hashing: number;
  ready: number;
}

/** Totals over the list; `ready` counts the files that will be sent. */
export function totalsOf(entries: readonly FileEntry[]): FileTotals {
  let hashing = 0;
  let ready = 0;
  for (const entry of entries) {
    if (entry.status.kind === 'hashing') hashing++;
    else if (entry.status.kind === 'ready') ready++;
  }
  return { total: entries.length, hashing, ready };
}

/** The hashes to send, in the order the files were chosen. */
export function readyHashes(entries: readonly FileEntry[]): PageFileHashes[] {
  return entries.flatMap((entry) => (entry.status.kind === 'ready' ? [entry.status.hashes] : []));
}

/** The status of an image once the worker answered: `pdq` null means it could not be decoded. */
export function imageStatus(md5: string, sha256: string, pdq: { hash: string; quality: number } | null, timings?: FileTimings): FileStatus {
  if (pdq === null) return { kind: 'ready', hashes: { type: 'image', md5, sha256 }, note: 'unreadable', ...(timings ? { timings } : {}) };
  const note = pdq.quality < PDQ_QUALITY_THRESHOLD ? 'low-quality' : null;
  return { kind: 'ready', hashes: { type: 'image', md5, sha256, pdq: pdq.hash, quality: pdq.quality }, note, ...(timings ? { timings } : {}) };
}
