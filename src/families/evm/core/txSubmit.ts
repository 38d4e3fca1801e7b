/**
 * The EVM transaction pipeline's second half (the first is transaction.ts): apply the user's fee
 * edits, check funds before
 * anything is signed, assign a nonce (node pending nonce + local tracker), sign with viem and
 * broadcast, then poll for the receipt. Every RPC failure a dApp should see keeps the node's
 * code/message/data.
 */
import { getAddress, type Address, type Hash, type Hex, type TransactionSerializable } from 'viem';
import { signTransaction as viemSignTransaction } from 'viem/accounts';
import { InsufficientFundsError, invalidParams, PROVIDER_ERROR_CODES, ProviderRpcError } from './errors.ts';
import { formatTokenAmount, readTokenBalance } from './erc20.ts';
import type { NativeCurrency } from './networks.ts';
import { releaseNonce, reserveNextNonce, reserveNonce, type NonceTrackerState } from './nonce.ts';
import { rpcErrorToProviderError, type RpcClient } from './rpc.ts';
import { privateKeyHex, type PrivateKeyInput } from './validate.ts';
import { SIMPLE_TRANSFER_GAS, type FeeFields, type PreparedTransaction, type TransferToken } from './transaction.ts';

// ---------------------------------------------------------------------------------------------
// The user's edits and the fee bound

export interface TxOverrides {
  gas?: bigint;
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
  nonce?: number;
}

/** Applies the user's edits from the approval screen; refuses inconsistent values. */
export function applyOverrides(prepared: PreparedTransaction, o: TxOverrides): PreparedTransaction {
  const next: PreparedTransaction = { ...prepared, source: { ...prepared.source } };
  if (o.gas !== undefined) {
    if (o.gas < SIMPLE_TRANSFER_GAS) throw invalidParams(`gas must be at least ${SIMPLE_TRANSFER_GAS}`);
    next.gas = o.gas;
    next.source.gas = 'user';
  }
  if (o.gasPrice !== undefined || o.maxFeePerGas !== undefined || o.maxPriorityFeePerGas !== undefined) {
    if (prepared.fee.type === 'legacy') {
      if (o.maxFeePerGas !== undefined || o.maxPriorityFeePerGas !== undefined) throw invalidParams('this transaction uses gasPrice (legacy fees)');
      if (o.gasPrice !== undefined) next.fee = { type: 'legacy', gasPrice: o.gasPrice };
    } else {
      if (o.gasPrice !== undefined) throw invalidParams('this transaction uses maxFeePerGas/maxPriorityFeePerGas (EIP-1559 fees)');
      const maxFeePerGas = o.maxFeePerGas ?? prepared.fee.maxFeePerGas;
      const maxPriorityFeePerGas = o.maxPriorityFeePerGas ?? prepared.fee.maxPriorityFeePerGas;
      if (maxPriorityFeePerGas > maxFeePerGas) throw invalidParams('maxPriorityFeePerGas cannot exceed maxFeePerGas');
      next.fee = { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas };
    }
    next.source.fee = 'user';
  }
  if (o.nonce !== undefined) {
    if (!Number.isSafeInteger(o.nonce) || o.nonce < 0) throw invalidParams('nonce must be a non-negative integer');
    next.nonce = o.nonce;
  }
  return next;
}

/** Highest fee per gas the transaction may pay. */
export function maxFeePerGasOf(fee: FeeFields): bigint {
  return fee.type === 'legacy' ? fee.gasPrice : fee.maxFeePerGas;
}

/** gas × max fee: the most the network fee can cost. */
export function maxNetworkFee(prepared: Pick<PreparedTransaction, 'gas' | 'fee'>): bigint {
  return prepared.gas * maxFeePerGasOf(prepared.fee);
}

// ---------------------------------------------------------------------------------------------
// Funds

export interface FundsCheckOptions {
  native: NativeCurrency;
  /** For an ERC-20 transfer: the token and the amount sent. */
  token?: TransferToken & { amount: bigint };
}

/**
 * Before signing: native balance must cover value + gas × max fee, and the token balance the token
 * amount. Throws InsufficientFundsError (code INSUFFICIENT_FUNDS) naming the shortfall.
 */
export async function checkSufficientFunds(rpc: RpcClient, prepared: PreparedTransaction, opts: FundsCheckOptions): Promise<void> {
  const [nativeBalance, tokenBalance] = await Promise.all([
    rpc.request<string>('eth_getBalance', [prepared.from, 'pending']).then((b) => BigInt(b)),
    opts.token ? readTokenBalance(rpc, opts.token.address, prepared.from) : Promise.resolve(undefined),
  ]);
  const { symbol, decimals } = opts.native;
  const networkFee = maxNetworkFee(prepared);
  if (opts.token && tokenBalance !== undefined && tokenBalance < opts.token.amount) {
    const shortfall = opts.token.amount - tokenBalance;
    const t = opts.token;
    throw new InsufficientFundsError(
      { asset: 'token', symbol: t.symbol, decimals: t.decimals, required: t.amount, available: tokenBalance, shortfall },
      `Insufficient ${t.symbol}: sending ${formatTokenAmount(t.amount, t.decimals, t.symbol)} but the balance is ${formatTokenAmount(tokenBalance, t.decimals, t.symbol)} (short by ${formatTokenAmount(shortfall, t.decimals, t.symbol)}).`,
    );
  }
  const required = prepared.value + networkFee;
  if (nativeBalance < required) {
    const shortfall = required - nativeBalance;
    const what = prepared.value > 0n ? 'amount + max network fee' : 'max network fee';
    throw new InsufficientFundsError(
      { asset: 'native', symbol, decimals, required, available: nativeBalance, shortfall },
      `Insufficient ${symbol}: ${what} is ${formatTokenAmount(required, decimals, symbol)} but the balance is ${formatTokenAmount(nativeBalance, decimals, symbol)} (short by ${formatTokenAmount(shortfall, decimals, symbol)}).`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Signing and sending

/** The viem serializable form; `nonce` must be set. */
export function toSerializable(prepared: PreparedTransaction & { nonce: number }): TransactionSerializable {
  const base = {
    chainId: prepared.chainId,
    nonce: prepared.nonce,
    gas: prepared.gas,
    value: prepared.value,
    ...(prepared.to !== undefined ? { to: prepared.to } : {}),
    ...(prepared.data !== undefined ? { data: prepared.data } : {}),
  };
  if (prepared.fee.type === 'eip1559') {
    return {
      ...base,
      type: 'eip1559',
      maxFeePerGas: prepared.fee.maxFeePerGas,
      maxPriorityFeePerGas: prepared.fee.maxPriorityFeePerGas,
      ...(prepared.accessList !== undefined ? { accessList: prepared.accessList } : {}),
    };
  }
  if (prepared.accessList !== undefined) return { ...base, type: 'eip2930', gasPrice: prepared.fee.gasPrice, accessList: prepared.accessList };
  return { ...base, type: 'legacy', gasPrice: prepared.fee.gasPrice };
}

/** Signs (EIP-155 replay protection for legacy) and returns the raw transaction. */
export async function signPreparedTransaction(prepared: PreparedTransaction & { nonce: number }, privateKey: PrivateKeyInput): Promise<Hex> {
  return viemSignTransaction({ privateKey: privateKeyHex(privateKey), transaction: toSerializable(prepared) });
}

/** eth_sendRawTransaction; node errors (nonce too low, underpriced…) reach the caller intact. */
export async function broadcastTransaction(rpc: RpcClient, rawTransaction: Hex): Promise<Hash> {
  try {
    return await rpc.request<Hash>('eth_sendRawTransaction', [rawTransaction]);
  } catch (err) {
    throw rpcErrorToProviderError(err);
  }
}

/** Reads the node's pending nonce and reserves the next free one in the tracker. */
export async function assignNonce(rpc: RpcClient, tracker: NonceTrackerState, chainId: number, address: Address): Promise<number> {
  let nodeNonce: number;
  try {
    nodeNonce = Number(BigInt(await rpc.request<string>('eth_getTransactionCount', [address, 'pending'])));
  } catch (err) {
    throw rpcErrorToProviderError(err);
  }
  // Synchronous from here: no other reservation can interleave.
  return reserveNextNonce(tracker, chainId, address, nodeNonce);
}

export interface SendResult {
  hash: Hash;
  nonce: number;
  rawTransaction: Hex;
}

/**
 * Assigns the nonce (unless set), signs and broadcasts. A nonce whose transaction never reached
 * the node is released so the next transaction reuses it.
 */
export async function sendTransaction(rpc: RpcClient, prepared: PreparedTransaction, privateKey: PrivateKeyInput, tracker: NonceTrackerState): Promise<SendResult> {
  let nonce: number;
  if (prepared.nonce !== undefined) {
    nonce = prepared.nonce;
    reserveNonce(tracker, prepared.chainId, prepared.from, nonce);
  } else {
    nonce = await assignNonce(rpc, tracker, prepared.chainId, prepared.from);
  }
  try {
    const rawTransaction = await signPreparedTransaction({ ...prepared, nonce }, privateKey);
    const hash = await broadcastTransaction(rpc, rawTransaction);
    return { hash, nonce, rawTransaction };
  } catch (err) {
    releaseNonce(tracker, prepared.chainId, prepared.from, nonce);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Receipts

export interface TransactionReceiptSummary {
  transactionHash: Hash;
  status: 'success' | 'reverted';
  blockNumber: bigint;
  blockHash: Hash;
  gasUsed: bigint;
  effectiveGasPrice?: bigint;
  contractAddress?: Address;
  from: Address;
  to?: Address;
  logs: readonly unknown[];
}

interface RpcReceipt {
  transactionHash: Hash;
  status?: string;
  blockNumber: string;
  blockHash: Hash;
  gasUsed: string;
  effectiveGasPrice?: string;
  contractAddress?: string | null;
  from: string;
  to?: string | null;
  logs?: unknown[];
}

export interface WaitOptions {
  pollIntervalMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Polls eth_getTransactionReceipt until mined; rejects after `timeoutMs` (default 2 min). */
export async function waitForReceipt(rpc: RpcClient, hash: Hash, opts: WaitOptions = {}): Promise<TransactionReceiptSummary> {
  const interval = opts.pollIntervalMs ?? 1000;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (opts.signal?.aborted) throw new Error('waitForReceipt aborted');
    const r = await rpc.request<RpcReceipt | null>('eth_getTransactionReceipt', [hash]);
    if (r) {
      return {
        transactionHash: r.transactionHash,
        status: r.status === '0x1' ? 'success' : 'reverted',
        blockNumber: BigInt(r.blockNumber),
        blockHash: r.blockHash,
        gasUsed: BigInt(r.gasUsed),
        ...(r.effectiveGasPrice !== undefined ? { effectiveGasPrice: BigInt(r.effectiveGasPrice) } : {}),
        ...(r.contractAddress ? { contractAddress: getAddress(r.contractAddress) } : {}),
        from: getAddress(r.from),
        ...(r.to ? { to: getAddress(r.to) } : {}),
        logs: r.logs ?? [],
      };
    }
    if (Date.now() + interval > deadline) {
      throw new ProviderRpcError(PROVIDER_ERROR_CODES.resourceNotFound, `Transaction ${hash} was not mined within ${opts.timeoutMs ?? 120_000} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
