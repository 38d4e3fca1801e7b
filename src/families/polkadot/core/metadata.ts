/**
 * A runtime's metadata, decoded once, with the codecs the wallet needs: the outer call enum (to
 * decode what a dApp asks to sign and to encode our own transfers), the signed extensions in the
 * runtime's order, the address and signature shapes of a signed extrinsic, constants and storage.
 * The bytes come from the node the wallet trusts (state_call Metadata_metadata_at_version 15, or
 * state_getMetadata), never from a dApp. Codecs: @polkadot-api/metadata-builders.
 */
import { getDynamicBuilder, getLookupFn, type LookupEntry, type MetadataLookup } from '@polkadot-api/metadata-builders';
import { Bytes, decAnyMetadata, Option, unifyMetadata, type UnifiedMetadata } from '@polkadot-api/substrate-bindings';
import { PolkadotError } from './errors.ts';
import { toHex } from './hex.ts';

type Codec = { enc(v: unknown): Uint8Array; dec(v: Uint8Array | string): unknown };

export interface SignedExtensionInfo {
  identifier: string;
  /** The "extra" part, included in the extrinsic. */
  extra: LookupEntry;
  /** The "additional signed" part, only in the signing payload. */
  additional: LookupEntry;
}

/** A decoded call: pallet and method names as the metadata spells them, arguments as decoded values. */
export interface DecodedCall {
  pallet: string;
  method: string;
  args: Record<string, unknown>;
}

export class ChainMetadata {
  readonly lookup: MetadataLookup;
  readonly extensions: readonly SignedExtensionInfo[];
  readonly ss58Prefix: number | undefined;
  private readonly builder: ReturnType<typeof getDynamicBuilder>;
  private readonly callCodec: Codec;

  constructor(readonly metadata: UnifiedMetadata) {
    if (metadata.version < 14) throw new PolkadotError('node', `Metadata v${metadata.version} is not supported (v14 or later needed)`);
    if (!metadata.extrinsic.version.includes(4)) throw new PolkadotError('node', 'The runtime does not accept version-4 signed extrinsics');
    this.lookup = getLookupFn(metadata);
    this.builder = getDynamicBuilder(this.lookup);
    if (this.lookup.call === null) throw new PolkadotError('node', 'The metadata names no call type');
    this.callCodec = this.builder.buildDefinition(this.lookup.call) as Codec;
    const exts = metadata.extrinsic.signedExtensions[0] ?? [];
    this.extensions = exts.map((e) => ({ identifier: e.identifier, extra: this.lookup(e.type), additional: this.lookup(e.additionalSigned) }));
    this.ss58Prefix = this.builder.ss58Prefix;
  }

  /** From the answer of state_call('Metadata_metadata_at_version', 15) (an Option<OpaqueMetadata>) or state_getMetadata. */
  static fromRpc(hexOrBytes: string | Uint8Array, source: 'metadata_at_version' | 'state_getMetadata'): ChainMetadata {
    try {
      const raw = source === 'metadata_at_version' ? Option(Bytes()).dec(hexOrBytes) : typeof hexOrBytes === 'string' ? hexOrBytes : hexOrBytes;
      if (raw === undefined) throw new PolkadotError('node', 'The node has no metadata of that version');
      return new ChainMetadata(unifyMetadata(decAnyMetadata(raw)));
    } catch (err) {
      if (err instanceof PolkadotError) throw err;
      throw new PolkadotError('node', 'The node sent metadata that does not decode');
    }
  }

  /** Encodes a call given as { pallet, method, args } (args as the codecs take them). */
  encodeCall(pallet: string, method: string, args: Record<string, unknown>): Uint8Array {
    return this.callCodec.enc({ type: pallet, value: { type: method, value: args } });
  }

  /**
   * Decodes `bytes` as exactly one call. Returns null when they do not decode, or when bytes are
   * left over (a call followed by anything is not "a call").
   */
  decodeCall(bytes: Uint8Array): DecodedCall | null {
    const r = this.decodeCallPrefix(bytes);
    return r && r.length === bytes.length ? r.call : null;
  }

  /** Decodes a call at the start of `bytes`; `length` is how many bytes it took. */
  decodeCallPrefix(input: Uint8Array): { call: DecodedCall; length: number } | null {
    // A copy: a subarray view would be read from its buffer's start.
    const bytes = input.slice();
    try {
      const v = this.callCodec.dec(bytes) as { type: string; value: { type: string; value: unknown } };
      // scale-ts ignores trailing bytes: re-encoding tells how many the call used.
      const length = this.callCodec.enc(v).length;
      if (length > bytes.length || toHex(this.callCodec.enc(v)) !== toHex(bytes.subarray(0, length))) return null;
      const args = v.value.value;
      return { call: { pallet: v.type, method: v.value.type, args: args && typeof args === 'object' && !(args instanceof Uint8Array) ? (args as Record<string, unknown>) : {} }, length };
    } catch {
      return null;
    }
  }

  /** A constant's decoded value (e.g. Balances.ExistentialDeposit). */
  constant(pallet: string, name: string): unknown {
    const p = this.metadata.pallets.find((x) => x.name === pallet);
    const c = p?.constants.find((x) => x.name === name);
    if (!c) throw new PolkadotError('node', `The runtime has no constant ${pallet}.${name}`);
    return this.builder.buildConstant(pallet, name).dec(c.value);
  }

  hasCall(pallet: string, method: string): boolean {
    try {
      this.builder.buildCall(pallet, method);
      return true;
    } catch {
      return false;
    }
  }

  /** Storage key and value codec of a map or plain entry. */
  storage(pallet: string, entry: string): { key(...args: unknown[]): string; decode(hex: string): unknown; fallback: unknown } {
    const s = this.builder.buildStorage(pallet, entry);
    return { key: (...args) => s.keys.enc(...args), decode: (hex) => s.value.dec(hex), fallback: s.fallback };
  }

  /** A runtime API's argument encoder and result decoder (e.g. TransactionPaymentApi.query_info). */
  runtimeApi(api: string, method: string): { encodeArgs(...args: unknown[]): Uint8Array; decode(hex: string): unknown } {
    const r = this.builder.buildRuntimeCall(api, method);
    return { encodeArgs: (...args) => r.args.enc(args), decode: (hex) => r.value.dec(hex) };
  }

  /** The codec of any type by lookup id. */
  codec(id: number): Codec {
    return this.builder.buildDefinition(id) as Codec;
  }
}
