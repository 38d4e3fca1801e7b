/**
 * Reads a QR code from RGBA pixels (a canvas ImageData, a decoded image file, a camera frame) with
 * jsQR, a pure-JavaScript decoder: no DOM, no wasm, nothing fetched. Callers load this module
 * lazily (jsQR is 132 kB minified, 46.5 kB gzipped, mostly its Shift_JIS table for kanji-mode
 * codes), so the popup's first paint never pays for it. Dark-on-light
 * and inverted codes are both tried; rotation and perspective are handled by jsQR's locator.
 */
import jsQR from 'jsqr';

export interface RgbaImage {
  /** width × height × 4 bytes, row-major RGBA (what ImageData.data holds). */
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export interface QrDecodeResult {
  text: string;
  /** The QR version (1–40): its size. */
  version: number;
}

export type QrImageErrorCode = 'INVALID_IMAGE' | 'IMAGE_TOO_LARGE';

export class QrImageError extends Error {
  override readonly name = 'QrImageError';
  readonly code: QrImageErrorCode;

  constructor(code: QrImageErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** 4096 × 4096: a phone photo must be scaled down first (decoding more would stall the page). */
export const MAX_QR_PIXELS = 4096 * 4096;

/** The text of the QR code in the image, or null when none is found. Bad pixel buffers throw. */
export function decodeQrFromRgba(image: RgbaImage): QrDecodeResult | null {
  const { data, width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new QrImageError('INVALID_IMAGE', 'The image must have a positive whole width and height');
  }
  if (width * height > MAX_QR_PIXELS) throw new QrImageError('IMAGE_TOO_LARGE', `The image is larger than ${MAX_QR_PIXELS} pixels; scale it down first`);
  if (!(data instanceof Uint8ClampedArray || data instanceof Uint8Array) || data.length !== width * height * 4) {
    throw new QrImageError('INVALID_IMAGE', 'The pixel data must hold 4 bytes (RGBA) per pixel');
  }
  const pixels = data instanceof Uint8ClampedArray ? data : new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  // jsQR's finder-pattern scan counts runs of dark and light pixels, so isolated noisy pixels
  // (sensor noise, JPEG speckle) break it; a second try on a median-filtered copy removes them.
  const found = jsQR(pixels, width, height, { inversionAttempts: 'attemptBoth' }) ?? jsQR(median3x3(pixels, width, height), width, height, { inversionAttempts: 'attemptBoth' });
  if (found === null) return null;
  return { text: found.data, version: found.version };
}

/** A grey 3×3 median of the image (edges copied), as RGBA for jsQR. */
function median3x3(rgba: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    // Rec. 601 luma, integer arithmetic.
    grey[i] = ((rgba[i * 4] ?? 0) * 77 + (rgba[i * 4 + 1] ?? 0) * 150 + (rgba[i * 4 + 2] ?? 0) * 29) >> 8;
  }
  const out = new Uint8ClampedArray(width * height * 4);
  const window = new Uint8Array(9);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v: number;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) {
        v = grey[y * width + x] ?? 0;
      } else {
        let k = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) window[k++] = grey[(y + dy) * width + x + dx] ?? 0;
        window.sort();
        v = window[4] ?? 0;
      }
      const o = (y * width + x) * 4;
      out[o] = v;
      out[o + 1] = v;
      out[o + 2] = v;
      out[o + 3] = 255;
    }
  }
  return out;
}
