// Turns displayed video pixels back to the orientation they are stored in, exactly (a permutation, no resampling).

import type { PixelImage } from '../../hashing/index';

/**
 * The stored frame of a displayed RGBA frame that a player turned `degrees` clockwise. vPDQ hashes
 * frames as stored (the reference decodes with no auto-rotation), while browsers hand over frames
 * as displayed: a portrait phone video would otherwise hash as a different, sideways video.
 */
export function unrotate(image: PixelImage, degrees: 0 | 90 | 180 | 270): PixelImage {
  if (degrees === 0) return image;
  if (image.channels !== 4) throw new TypeError('unrotate expects RGBA pixels');
  const { width: shownWidth, height: shownHeight } = image;
  const bytes = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
  const source = new Uint32Array(bytes.buffer, bytes.byteOffset, shownWidth * shownHeight);
  const [width, height] = degrees === 180 ? [shownWidth, shownHeight] : [shownHeight, shownWidth];
  const out = new Uint32Array(width * height);
  // One loop per angle, each reading where stored pixel (x, y) ended up on screen after the clockwise turn.
  if (degrees === 90) {
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = source[x * shownWidth + (height - 1 - y)]!;
  } else if (degrees === 270) {
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = source[(width - 1 - x) * shownWidth + y]!;
  } else {
    for (let i = 0, n = out.length; i < n; i++) out[i] = source[n - 1 - i]!;
  }
  return { data: new Uint8Array(out.buffer), width, height, channels: 4 };
}
