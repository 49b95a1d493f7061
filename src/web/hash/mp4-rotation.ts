// Reads how an MP4/MOV player turns the first video track for display (the tkhd matrix), so vPDQ can hash frames as stored.

/** Clockwise quarter turns a player applies for display, and the track's size before turning. */
export interface TrackRotation {
  degrees: 0 | 90 | 180 | 270;
  width: number;
  height: number;
}

/** The whole `moov` box is read at once; a ten-minute phone video has one of a few hundred KB. */
const MAX_MOOV_BYTES = 32 << 20;

/**
 * The display rotation of the first video track of an ISO-BMFF file (MP4, MOV, 3GP: what phones
 * record), or null for any other container or a file it cannot make sense of. Reads only box
 * headers and the `moov` box, wherever it is in the file.
 */
export async function readVideoRotation(file: Blob): Promise<TrackRotation | null> {
  const read = async (offset: number, length: number) => new DataView(await file.slice(offset, offset + length).arrayBuffer());
  let offset = 0;
  while (offset + 8 <= file.size) {
    const head = await read(offset, 16);
    let size = head.getUint32(0);
    let header = 8;
    if (size === 1 && head.byteLength >= 16) {
      size = Number(head.getBigUint64(8));
      header = 16;
    } else if (size === 0) {
      size = file.size - offset;
    }
    if (size < header) return null;
    if (fourCc(head, 4) === 'moov') {
      if (size > MAX_MOOV_BYTES) return null;
      return rotationInMoov(await read(offset + header, size - header));
    }
    offset += size;
  }
  return null;
}

/** The rotation of the first video track in a parsed `moov` payload. Exported for tests. */
export function rotationInMoov(moov: DataView): TrackRotation | null {
  for (const trak of children(moov, 0, moov.byteLength)) {
    if (trak.type !== 'trak') continue;
    let tkhd: Box | undefined;
    let video = false;
    for (const box of children(moov, trak.start, trak.end)) {
      if (box.type === 'tkhd') tkhd = box;
      if (box.type === 'mdia') {
        for (const inner of children(moov, box.start, box.end)) {
          if (inner.type === 'hdlr' && inner.end - inner.start >= 12) video = fourCc(moov, inner.start + 8) === 'vide';
        }
      }
    }
    if (video && tkhd !== undefined) return fromTkhd(moov, tkhd);
  }
  return null;
}

interface Box {
  type: string;
  start: number;
  end: number;
}

function* children(view: DataView, start: number, end: number): Generator<Box> {
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    let header = 8;
    if (size === 1 && offset + 16 <= end) {
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) return;
    yield { type: fourCc(view, offset + 4), start: offset + header, end: offset + size };
    offset += size;
  }
}

function fromTkhd(view: DataView, box: Box): TrackRotation | null {
  // Version 1 widens the three times to 64 bits; the matrix and size follow them.
  const matrixAt = box.start + (view.getUint8(box.start) === 1 ? 52 : 40);
  if (matrixAt + 44 > box.end) return null;
  const fixed = (at: number) => Math.round(view.getInt32(at) / 65536);
  const [a, b, c, d] = [fixed(matrixAt), fixed(matrixAt + 4), fixed(matrixAt + 12), fixed(matrixAt + 16)];
  const width = Math.round(view.getUint32(matrixAt + 36) / 65536);
  const height = Math.round(view.getUint32(matrixAt + 40) / 65536);
  // x' = a·x + c·y, y' = b·x + d·y with y pointing down: [0 1 -1 0] turns a quarter clockwise.
  const degrees = a === 0 && b === 1 && c === -1 && d === 0 ? 90 : a === -1 && b === 0 && c === 0 && d === -1 ? 180 : a === 0 && b === -1 && c === 1 && d === 0 ? 270 : 0;
  return { degrees, width, height };
}

function fourCc(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}
