// Turns an image file into the pixels the PDQ reference hashes: stored values, no EXIF rotation, no colour management.

import type { PixelImage } from '../../hashing/index';
import { unrotate } from './unrotate';

// The reference (and `reclaim hash`, via sharp) ignores EXIF orientation and ICC profiles and
// never premultiplies, so the browser is asked for exactly that.
const BITMAP_OPTIONS: ImageBitmapOptions = {
  imageOrientation: 'none',
  colorSpaceConversion: 'none',
  premultiplyAlpha: 'none',
};

/**
 * Decodes `file` in the worker. Pixels are read back through a VideoFrame (a plain copy) or, where
 * the browser lacks one, a 2D canvas. Both are exact for opaque pixels, but may hand back colour
 * premultiplied by alpha, which rounds away the colour under translucent pixels; for images that
 * have any, the unpremultiplied pixels are fetched again through ImageDecoder where the browser
 * has it (Chromium, Firefox), and the first read is kept otherwise.
 * @throws when the browser cannot decode the file (not an image, or a format it lacks, like HEIC on Android).
 */
export async function decodeImagePixels(file: Blob): Promise<PixelImage> {
  const bitmap = await createImageBitmap(file, BITMAP_OPTIONS);
  let read: ReadPixels;
  try {
    read = await readBitmapPixels(bitmap);
  } finally {
    bitmap.close();
  }
  const { image, opaque } = read;
  if (!opaque && file.type !== 'image/jpeg' && hasTranslucentPixel(image.data)) {
    const exact = await decodeUnpremultiplied(file).catch(() => null);
    if (exact !== null && exact.width === image.width && exact.height === image.height) return exact;
  }
  return image;
}

/** RGBA pixels of a bitmap: an image, or a video frame the page transferred here. */
export async function readBitmap(bitmap: ImageBitmap): Promise<PixelImage> {
  return (await readBitmapPixels(bitmap)).image;
}

/**
 * RGBA pixels of a decoded video frame as stored in the file: no turn applied, which is how the
 * vPDQ reference decodes (`-noautorotate`). The browser converts YUV to RGB in `copyTo`; engines
 * that cannot convert there draw the frame through a bitmap instead, and any quarter turn they
 * applied (seen from the swapped size) is undone.
 */
export async function readVideoFrame(frame: VideoFrame): Promise<PixelImage> {
  const { width, height } = frame.visibleRect ?? { width: frame.codedWidth, height: frame.codedHeight };
  // An engine that ignores `format` reports the size of its own YUV layout here, not of RGBA.
  if (frame.allocationSize({ format: 'RGBA' }) === width * height * 4) {
    const data = new Uint8Array(width * height * 4);
    await frame.copyTo(data, { format: 'RGBA', layout: [{ offset: 0, stride: width * 4 }] });
    return { data, width, height, channels: 4 };
  }
  const bitmap = await createImageBitmap(frame);
  try {
    const image = await readBitmap(bitmap);
    const turn = (frame as VideoFrame & { rotation?: number }).rotation ?? 0;
    const swapped = image.width === height && image.height === width && width !== height;
    return (turn === 90 || turn === 270) && swapped ? unrotate(image, turn) : image;
  } finally {
    bitmap.close();
  }
}

interface ReadPixels {
  image: PixelImage;
  /** The pixel format itself says there is no alpha (RGBX, BGRX). */
  opaque: boolean;
}

async function readBitmapPixels(bitmap: ImageBitmap): Promise<ReadPixels> {
  if (typeof VideoFrame !== 'undefined') {
    const copied = await readThroughVideoFrame(bitmap).catch(() => null);
    if (copied !== null) return copied;
  }
  return { image: readThroughCanvas(bitmap), opaque: false };
}

// A VideoFrame made from a bitmap wraps the decoded pixels; copying them out in their own format
// is a memcpy (about 40% faster than drawImage + getImageData for a 12 MP photo), and asking for
// no conversion means no colour or alpha processing on the way.
async function readThroughVideoFrame(bitmap: ImageBitmap): Promise<ReadPixels | null> {
  const frame = new VideoFrame(bitmap, { timestamp: 0 });
  try {
    const { format, displayWidth: width, displayHeight: height } = frame;
    if (format === null || !PACKED_FORMATS.has(format) || frame.allocationSize() !== width * height * 4) return null;
    const data = new Uint8Array(width * height * 4);
    await frame.copyTo(data, { layout: [{ offset: 0, stride: width * 4 }] });
    if (format.startsWith('BGR')) swapRedBlue(data);
    return { image: { data, width, height, channels: 4 }, opaque: format.endsWith('X') };
  } finally {
    frame.close();
  }
}

const PACKED_FORMATS: ReadonlySet<string> = new Set(['RGBA', 'RGBX', 'BGRA', 'BGRX']);

function readThroughCanvas(bitmap: ImageBitmap): PixelImage {
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  // willReadFrequently keeps the canvas in memory rather than on the GPU: getImageData is then a copy, not a readback.
  const context = canvas.getContext('2d', { willReadFrequently: true, alpha: true });
  if (context === null) throw new Error('no 2D canvas in this worker');
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, width, height);
  return { data, width, height, channels: 4 };
}

function hasTranslucentPixel(data: Uint8Array | Uint8ClampedArray): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i]! !== 255) return true;
  return false;
}

async function decodeUnpremultiplied(file: Blob): Promise<PixelImage | null> {
  if (typeof ImageDecoder === 'undefined' || file.type === '' || !(await ImageDecoder.isTypeSupported(file.type))) return null;
  const decoder = new ImageDecoder({ data: file.stream(), type: file.type, colorSpaceConversion: 'none', preferAnimation: false });
  try {
    const { image } = await decoder.decode({ frameIndex: 0 });
    try {
      const { format, codedWidth: width, codedHeight: height } = image;
      // Only packed 8-bit RGB(A) layouts are copied as they are; asking for a conversion would premultiply again.
      if (format !== 'RGBA' && format !== 'RGBX' && format !== 'BGRA' && format !== 'BGRX') return null;
      const data = new Uint8Array(width * height * 4);
      await image.copyTo(data, { layout: [{ offset: 0, stride: width * 4 }] });
      if (format.startsWith('BGR')) swapRedBlue(data);
      return { data, width, height, channels: 4 };
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}

function swapRedBlue(data: Uint8Array): void {
  for (let i = 0; i < data.length; i += 4) {
    const blue = data[i]!;
    data[i] = data[i + 2]!;
    data[i + 2] = blue;
  }
}
