/**
 * A dApp's SignerPayloadJSON (the shape @polkadot/extension-inject's Signer.signPayload passes),
 * checked against the runtime the wallet trusts and turned into the bytes to sign:
 *   method ‖ extra of each signed extension ‖ additional-signed of each, in the runtime's order,
 * hashed with blake2b-256 when longer than 256 bytes (sp-runtime SignedPayload). The call is
 * decoded with the node's metadata, never the dApp's, so the approval shows what is signed.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { compact, u32 } from '@polkadot-api/substrate-bindings';
import { concatBytes, equalBytes } from '../../../core/derive/bytes.ts';
import { decodeEra, type Era } from './era.ts';
import { invalid, PolkadotError } from './errors.ts';
import { parseHex, parseUint, toHex } from './hex.ts';
import type { ChainMetadata, DecodedCall } from './metadata.ts';
import { ss58Decode } from './ss58.ts';

/** What the wallet trusts about the chain a payload must be for (read from its node). */
export interface RuntimeContext {
  genesisHash: string;
  specVersion: number;
  transactionVersion: number;
  metadata: ChainMetadata;
}

export interface SignerPayloadJSON {
  address: string;
  blockHash: string;
  blockNumber: string;
  era: string;
  genesisHash: string;
  method: string;
  nonce: string;
  specVersion: string;
  tip: string;
  transactionVersion: string;
  signedExtensions: string[];
  version: number;
  assetId?: unknown;
  metadataHash?: string;
  mode?: number;
  withSignedTransaction?: boolean;
}

export interface CheckedPayload {
  accountId: Uint8Array;
  call: DecodedCall;
  callBytes: Uint8Array;
  era: Era;
  blockNumber: number;
  nonce: bigint;
  tip: bigint;
  /** The signed extensions' "extra" bytes, which go into the extrinsic. */
  extra: Uint8Array;
  /** The bytes the signature covers (hashed by `signingMessage` when over 256 bytes). */
  payload: Uint8Array;
  withSignedTransaction: boolean;
}

/** A call larger than this is refused: a transfer is ~40 bytes, a large batch a few KiB. */
export const MAX_METHOD_BYTES = 128 * 1024;

const ALLOWED_KEYS = new Set(['address', 'assetId', 'blockHash', 'blockNumber', 'era', 'genesisHash', 'metadataHash', 'method', 'mode', 'nonce', 'signedExtensions', 'specVersion', 'tip', 'transactionVersion', 'version', 'withSignedTransaction']);

const isVoid = (t: { type: string; value?: unknown }): boolean => t.type === 'void' || (t.type === 'tuple' && Array.isArray(t.value) && t.value.length === 0) || (t.type === 'struct' && !!t.value && Object.keys(t.value).length === 0);

export function checkSignerPayload(input: unknown, ctx: RuntimeContext): CheckedPayload {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalid('The payload must be a SignerPayloadJSON object');
  const p = input as Record<string, unknown>;
  for (const k of Object.keys(p)) if (!ALLOWED_KEYS.has(k)) throw invalid(`Unknown payload field "${k}"`);

  const genesis = parseHex(p.genesisHash, 'genesisHash', { len: 32 });
  if (toHex(genesis) !== ctx.genesisHash.toLowerCase()) {
    throw new PolkadotError('network', `This payload is for another chain (genesis ${toHex(genesis)}); the selected network's genesis is ${ctx.genesisHash}`);
  }
  if (p.version !== 4) throw invalid('Only extrinsic version 4 payloads are supported');
  if (typeof p.address !== 'string') throw invalid('address must be an SS58 string');
  const addr = ss58Decode(p.address);
  if (!addr.ok) throw invalid(`address: ${addr.message}`);
  const specVersion = Number(parseUint(p.specVersion, 'specVersion', 32));
  const transactionVersion = Number(parseUint(p.transactionVersion, 'transactionVersion', 32));
  if (specVersion !== ctx.specVersion || transactionVersion !== ctx.transactionVersion) {
    throw new PolkadotError('network', `This payload was built for runtime ${specVersion}/${transactionVersion}; the node runs ${ctx.specVersion}/${ctx.transactionVersion}`);
  }
  const callBytes = parseHex(p.method, 'method', { max: MAX_METHOD_BYTES });
  const call = ctx.metadata.decodeCall(callBytes);
  if (!call) throw invalid('method does not decode as one call of this runtime');
  const eraBytes = parseHex(p.era, 'era', { max: 2 });
  const era = decodeEra(eraBytes);
  const blockHash = parseHex(p.blockHash, 'blockHash', { len: 32 });
  if (era.immortal && !equalBytes(blockHash, genesis)) throw invalid('An immortal payload must name the genesis hash as its block hash');
  const blockNumber = Number(parseUint(p.blockNumber, 'blockNumber', 32));
  const nonce = parseUint(p.nonce, 'nonce', 32);
  const tip = parseUint(p.tip, 'tip', 128);
  if (p.withSignedTransaction !== undefined && typeof p.withSignedTransaction !== 'boolean') throw invalid('withSignedTransaction must be a boolean');

  const runtimeExts = ctx.metadata.extensions.map((e) => e.identifier);
  if (!Array.isArray(p.signedExtensions) || p.signedExtensions.some((x) => typeof x !== 'string')) throw invalid('signedExtensions must be a list of names');
  const given = [...(p.signedExtensions as string[])].sort().join(',');
  if (given !== [...runtimeExts].sort().join(',')) throw new PolkadotError('network', `signedExtensions do not match the runtime's (${runtimeExts.join(', ')})`);

  const extra: Uint8Array[] = [];
  const additional: Uint8Array[] = [];
  for (const ext of ctx.metadata.extensions) {
    switch (ext.identifier) {
      case 'CheckSpecVersion':
        additional.push(u32.enc(specVersion));
        break;
      case 'CheckTxVersion':
        additional.push(u32.enc(transactionVersion));
        break;
      case 'CheckGenesis':
        additional.push(genesis);
        break;
      case 'CheckMortality':
        extra.push(eraBytes);
        additional.push(blockHash);
        break;
      case 'CheckNonce':
        extra.push(compact.enc(Number(nonce)));
        break;
      case 'ChargeTransactionPayment':
        extra.push(compact.enc(tip));
        break;
      case 'ChargeAssetTxPayment':
        if (p.assetId !== undefined && p.assetId !== null && p.assetId !== '0x00') throw new PolkadotError('refused', 'Paying the fee in another asset (assetId) is not supported');
        extra.push(compact.enc(tip), Uint8Array.of(0));
        break;
      case 'CheckMetadataHash':
        // Mode 1 commits to a metadata hash the wallet would have to compute itself to trust it.
        if (p.mode !== undefined && p.mode !== 0) throw new PolkadotError('refused', 'CheckMetadataHash mode 1 is not supported; send mode 0');
        extra.push(Uint8Array.of(0));
        additional.push(Uint8Array.of(0));
        break;
      default:
        if (!isVoid(ext.extra) || !isVoid(ext.additional)) throw new PolkadotError('refused', `The runtime's signed extension ${ext.identifier} is not supported`);
    }
  }
  const extraBytes = concatBytes(...extra);
  return {
    accountId: addr.accountId,
    call,
    callBytes,
    era,
    blockNumber,
    nonce,
    tip,
    extra: extraBytes,
    payload: concatBytes(callBytes, extraBytes, ...additional),
    withSignedTransaction: p.withSignedTransaction === true,
  };
}

/** The message an sr25519 signature covers: the payload, or its blake2b-256 when longer than 256 bytes. */
export function signingMessage(payload: Uint8Array): Uint8Array {
  return payload.length > 256 ? blake2b(payload, { dkLen: 32 }) : payload;
}
