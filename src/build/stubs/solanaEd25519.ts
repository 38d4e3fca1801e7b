/**
 * @solana/web3.js imports @noble/curves 1.x's `ed25519`; the wallet's own code uses 2.x. This module
 * gives web3.js the few members it reads, built on 2.x, so the worker carries one Edwards curve
 * (wxt.config.ts points web3.js's import here; src/build/importerAlias.ts). Same semantics as 1.x:
 * `ExtendedPoint.fromHex(bytes)` decodes without ZIP-215 (1.x's default; PublicKey.isOnCurve for
 * program addresses), `verify` with ZIP-215 (the default of both majors).
 */
import { ed25519 as curve } from '@noble/curves/ed25519.js';

export const ed25519 = {
  getPublicKey: (secretKey: Uint8Array): Uint8Array => curve.getPublicKey(secretKey),
  sign: (message: Uint8Array, secretKey: Uint8Array): Uint8Array => curve.sign(message, secretKey),
  verify: (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean => curve.verify(signature, message, publicKey),
  utils: { randomPrivateKey: (): Uint8Array => curve.utils.randomSecretKey() },
  ExtendedPoint: { fromHex: (bytes: Uint8Array) => curve.Point.fromBytes(bytes, false) },
};
