/**
 * Test images for the QR decoder: a QR code drawn by qrcode-generator (the project's encoder)
 * into RGBA pixels, and the distortions a camera or a screenshot adds: rotation, noise, inversion.
 * Noise comes from a seeded generator so every run sees the same image.
 */
import qrcode from 'qrcode-generator';
import type { RgbaImage } from '../../../src/core/qr/decode.ts';

export function renderQr(text: string, options: { scale?: number; margin?: number; ecc?: 'L' | 'M' | 'Q' | 'H' } = {}): RgbaImage {
  const scale = options.scale ?? 4;
  const margin = options.margin ?? 4;
  const qr = qrcode(0, options.ecc ?? 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const size = (n + 2 * margin) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.floor(y / scale) - margin;
      const c = Math.floor(x / scale) - margin;
      if (r >= 0 && c >= 0 && r < n && c < n && qr.isDark(r, c)) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  return { data, width: size, height: size };
}

/** Rotates by `degrees` about the centre onto a larger white canvas (nearest neighbour). */
export function rotate(image: RgbaImage, degrees: number): RgbaImage {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const size = Math.ceil(Math.hypot(image.width, image.height)) + 8;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  const cx = size / 2;
  const cy = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Inverse mapping: which source pixel lands here.
      const sx = Math.round(cos * (x - cx) + sin * (y - cy) + image.width / 2);
      const sy = Math.round(-sin * (x - cx) + cos * (y - cy) + image.height / 2);
      if (sx < 0 || sy < 0 || sx >= image.width || sy >= image.height) continue;
      const s = (sy * image.width + sx) * 4;
      const d = (y * size + x) * 4;
      data[d] = image.data[s] ?? 255;
      data[d + 1] = image.data[s + 1] ?? 255;
      data[d + 2] = image.data[s + 2] ?? 255;
    }
  }
  return { data, width: size, height: size };
}

/** xorshift32: deterministic noise. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

/** Flips `fraction` of the pixels to a random grey and jitters every pixel by ±`jitter`. */
export function addNoise(image: RgbaImage, fraction: number, jitter: number, seed = 7): RgbaImage {
  const rand = prng(seed);
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) {
    const flip = rand() < fraction;
    const grey = Math.floor(rand() * 256);
    for (let k = 0; k < 3; k++) {
      const v = flip ? grey : (data[i + k] ?? 0) + Math.round((rand() * 2 - 1) * jitter);
      data[i + k] = v;
    }
  }
  return { data, width: image.width, height: image.height };
}

/** Light modules on a dark background (some apps' dark mode). */
export function invert(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) for (let k = 0; k < 3; k++) data[i + k] = 255 - (data[i + k] ?? 0);
  return { data, width: image.width, height: image.height };
}
