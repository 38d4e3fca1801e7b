/**
 * viem 2.x imports @noble/curves 1.x's `secp256k1`; the wallet's own code uses 2.x. This module gives
 * viem the members it reads, with 1.x's shapes, built on 2.x, so the worker carries one Weierstrass
 * curve (wxt.config.ts points viem's import here; src/build/importerAlias.ts). The signatures are
 * the same bytes (RFC 6979 in both majors): tests/unit/nobleShims.test.ts compares them with
 * viem on its own 1.x.
 *
 * 1.x took hex strings and signed a digest as given; 2.x takes bytes and hashes by default, so
 * every call here converts hex and passes `prehash: false`.
 */
import { secp256k1 as curve } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/curves/utils.js';

type Input = string | Uint8Array;
const bytes = (value: Input): Uint8Array => (typeof value === 'string' ? hexToBytes(value) : value);

interface SignOptions {
  lowS?: boolean;
  extraEntropy?: boolean | Uint8Array;
}

/** 1.x's `Signature`: r, s, an optional recovery bit; compact hex; public-key recovery from a digest. */
class Signature {
  readonly r: bigint;
  readonly s: bigint;
  readonly recovery: number | undefined;

  constructor(r: bigint, s: bigint, recovery?: number) {
    const checked = new curve.Signature(r, s, recovery); // 2.x validates r, s and the bit as 1.x did
    this.r = checked.r;
    this.s = checked.s;
    this.recovery = checked.recovery;
  }

  static fromCompact(hex: Input): Signature {
    const sig = curve.Signature.fromBytes(bytes(hex), 'compact');
    return new Signature(sig.r, sig.s);
  }

  addRecoveryBit(recovery: number): Signature {
    return new Signature(this.r, this.s, recovery);
  }

  toCompactHex(): string {
    return new curve.Signature(this.r, this.s).toHex('compact');
  }

  /** The signer's point (`.toHex(false)`: uncompressed) from the signed digest. */
  recoverPublicKey(digest: Input): { toHex(compressed?: boolean): string } {
    return new curve.Signature(this.r, this.s, this.recovery).recoverPublicKey(bytes(digest));
  }
}

export const secp256k1 = {
  Signature,
  /** Signs a 32-byte digest (hex or bytes), as 1.x: `{ r, s, recovery }`. */
  sign(digest: Input, secretKey: Input, options: SignOptions = {}): { r: bigint; s: bigint; recovery: number } {
    const raw = curve.sign(bytes(digest), bytes(secretKey), {
      prehash: false,
      lowS: options.lowS ?? true,
      extraEntropy: options.extraEntropy ?? false,
      format: 'recovered',
    });
    const sig = curve.Signature.fromBytes(raw, 'recovered');
    return { r: sig.r, s: sig.s, recovery: sig.recovery as number };
  },
  getPublicKey(secretKey: Input, compressed = true): Uint8Array {
    return curve.getPublicKey(bytes(secretKey), compressed);
  },
};
