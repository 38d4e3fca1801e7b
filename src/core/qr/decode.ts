/**
 * Reads a QR code from RGBA pixels (a canvas ImageData, a decoded image file, a camera frame) with
 * jsQR, a pure-JavaScript decoder: no DOM, no wasm, nothing fetched. Callers load this module
 * lazily (it weighs ~13 kB gzipped), so the popup's first paint never pays for it. Dark-on-light
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
  const found = jsQR(pixels, width, height, { inversionAttempts: 'attemptBoth' });
  if (found === null) return null;
  return { text: found.data, version: found.version };
}
