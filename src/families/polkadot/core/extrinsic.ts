/**
 * Signed extrinsics (format v4): compact(length) ‖ 0x84 ‖ address ‖ signature ‖ extra ‖ call, the
 * address and signature in the runtime's own types (MultiAddress::Id and MultiSignature::Sr25519
 * on Polkadot and Kusama, found by name in the metadata rather than assumed).
 */
import { compact } from '@polkadot-api/substrate-bindings';
import * as sr25519 from '@scure/sr25519';
import { concatBytes } from '../../../core/derive/bytes.ts';
import { PolkadotError } from './errors.ts';
import type { ChainMetadata } from './metadata.ts';
import { signingMessage } from './payload.ts';

function variantIndex(md: ChainMetadata, typeId: number | undefined, variant: string): number | 'plain' {
  if (typeId === undefined) return variant === 'Id' ? 0 : 1; // v14 metadata: the usual MultiAddress / MultiSignature
  const t = md.lookup(typeId);
  if (t.type === 'AccountId32' && variant === 'Id') return 'plain';
  if (t.type === 'enum') {
    const v = (t.value as Record<string, { idx: number }>)[variant];
    if (v) return v.idx;
  }
  throw new PolkadotError('node', `The runtime's ${variant === 'Id' ? 'address' : 'signature'} type has no ${variant} form`);
}

export function encodeSignedExtrinsic(md: ChainMetadata, accountId: Uint8Array, signature: Uint8Array, extra: Uint8Array, call: Uint8Array): Uint8Array {
  const ext = md.metadata.extrinsic as { address?: number; signature?: number };
  const a = variantIndex(md, ext.address, 'Id');
  const s = variantIndex(md, ext.signature, 'Sr25519');
  const address = a === 'plain' ? accountId : concatBytes(Uint8Array.of(a), accountId);
  const sig = concatBytes(Uint8Array.of(s as number), signature);
  const body = concatBytes(Uint8Array.of(0x84), address, sig, extra, call);
  return concatBytes(compact.enc(body.length), body);
}

/** sr25519 signature over a signing payload (hashed when long), with a 64-byte @scure/sr25519 secret. */
export function signPayload(secretKey: Uint8Array, payload: Uint8Array): Uint8Array {
  return sr25519.sign(secretKey, signingMessage(payload));
}

/** MultiSignature::Sr25519 as the polkadot.js extension returns it from signPayload (type byte 0x01 ‖ 64 bytes). */
export function withSr25519Type(signature: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(1), signature);
}
