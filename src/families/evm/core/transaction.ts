/**
 * EVM transaction pipeline: validate a dApp's eth_sendTransaction object (or build a popup
 * transfer), fill gas (eth_estimateGas + margin), fees (EIP-1559 from the latest block, the fee
 * history and eth_maxPriorityFeePerGas, or legacy gasPrice), apply the user's edits, check funds,
 * then (txSubmit.ts) apply the user's fee edits, check funds, assign a nonce (node pending nonce + local tracker), sign with
 * viem and broadcast, and poll for the receipt. Every RPC failure a dApp should see keeps the
 * node's code/message/data.
 */
import { getAddress, type AccessList, type Address, type Hex } from 'viem';
import { invalidParams, providerError, PROVIDER_ERROR_CODES } from './errors.ts';
import { encodeErc20Transfer } from './erc20.ts';
import { rpcErrorToProviderError, unwrap, type RpcClient } from './rpc.ts';
import { isPlainObject, readAddress, readData, readQuantity, readSafeQuantity, toChainIdHex, type PrivateKeyInput } from './validate.ts';

export type { PrivateKeyInput };

/** Largest calldata accepted from a dApp (geth's txpool refuses transactions over 128 KiB). */
export const MAX_TX_DATA_BYTES = 128 * 1024;
/** Gas margin over eth_estimateGas for contract calls, in percent. */
export const DEFAULT_GAS_MARGIN_PERCENT = 20;
/** Gas of a plain transfer: the lowest gas limit any transaction may have. */
export const SIMPLE_TRANSFER_GAS = 21_000n;

export interface RequestedFees {
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
}

/** A validated request: what the dApp (or the send screen) asked for; gas, fees, nonce may be missing. */
export interface TxRequest {
  from: Address;
  /** Undefined: contract creation. */
  to?: Address;
  value: bigint;
  data?: Hex;
  gas?: bigint;
  nonce?: number;
  fees: RequestedFees;
  /** Explicit type from the dApp ('0x0'/'0x1' → legacy, '0x2' → eip1559). */
  type?: 'legacy' | 'eip1559';
  accessList?: AccessList;
}

export type FeeFields = { type: 'eip1559'; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { type: 'legacy'; gasPrice: bigint };

export interface PreparedTransaction {
  chainId: number;
  from: Address;
  to?: Address;
  value: bigint;
  data?: Hex;
  gas: bigint;
  fee: FeeFields;
  /** Set by the dApp or the user; otherwise assigned right before signing. */
  nonce?: number;
  accessList?: AccessList;
  /** Base fee of the latest block, for the UI's "likely fee" (undefined on legacy chains). */
  baseFeePerGas?: bigint;
  /** Where gas and fees came from, for the approval screen. */
  source: { gas: 'request' | 'estimate' | 'user'; fee: 'request' | 'estimate' | 'user' };
}

export interface TxContext {
  /** The active chain of the requesting origin. */
  chainId: number;
  /** Accounts the origin may use; `from` must be one of them. */
  accounts: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Validation of the dApp's parameter object

const TX_KEYS = new Set(['from', 'to', 'value', 'data', 'input', 'gas', 'gasLimit', 'gasPrice', 'maxFeePerGas', 'maxPriorityFeePerGas', 'nonce', 'chainId', 'type', 'accessList']);

function readAccessList(v: unknown): AccessList {
  if (!Array.isArray(v) || v.length > 1000) throw invalidParams('accessList must be an array of { address, storageKeys }');
  return v.map((item, i) => {
    if (!isPlainObject(item) || !Array.isArray(item.storageKeys) || item.storageKeys.length > 10_000) {
      throw invalidParams(`accessList[${i}] must be { address, storageKeys: bytes32[] }`);
    }
    const storageKeys = item.storageKeys.map((k) => {
      if (typeof k !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(k)) throw invalidParams(`accessList[${i}].storageKeys must be 32-byte hex values`);
      return k.toLowerCase() as Hex;
    });
    return { address: readAddress(item.address, `accessList[${i}].address`), storageKeys };
  });
}

/**
 * Validates eth_sendTransaction's params ([tx] or tx) for the origin's context: -32602 for
 * malformed fields or mixed fee kinds, 4100 when `from` is not a permitted account.
 */
export function normalizeDappTransaction(params: unknown, ctx: TxContext): TxRequest {
  let p: unknown = params;
  if (Array.isArray(p)) {
    if (p.length !== 1) throw invalidParams('eth_sendTransaction expects exactly one transaction object');
    p = p[0];
  }
  if (!isPlainObject(p)) throw invalidParams('eth_sendTransaction expects a transaction object');
  const unknownKeys = Object.keys(p).filter((k) => !TX_KEYS.has(k));
  if (unknownKeys.length > 0) throw invalidParams(`unsupported transaction field(s): ${unknownKeys.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}`);

  if (p.from === undefined) throw invalidParams('from is required');
  const from = readAddress(p.from, 'from');
  if (!ctx.accounts.some((a) => a.toLowerCase() === from.toLowerCase())) {
    throw providerError(PROVIDER_ERROR_CODES.unauthorized, `The requested account ${from} has not been authorized by the user.`);
  }

  const to = p.to === undefined || p.to === null ? undefined : readAddress(p.to, 'to');
  const value = p.value === undefined ? 0n : readQuantity(p.value, 'value');

  let data: Hex | undefined;
  if (p.data !== undefined && p.data !== null) data = readData(p.data, 'data', MAX_TX_DATA_BYTES);
  if (p.input !== undefined && p.input !== null) {
    const input = readData(p.input, 'input', MAX_TX_DATA_BYTES);
    if (data !== undefined && data !== input) throw invalidParams('data and input are both set and differ');
    data = input;
  }
  if (data === '0x') data = undefined;
  if (to === undefined && data === undefined) throw invalidParams('a contract creation (no "to") needs data');

  let gas: bigint | undefined;
  if (p.gas !== undefined && p.gas !== null) gas = readQuantity(p.gas, 'gas');
  if (p.gasLimit !== undefined && p.gasLimit !== null) {
    const gl = readQuantity(p.gasLimit, 'gasLimit');
    if (gas !== undefined && gas !== gl) throw invalidParams('gas and gasLimit are both set and differ');
    gas = gl;
  }
  if (gas !== undefined && gas < SIMPLE_TRANSFER_GAS) throw invalidParams(`gas must be at least ${SIMPLE_TRANSFER_GAS}`);

  const fees: RequestedFees = {};
  if (p.gasPrice !== undefined && p.gasPrice !== null) fees.gasPrice = readQuantity(p.gasPrice, 'gasPrice');
  if (p.maxFeePerGas !== undefined && p.maxFeePerGas !== null) fees.maxFeePerGas = readQuantity(p.maxFeePerGas, 'maxFeePerGas');
  if (p.maxPriorityFeePerGas !== undefined && p.maxPriorityFeePerGas !== null) fees.maxPriorityFeePerGas = readQuantity(p.maxPriorityFeePerGas, 'maxPriorityFeePerGas');
  if (fees.gasPrice !== undefined && (fees.maxFeePerGas !== undefined || fees.maxPriorityFeePerGas !== undefined)) {
    throw invalidParams('gasPrice cannot be mixed with maxFeePerGas/maxPriorityFeePerGas (legacy and EIP-1559 fees)');
  }
  if (fees.maxFeePerGas !== undefined && fees.maxPriorityFeePerGas !== undefined && fees.maxPriorityFeePerGas > fees.maxFeePerGas) {
    throw invalidParams('maxPriorityFeePerGas cannot exceed maxFeePerGas');
  }

  let type: TxRequest['type'];
  if (p.type !== undefined && p.type !== null) {
    if (typeof p.type !== 'string') throw invalidParams('type must be a hex string');
    const t = p.type.toLowerCase();
    if (t === '0x0' || t === '0x00' || t === '0x1' || t === '0x01') type = 'legacy';
    else if (t === '0x2' || t === '0x02') type = 'eip1559';
    else throw invalidParams(`transaction type ${JSON.stringify(p.type.slice(0, 10))} is not supported (blob and EIP-7702 transactions are refused)`);
    if (type === 'legacy' && (fees.maxFeePerGas !== undefined || fees.maxPriorityFeePerGas !== undefined)) {
      throw invalidParams('a legacy (type 0/1) transaction cannot carry maxFeePerGas/maxPriorityFeePerGas');
    }
    if (type === 'eip1559' && fees.gasPrice !== undefined) throw invalidParams('an EIP-1559 (type 2) transaction cannot carry gasPrice');
  }

  const nonce = p.nonce === undefined || p.nonce === null ? undefined : readSafeQuantity(p.nonce, 'nonce');

  if (p.chainId !== undefined && p.chainId !== null) {
    const cid = readSafeQuantity(p.chainId, 'chainId');
    if (cid !== ctx.chainId) {
      throw invalidParams(`chainId ${toChainIdHex(cid)} does not match the active chain ${toChainIdHex(ctx.chainId)}`);
    }
  }

  const accessList = p.accessList === undefined || p.accessList === null ? undefined : readAccessList(p.accessList);

  return {
    from,
    ...(to !== undefined ? { to } : {}),
    value,
    ...(data !== undefined ? { data } : {}),
    ...(gas !== undefined ? { gas } : {}),
    ...(nonce !== undefined ? { nonce } : {}),
    fees,
    ...(type !== undefined ? { type } : {}),
    ...(accessList !== undefined ? { accessList } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Popup transfers

export interface TransferToken {
  address: Address;
  symbol: string;
  decimals: number;
}

export interface TransferInput {
  from: Address;
  to: string;
  /** Base units (wei, or token units). */
  amount: bigint;
  token?: TransferToken;
}

/** A native or ERC-20 transfer as a request (gas, fees, nonce filled by prepareTransaction). */
export function buildTransfer(input: TransferInput): TxRequest {
  const to = readAddress(input.to, 'recipient');
  if (input.amount <= 0n) throw invalidParams('amount must be greater than zero');
  if (input.token) {
    return { from: input.from, to: getAddress(input.token.address), value: 0n, data: encodeErc20Transfer(to, input.amount), fees: {} };
  }
  return { from: input.from, to, value: input.amount, fees: {} };
}

// ---------------------------------------------------------------------------------------------
// Gas and fees

export type FeeEstimate =
  | { type: 'eip1559'; baseFeePerGas: bigint; maxPriorityFeePerGas: bigint; maxFeePerGas: bigint }
  | { type: 'legacy'; gasPrice: bigint };

interface RpcBlock {
  baseFeePerGas?: string | null;
  gasLimit?: string;
}

interface FeeHistory {
  baseFeePerGas?: string[];
  reward?: string[][];
}

interface ChainSnapshot {
  fees: FeeEstimate;
  blockGasLimit?: bigint;
}

const toBig = (v: unknown): bigint | undefined => (typeof v === 'string' && /^0x[0-9a-fA-F]+$/.test(v) ? BigInt(v) : undefined);

function median(values: bigint[]): bigint | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Fee suggestion in one batched request (latest block, gasPrice, maxPriorityFeePerGas, fee
 * history). EIP-1559 when the network supports it and the latest block has a base fee:
 * maxFee = 2 × max(latest, next) base fee + priority, so it survives several full blocks.
 */
async function readChainSnapshot(rpc: RpcClient, eip1559: boolean): Promise<ChainSnapshot> {
  const settled = await rpc.batch([
    { method: 'eth_getBlockByNumber', params: ['latest', false] },
    { method: 'eth_gasPrice', params: [] },
    ...(eip1559 ? [{ method: 'eth_maxPriorityFeePerGas', params: [] }, { method: 'eth_feeHistory', params: ['0x5', 'latest', [50]] }] : []),
  ]);
  const block = unwrap<RpcBlock | null>(settled[0]);
  const blockGasLimit = toBig(block?.gasLimit);
  const withLimit = (fees: FeeEstimate): ChainSnapshot => ({ fees, ...(blockGasLimit !== undefined ? { blockGasLimit } : {}) });
  const latestBase = toBig(block?.baseFeePerGas);
  if (!eip1559 || latestBase === undefined) return withLimit({ type: 'legacy', gasPrice: BigInt(unwrap<string>(settled[1])) });

  const prioritySettled = settled[2];
  const historySettled = settled[3];
  const history = historySettled?.ok ? (historySettled.result as FeeHistory | null) : null;
  const nextBase = toBig(history?.baseFeePerGas?.[history.baseFeePerGas.length - 1]);
  const baseFeePerGas = nextBase !== undefined && nextBase > latestBase ? nextBase : latestBase;

  let priority = prioritySettled?.ok ? toBig(prioritySettled.result) : undefined;
  if (priority === undefined) {
    const rewards = (history?.reward ?? []).map((r) => toBig(r[0])).filter((x): x is bigint => x !== undefined);
    priority = median(rewards) ?? 1_000_000_000n;
  }
  return withLimit({ type: 'eip1559', baseFeePerGas, maxPriorityFeePerGas: priority, maxFeePerGas: baseFeePerGas * 2n + priority });
}

/** Current fee suggestion for a network. */
export async function estimateFees(rpc: RpcClient, eip1559: boolean): Promise<FeeEstimate> {
  return (await readChainSnapshot(rpc, eip1559)).fees;
}

function rpcTx(req: Pick<TxRequest, 'from' | 'to' | 'value' | 'data'>): Record<string, string> {
  return {
    from: req.from,
    ...(req.to !== undefined ? { to: req.to } : {}),
    value: `0x${req.value.toString(16)}`,
    ...(req.data !== undefined ? { data: req.data } : {}),
  };
}

async function rawGasEstimate(rpc: RpcClient, req: Pick<TxRequest, 'from' | 'to' | 'value' | 'data'>): Promise<bigint> {
  try {
    return BigInt(await rpc.request<string>('eth_estimateGas', [rpcTx(req)]));
  } catch (err) {
    throw rpcErrorToProviderError(err);
  }
}

function withGasMargin(estimate: bigint, hasData: boolean, marginPercent: number, blockGasLimit?: bigint): bigint {
  if (estimate === SIMPLE_TRANSFER_GAS && !hasData) return estimate;
  const padded = (estimate * BigInt(100 + marginPercent)) / 100n;
  if (blockGasLimit === undefined || padded <= blockGasLimit) return padded;
  return estimate > blockGasLimit ? estimate : blockGasLimit;
}

/**
 * eth_estimateGas plus a margin for contract calls (plain transfers use the exact 21000), capped
 * at the block gas limit when known. A revert comes back as the node's error (code, message and
 * revert data kept).
 */
export async function estimateGasLimit(rpc: RpcClient, req: Pick<TxRequest, 'from' | 'to' | 'value' | 'data'>, marginPercent = DEFAULT_GAS_MARGIN_PERCENT, blockGasLimit?: bigint): Promise<bigint> {
  return withGasMargin(await rawGasEstimate(rpc, req), req.data !== undefined, marginPercent, blockGasLimit);
}

export interface PrepareOptions {
  chainId: number;
  /** Whether the network uses EIP-1559 (networks.ts). A network without base fee falls back to legacy. */
  eip1559: boolean;
  gasMarginPercent?: number;
}

function feesFromRequest(req: TxRequest, suggestion: FeeEstimate): { fee: FeeFields; fromRequest: boolean } {
  const f = req.fees;
  const wantsLegacy = req.type === 'legacy' || f.gasPrice !== undefined;
  const wants1559 = req.type === 'eip1559' || f.maxFeePerGas !== undefined || f.maxPriorityFeePerGas !== undefined;
  if (suggestion.type === 'legacy') {
    if (wants1559) throw invalidParams('this network does not support EIP-1559 fees (maxFeePerGas/maxPriorityFeePerGas); use gasPrice');
    return f.gasPrice !== undefined ? { fee: { type: 'legacy', gasPrice: f.gasPrice }, fromRequest: true } : { fee: suggestion, fromRequest: false };
  }
  if (wantsLegacy) {
    // A legacy transaction is valid on an EIP-1559 chain; keep what the dApp asked for.
    const gasPrice = f.gasPrice ?? suggestion.maxFeePerGas;
    return { fee: { type: 'legacy', gasPrice }, fromRequest: f.gasPrice !== undefined };
  }
  if (f.maxFeePerGas === undefined && f.maxPriorityFeePerGas === undefined) {
    return { fee: { type: 'eip1559', maxFeePerGas: suggestion.maxFeePerGas, maxPriorityFeePerGas: suggestion.maxPriorityFeePerGas }, fromRequest: false };
  }
  const maxPriorityFeePerGas = f.maxPriorityFeePerGas ?? (f.maxFeePerGas !== undefined && f.maxFeePerGas < suggestion.maxPriorityFeePerGas ? f.maxFeePerGas : suggestion.maxPriorityFeePerGas);
  const maxFeePerGas = f.maxFeePerGas ?? suggestion.baseFeePerGas * 2n + maxPriorityFeePerGas;
  return { fee: { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas }, fromRequest: true };
}

/**
 * Fills gas and fees (one batched fee request and one eth_estimateGas, in parallel). Gas and fees
 * the request already carries are kept. The nonce is left to sendTransaction unless given.
 */
export async function prepareTransaction(rpc: RpcClient, req: TxRequest, opts: PrepareOptions): Promise<PreparedTransaction> {
  let snapshot: ChainSnapshot;
  let estimate: bigint | undefined;
  try {
    [snapshot, estimate] = await Promise.all([readChainSnapshot(rpc, opts.eip1559), req.gas !== undefined ? undefined : rawGasEstimate(rpc, req)]);
  } catch (err) {
    throw rpcErrorToProviderError(err);
  }
  const gas = req.gas ?? withGasMargin(estimate ?? SIMPLE_TRANSFER_GAS, req.data !== undefined, opts.gasMarginPercent ?? DEFAULT_GAS_MARGIN_PERCENT, snapshot.blockGasLimit);
  const { fee, fromRequest } = feesFromRequest(req, snapshot.fees);
  return {
    chainId: opts.chainId,
    from: req.from,
    ...(req.to !== undefined ? { to: req.to } : {}),
    value: req.value,
    ...(req.data !== undefined ? { data: req.data } : {}),
    gas,
    fee,
    ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
    ...(req.accessList !== undefined ? { accessList: req.accessList } : {}),
    ...(snapshot.fees.type === 'eip1559' ? { baseFeePerGas: snapshot.fees.baseFeePerGas } : {}),
    source: { gas: req.gas !== undefined ? 'request' : 'estimate', fee: fromRequest ? 'request' : 'estimate' },
  };
}
