/**
 * The chain-API client (nodeos /v1/chain/*) over the one JSON transport (src/core/net/jsonHttp.ts).
 * Every use starts from get_info, whose chain id must be the network's (a custom network takes its
 * node's id): a node of another chain never gets a signature meant for this one. nodeos errors
 * (`{ error: { name, details: [{ message }] } }`) become EosError('node') with the node's own words.
 */
import { ABI } from '@wharfkit/antelope';
import { postJson, TransportError } from '../../../core/net/jsonHttp';
import { EosError } from '../core/errors';
import { checkChainId, type EosNetwork } from '../core/networks';
import type { NetworkInfo } from '../../types';

const TIMEOUT_MS = 15_000;
const MAX_BYTES = 4 * 1024 * 1024;

export interface ChainInfo {
  chain_id: string;
  head_block_num: number;
  head_block_id: string;
  head_block_time: string;
  last_irreversible_block_num: number;
}

export class NodeError extends EosError {
  readonly errorName: string;
  constructor(errorName: string, message: string) {
    super('node', message);
    this.errorName = errorName;
  }
}

export class EosApi {
  readonly url: string;
  readonly network: EosNetwork;
  #abis = new Map<string, Promise<ABI | null>>();

  constructor(network: NetworkInfo, url: string) {
    if (!url) throw new EosError('node', `No node URL is set for ${network.name}: add one in Settings → network endpoints`);
    this.url = url;
    this.network = network as EosNetwork;
  }

  async call<T>(path: string, body: unknown, api: 'chain' | 'history' = 'chain'): Promise<T> {
    let res: { status: number; json: unknown };
    try {
      res = await postJson(`${this.url}/v1/${api}/${path}`, body, { timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_BYTES });
    } catch (e) {
      if (e instanceof TransportError) throw new NodeError(e.kind, `The EOS node did not answer: ${e.message}`);
      throw e;
    }
    const j = res.json as { error?: { name?: string; what?: string; details?: { message?: string }[] } } | null;
    if (res.status >= 400 || (j && typeof j === 'object' && j.error)) {
      const err = j?.error;
      const detail = err?.details?.[0]?.message ?? err?.what ?? `HTTP ${res.status}`;
      throw new NodeError(err?.name ?? `http_${res.status}`, detail);
    }
    return res.json as T;
  }

  /** get_info with the chain id checked; every other call follows one of these. */
  async info(): Promise<ChainInfo> {
    const i = await this.call<ChainInfo>('get_info', {});
    i.chain_id = checkChainId(this.network, i.chain_id);
    if (typeof i.head_block_id !== 'string' || typeof i.head_block_num !== 'number') throw new EosError('node', 'The node reported no head block');
    return i;
  }

  account(name: string): Promise<Record<string, unknown>> {
    return this.call('get_account', { account_name: name });
  }

  /** The account, or null when the node says it does not exist. */
  async accountOrNull(name: string): Promise<Record<string, unknown> | null> {
    try {
      return await this.account(name);
    } catch (e) {
      if (e instanceof NodeError && /unknown key|does not exist|Unable to retrieve account/i.test(e.message)) return null;
      throw e;
    }
  }

  async balance(contract: string, account: string, symbol: string): Promise<string | null> {
    const rows = await this.call<unknown>('get_currency_balance', { code: contract, account, symbol });
    return Array.isArray(rows) && typeof rows[0] === 'string' ? rows[0] : null;
  }

  accountsByKey(key: string): Promise<unknown> {
    return this.call('get_accounts_by_authorizers', { accounts: [], keys: [key] });
  }

  /** The contract's ABI as the chain serves it (cached per client), or null when it has none. */
  abi(account: string): Promise<ABI | null> {
    let p = this.#abis.get(account);
    if (!p) {
      p = this.call<{ abi?: unknown }>('get_abi', { account_name: account }).then((r) => (r.abi ? ABI.from(r.abi as never) : null));
      p.catch(() => this.#abis.delete(account));
      this.#abis.set(account, p);
    }
    return p;
  }

  pushTransaction(signatures: string[], packedTrxHex: string): Promise<{ transaction_id: string; processed?: { block_num?: number } }> {
    return this.call('push_transaction', { signatures, compression: 0, packed_context_free_data: '', packed_trx: packedTrxHex });
  }

  /** The history plugin's get_actions (v1 shape, also served by Hyperion); a node without it answers 404. */
  async actions(body: unknown): Promise<unknown> {
    try {
      return await this.call('get_actions', body, 'history');
    } catch (e) {
      if (e instanceof NodeError && (/^http_40[45]$/.test(e.errorName) || /Unknown Endpoint/i.test(e.message))) throw new EosError('node', 'This EOS node has no history API (/v1/history/get_actions): incoming transfers cannot be listed');
      throw e;
    }
  }

  transactionStatus(id: string): Promise<{ state?: string; block_number?: number }> {
    return this.call('get_transaction_status', { id });
  }
}
