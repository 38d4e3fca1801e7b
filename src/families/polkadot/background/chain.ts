/**
 * One connection to one network's node, checked before use: system_properties must match the
 * network's SS58 prefix, decimals and symbol, and the genesis hash a built-in network's. Metadata
 * (for decoding and encoding calls) is read from this node and cached per runtime version, so what
 * the wallet shows and signs follows the runtime it trusts, never a dApp's copy.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { u32 } from '@polkadot-api/substrate-bindings';
import { accountBalances, type PolkadotBalances } from '../core/balances.ts';
import { checkChainProperties, checkGenesis, type PolkadotNetwork } from '../core/chains.ts';
import { PolkadotError } from '../core/errors.ts';
import { toHex } from '../core/hex.ts';
import { ChainMetadata } from '../core/metadata.ts';
import type { RuntimeContext } from '../core/payload.ts';
import { SubstrateRpc, type RpcOptions } from './rpc.ts';

export interface ChainRuntime extends RuntimeContext {
  network: PolkadotNetwork;
  existentialDeposit: bigint;
}

export class ChainSession {
  readonly rpc: SubstrateRpc;
  private runtimeCache: Promise<ChainRuntime> | null = null;
  private metadataBySpec = new Map<number, ChainMetadata>();

  constructor(
    readonly network: PolkadotNetwork,
    readonly endpoint: string,
    rpcOpts: RpcOptions = {},
  ) {
    this.rpc = new SubstrateRpc(endpoint, rpcOpts);
  }

  /** The checked runtime (properties, genesis, versions, metadata); re-read when the spec version changes. */
  async runtime(): Promise<ChainRuntime> {
    const cached = this.runtimeCache;
    if (cached) {
      const rt = await cached.catch(() => null);
      const now = rt && (await this.rpc.request<{ specVersion: number }>('state_getRuntimeVersion'));
      if (rt && now && now.specVersion === rt.specVersion) return rt;
    }
    this.runtimeCache = this.load();
    return this.runtimeCache;
  }

  private async load(): Promise<ChainRuntime> {
    const [props, genesisHash, version] = await Promise.all([
      this.rpc.request('system_properties'),
      this.rpc.request<string>('chain_getBlockHash', [0]),
      this.rpc.request<{ specVersion: number; transactionVersion: number }>('state_getRuntimeVersion'),
    ]);
    checkChainProperties(this.network, props);
    if (typeof genesisHash !== 'string' || !/^0x[0-9a-f]{64}$/i.test(genesisHash)) throw new PolkadotError('node', 'The node sent no genesis hash');
    checkGenesis(this.network, genesisHash);
    let metadata = this.metadataBySpec.get(version.specVersion);
    if (!metadata) {
      const v15 = await this.rpc.request<string>('state_call', ['Metadata_metadata_at_version', '0x0f000000']).catch(() => null);
      metadata = v15 ? ChainMetadata.fromRpc(v15, 'metadata_at_version') : ChainMetadata.fromRpc(await this.rpc.request<string>('state_getMetadata'), 'state_getMetadata');
      this.metadataBySpec.set(version.specVersion, metadata);
    }
    if (metadata.ss58Prefix !== undefined && metadata.ss58Prefix !== this.network.ss58) {
      throw new PolkadotError('node', `The runtime's SS58 prefix is ${metadata.ss58Prefix}, not ${this.network.name}'s ${this.network.ss58}`);
    }
    const existentialDeposit = BigInt(metadata.constant('Balances', 'ExistentialDeposit') as bigint);
    return { network: this.network, genesisHash: genesisHash.toLowerCase(), specVersion: version.specVersion, transactionVersion: version.transactionVersion, metadata, existentialDeposit };
  }

  async balances(address: string): Promise<PolkadotBalances> {
    const rt = await this.runtime();
    const st = rt.metadata.storage('System', 'Account');
    const raw = await this.rpc.request<string | null>('state_getStorage', [st.key(address)]);
    const info = (raw ? st.decode(raw) : st.fallback) as { data?: Record<string, unknown> } | undefined;
    return accountBalances(info?.data, rt.existentialDeposit);
  }

  /** The next nonce, counting the node's pool (system_accountNextIndex). */
  nonce(address: string): Promise<number> {
    return this.rpc.request<number>('system_accountNextIndex', [address]);
  }

  /** The best block: number and hash, for a mortal era's birth. */
  async bestBlock(): Promise<{ number: number; hash: string }> {
    const header = await this.rpc.request<{ number: string }>('chain_getHeader');
    const number = Number(BigInt(header.number));
    const hash = await this.rpc.request<string>('chain_getBlockHash', [number]);
    return { number, hash };
  }

  /**
   * The partial fee (planck) of an extrinsic of exactly this size and call: the runtime's
   * TransactionPaymentApi.query_info, which the payment_queryInfo RPC wraps (and which answers on
   * nodes that dropped that RPC), decoded with the node's metadata.
   */
  async fee(extrinsic: Uint8Array): Promise<bigint> {
    const rt = await this.runtime();
    const api = rt.metadata.runtimeApi('TransactionPaymentApi', 'query_info');
    // Arguments: the extrinsic's own SCALE encoding (it carries its length prefix) ‖ u32 LE length.
    const args = concatBytes(extrinsic, u32.enc(extrinsic.length));
    const out = await this.rpc.request<string>('state_call', ['TransactionPaymentApi_query_info', toHex(args)]);
    const info = api.decode(out) as { partial_fee?: unknown };
    if (typeof info?.partial_fee !== 'bigint') throw new PolkadotError('node', 'The node sent a fee estimate without a partial fee');
    return info.partial_fee;
  }

  /**
   * Submits and follows the extrinsic until it is finalized (or dropped / invalid). `onStatus`
   * gets each status name; the promise resolves with the extrinsic hash once the node accepted it.
   */
  async submit(extrinsic: Uint8Array, onStatus: (status: string, blockHash?: string) => void): Promise<string> {
    const hash = toHex(blake2b(extrinsic, { dkLen: 32 }));
    let unsubscribe: (() => Promise<void>) | null = null;
    let done = false;
    unsubscribe = await this.rpc.subscribe('author_submitAndWatchExtrinsic', [toHex(extrinsic)], 'author_unwatchExtrinsic', (result) => {
      const status = typeof result === 'string' ? result : Object.keys(result as object)[0] ?? 'unknown';
      const block = typeof result === 'object' && result ? (Object.values(result as object)[0] as unknown) : undefined;
      onStatus(status, typeof block === 'string' ? block : undefined);
      if (['finalized', 'dropped', 'invalid', 'usurped', 'finalityTimeout'].includes(status)) {
        done = true;
        void unsubscribe?.();
      }
    });
    if (done) void unsubscribe();
    return hash;
  }

  close(): void {
    this.rpc.close();
  }
}

export const hexBytes = (h: string): Uint8Array => hexToBytes(h.replace(/^0x/, ''));
