/**
 * Building EOS transactions with @wharfkit/antelope (background and tests only: this file pulls
 * the library, so the popup and the page never import it). TAPoS comes from the head block the
 * node reported: ref_block_num is its number's low 16 bits, ref_block_prefix the little-endian
 * uint32 at bytes 8..11 of its id; the node refuses the transaction on any other fork.
 */
import { ABI, Action, Name, Transaction } from '@wharfkit/antelope';
import { isValidEosAccountName } from './accountName.ts';
import { assetString, type EosSymbol } from './asset.ts';
import { EosError } from './errors.ts';

export interface TaposSource {
  head_block_num: number;
  head_block_id: string;
  /** ISO time of the head block (the node's clock, not the user's). */
  head_block_time: string;
}

export interface TransactionHeaderFields {
  expiration: string;
  ref_block_num: number;
  ref_block_prefix: number;
}

/** Default lifetime of a wallet-built transaction: long enough to confirm, short enough not to linger. */
export const DEFAULT_EXPIRE_SECONDS = 120;

export function taposHeader(info: TaposSource, expireSeconds = DEFAULT_EXPIRE_SECONDS): TransactionHeaderFields {
  if (!/^[0-9a-f]{64}$/i.test(info.head_block_id)) throw new EosError('node', 'The node reported a malformed head block id');
  const id = info.head_block_id;
  // bytes 8..11 of the block id, read little-endian
  const prefix = [8, 9, 10, 11].reduce((acc, i, k) => acc + parseInt(id.slice(i * 2, i * 2 + 2), 16) * 2 ** (8 * k), 0);
  const headMs = Date.parse(`${info.head_block_time.replace(/Z$/, '')}Z`);
  if (!Number.isFinite(headMs)) throw new EosError('node', 'The node reported a malformed head block time');
  const expiration = new Date(headMs + expireSeconds * 1000).toISOString().slice(0, 19);
  return { expiration, ref_block_num: info.head_block_num & 0xffff, ref_block_prefix: prefix };
}

/** The standard token transfer ABI (eosio.token and every token contract that copies it). */
export const TRANSFER_ABI = ABI.from({
  version: 'eosio::abi/1.1',
  structs: [
    {
      name: 'transfer',
      base: '',
      fields: [
        { name: 'from', type: 'name' },
        { name: 'to', type: 'name' },
        { name: 'quantity', type: 'asset' },
        { name: 'memo', type: 'string' },
      ],
    },
  ],
  actions: [{ name: 'transfer', type: 'transfer', ricardian_contract: '' }],
});

export interface TransferParams {
  contract: string;
  from: string;
  permission: string;
  to: string;
  units: bigint;
  symbol: EosSymbol;
  memo: string;
}

export const MAX_MEMO_BYTES = 256;

/** One `<contract>::transfer` action; every field checked the way the contract would. */
export function transferAction(p: TransferParams): Action {
  for (const [label, v] of [['contract', p.contract], ['from', p.from], ['to', p.to], ['permission', p.permission]] as const) {
    if (!isValidEosAccountName(v)) throw new EosError('invalid-account', `Not a valid EOS ${label} name: "${v}"`);
  }
  if (p.from === p.to) throw new EosError('invalid-account', 'Sender and recipient are the same account');
  if (p.units <= 0n) throw new EosError('invalid-amount', 'The amount must be greater than zero');
  if (new TextEncoder().encode(p.memo).length > MAX_MEMO_BYTES) throw new EosError('invalid-params', `The memo is longer than ${MAX_MEMO_BYTES} bytes`);
  return Action.from(
    {
      account: Name.from(p.contract),
      name: 'transfer',
      authorization: [{ actor: p.from, permission: p.permission }],
      data: { from: p.from, to: p.to, quantity: assetString(p.units, p.symbol), memo: p.memo },
    },
    TRANSFER_ABI,
  );
}

export function buildTransaction(header: TransactionHeaderFields, actions: Action[]): Transaction {
  return Transaction.from({ ...header, max_net_usage_words: 0, max_cpu_usage_ms: 0, delay_sec: 0, context_free_actions: [], actions, transaction_extensions: [] });
}
