/**
 * The build's stand-ins that put viem and @solana/web3.js on @noble 2.x (src/build/stubs/viemSecp256k1.ts,
 * solanaEd25519.ts; wired in wxt.config.ts) against the 1.x copies those libraries bring, which the unit
 * tests still run them on, and against ethers (an independent implementation) for the ECDSA signatures.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { SigningKey } from 'ethers';
import { bytesToHex, recoverPublicKey, serializeSignature } from 'viem';
import { sign as viemSign } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
// @solana/web3.js's own 1.x copy of the curve (what it runs on without the build's alias).
import { ed25519 as ed25519v1 } from '../../node_modules/@solana/web3.js/node_modules/@noble/curves/esm/ed25519.js';
import { ed25519 } from '../../src/build/stubs/solanaEd25519';
import { secp256k1 } from '../../src/build/stubs/viemSecp256k1';

const keyOf = (i: number): Uint8Array => sha256(new TextEncoder().encode(`key ${i}`));
const digestOf = (i: number): Uint8Array => keccak_256(new TextEncoder().encode(`message ${i}`));

describe('viem on secp256k1 2.x', () => {
  it('signs 30 digests to the bytes viem (noble 1.x) and ethers give, and recovers the same public key', async () => {
    for (let i = 0; i < 30; i++) {
      const key = keyOf(i);
      const digest = digestOf(i);
      const ours = secp256k1.sign(bytesToHex(digest).slice(2), bytesToHex(key).slice(2), { lowS: true, extraEntropy: false });
      const viem = await viemSign({ hash: bytesToHex(digest), privateKey: bytesToHex(key) });
      expect(ours.r).toBe(BigInt(viem.r));
      expect(ours.s).toBe(BigInt(viem.s));
      expect(ours.recovery).toBe(viem.yParity);
      const ethers = new SigningKey(key).sign(digest);
      expect(ours.r).toBe(BigInt(ethers.r));
      expect(ours.s).toBe(BigInt(ethers.s));
      expect(ours.recovery).toBe(ethers.yParity);

      const compact = new secp256k1.Signature(ours.r, ours.s).toCompactHex();
      expect(`0x${compact}${ours.recovery ? '1c' : '1b'}`).toBe(serializeSignature(viem));
      const recovered = secp256k1.Signature.fromCompact(compact).addRecoveryBit(ours.recovery).recoverPublicKey(bytesToHex(digest).slice(2)).toHex(false);
      expect(`0x${recovered}`).toBe(await recoverPublicKey({ hash: digest, signature: serializeSignature(viem) }));
      expect(`0x${recovered}`).toBe(new SigningKey(key).publicKey);
      expect(bytesToHex(secp256k1.getPublicKey(bytesToHex(key).slice(2), false))).toBe(new SigningKey(key).publicKey);
    }
  });

  it('rejects what 1.x rejected: r or s out of range, a bad recovery bit', () => {
    expect(() => new secp256k1.Signature(0n, 1n)).toThrow();
    expect(() => new secp256k1.Signature(1n, 1n).addRecoveryBit(7)).toThrow();
    expect(() => secp256k1.Signature.fromCompact('00'.repeat(63))).toThrow();
  });
});

describe('@solana/web3.js on ed25519 2.x', () => {
  it('signs, verifies and derives public keys as its 1.x copy does', () => {
    for (let i = 0; i < 20; i++) {
      const key = keyOf(i);
      const message = digestOf(i);
      expect(bytesToHex(ed25519.getPublicKey(key))).toBe(bytesToHex(ed25519v1.getPublicKey(key)));
      const sig = ed25519.sign(message, key);
      expect(bytesToHex(sig)).toBe(bytesToHex(ed25519v1.sign(message, key)));
      expect(ed25519.verify(sig, message, ed25519.getPublicKey(key))).toBe(true);
      expect(ed25519.verify(sig, digestOf(i + 1), ed25519.getPublicKey(key))).toBe(false);
      expect(ed25519.utils.randomPrivateKey()).toHaveLength(32);
    }
  });

  it('decides "on the curve" (PublicKey.isOnCurve, program addresses) as 1.x for 500 byte strings', () => {
    const onCurve = (decode: (b: Uint8Array) => unknown, b: Uint8Array): boolean => {
      try {
        decode(b);
        return true;
      } catch {
        return false;
      }
    };
    let on = 0;
    for (let i = 0; i < 500; i++) {
      const candidate = sha256(new TextEncoder().encode(`candidate ${i}`));
      const ours = onCurve((b) => ed25519.ExtendedPoint.fromHex(b), candidate);
      expect(ours).toBe(onCurve((b) => ed25519v1.ExtendedPoint.fromHex(b), candidate));
      if (ours) on++;
    }
    expect(on).toBeGreaterThan(100); // about half of random strings decode: both outcomes were exercised
    expect(on).toBeLessThan(400);
    // y ≥ p (non-canonical): rejected without ZIP-215, by both
    const nonCanonical = new Uint8Array(32).fill(0xff);
    nonCanonical[31] = 0x7f;
    expect(onCurve((b) => ed25519.ExtendedPoint.fromHex(b), nonCanonical)).toBe(onCurve((b) => ed25519v1.ExtendedPoint.fromHex(b), nonCanonical));
  });
});
