/**
 * TRX and TRC-20 transfers from the send screen. The full node builds the unsigned transaction
 * (/wallet/createtransaction, /wallet/triggersmartcontract); the wallet never trusts it: txID
 * must be sha256(raw_data_hex), the protobuf bytes are decoded here and must be exactly the
 * requested transfer (owner, recipient, amount, contract, call data, fee limit, one contract, no
 * memo or multisig fields, sane expiration), and the node's JSON must say the same. Fees and
 * energy are estimated from the account's resources and the chain's prices; signing is secp256k1
 * over the txID with a 65-byte r||s||v signature (v = recovery + 27) as tronweb produces.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { RiskWarning } from '../../../core/risk/types.ts';
import { decodeAbiString, decodeUint256, encodeAddressWord, encodeTransferParams, functionSelector, TRC20, UINT256_MAX } from './abi.ts';
import { tronAddressFromPublicKey } from './address.ts';
import { parseTronAddress } from './addressInput.ts';
import type { SignedTronTransaction, TronAccount, TronApi, TronTransaction, TronTransactionInfo } from './api.ts';
import { formatSun, formatUnits, TronApiError, TronWalletError } from './errors.ts';
import { chainFeesFromParameters, estimateBandwidthBytes, estimateTronFee, feeLimitFor, type TronFeeEstimate } from './fees.ts';
import { USDT_MAINNET } from './networks.ts';
import { decodeRawData, rawDataJsonMismatch, txIdOfRawData, type TronRawData } from './rawData.ts';

const INT64_MAX = (1n << 63n) - 1n;
/** Nodes set expiration 60 s ahead by default; a dApp may extend it up to 24 h. */
const MAX_EXPIRATION_MS = 24n * 3600_000n + 10n * 60_000n;
/** Energy assumed for a TRC-20 transfer when the node reports no estimate (USDT to a new holder with headroom). */
export const FALLBACK_TRC20_ENERGY = 130_000n;

export type ExpectedTronTransfer =
  | { kind: 'trx'; owner: string; to: string; amountSun: bigint }
  | { kind: 'trc20'; owner: string; contract: string; to: string; amount: bigint; maxFeeLimitSun: bigint };

function mismatch(field: string, expected: string, actual: string): TronWalletError {
  return new TronWalletError('TRANSACTION_MISMATCH', `The node returned a transaction that does not match the request (${field}: expected ${expected}, got ${actual}); nothing was signed`, {
    field,
    expected,
    actual,
  });
}

function readTransaction(tx: unknown): TronTransaction {
  const t = tx as Partial<TronTransaction> | null;
  if (typeof t !== 'object' || t === null || typeof t.txID !== 'string' || typeof t.raw_data_hex !== 'string') {
    throw new TronWalletError('MALFORMED_TRANSACTION', 'Malformed TRON transaction: expected an object with txID and raw_data_hex');
  }
  if (!/^[0-9a-fA-F]{64}$/.test(t.txID)) throw new TronWalletError('MALFORMED_TRANSACTION', 'Malformed TRON transaction: txID is not 32 bytes of hex');
  return t as TronTransaction;
}

/**
 * The integrity checks every transaction gets before it is shown or signed: txID =
 * sha256(raw_data_hex), decodable bytes, and (when present) JSON raw_data equal to the bytes.
 */
export function checkTransactionIntegrity(tx: unknown): { transaction: TronTransaction; decoded: TronRawData } {
  const transaction = readTransaction(tx);
  const decoded = decodeRawData(transaction.raw_data_hex);
  const actual = txIdOfRawData(transaction.raw_data_hex);
  if (actual !== transaction.txID.toLowerCase()) {
    throw new TronWalletError('TXID_MISMATCH', `txID ${transaction.txID} is not the hash of raw_data_hex (${actual}); refusing to sign`, { txID: transaction.txID, computed: actual });
  }
  if (transaction.raw_data !== undefined) {
    const field = rawDataJsonMismatch(transaction.raw_data, decoded);
    if (field !== undefined) {
      throw new TronWalletError('RAW_DATA_JSON_MISMATCH', `raw_data (JSON) disagrees with raw_data_hex at ${field}; the displayed and the signed transaction would differ`, { field });
    }
  }
  return { transaction, decoded };
}

/**
 * Verifies a node-built transaction against what the user asked for. Throws TXID_MISMATCH,
 * MALFORMED_TRANSACTION, RAW_DATA_JSON_MISMATCH, TRANSACTION_MISMATCH or TRANSACTION_EXPIRED.
 */
export function verifyTronTransaction(tx: unknown, expected: ExpectedTronTransfer, options: { now?: number } = {}): { transaction: TronTransaction; decoded: TronRawData } {
  const { transaction, decoded } = checkTransactionIntegrity(tx);
  if (transaction.signature !== undefined && transaction.signature.length > 0) throw new TronWalletError('ALREADY_SIGNED', 'The node returned an already signed transaction');
  if (decoded.contracts.length !== 1) throw mismatch('contract count', '1', String(decoded.contracts.length));
  const c = decoded.contracts[0]!;
  if (c.permissionId !== 0) throw mismatch('Permission_id', '0', String(c.permissionId));
  if (decoded.hasAuths || decoded.hasScripts) throw mismatch('auths/scripts', 'none', 'present');
  if (decoded.data !== undefined) throw mismatch('data (memo)', 'none', decoded.data);
  const v = c.value;
  if (expected.kind === 'trx') {
    if (v.type !== 'TransferContract' || c.typeUrl !== 'type.googleapis.com/protocol.TransferContract') throw mismatch('contract type', 'TransferContract', c.typeName);
    if (v.owner !== expected.owner) throw mismatch('owner_address', expected.owner, v.owner);
    if (v.to !== expected.to) throw mismatch('to_address', expected.to, v.to);
    if (v.amount !== expected.amountSun) throw mismatch('amount', expected.amountSun.toString(), v.amount.toString());
    if (decoded.feeLimit !== undefined && decoded.feeLimit !== 0n) throw mismatch('fee_limit', 'none', decoded.feeLimit.toString());
  } else {
    if (v.type !== 'TriggerSmartContract' || c.typeUrl !== 'type.googleapis.com/protocol.TriggerSmartContract') throw mismatch('contract type', 'TriggerSmartContract', c.typeName);
    if (v.owner !== expected.owner) throw mismatch('owner_address', expected.owner, v.owner);
    if (v.contract !== expected.contract) throw mismatch('contract_address', expected.contract, v.contract);
    const data = functionSelector(TRC20.transfer) + encodeTransferParams(expected.to, expected.amount);
    if (v.data !== data) throw mismatch('data', data, v.data);
    if (v.callValue !== 0n || v.callTokenValue !== 0n || v.tokenId !== 0n) throw mismatch('call_value', '0', v.callValue.toString());
    const feeLimit = decoded.feeLimit ?? 0n;
    if (feeLimit <= 0n || feeLimit > expected.maxFeeLimitSun) throw mismatch('fee_limit', `≤ ${expected.maxFeeLimitSun}`, feeLimit.toString());
  }
  const now = BigInt(options.now ?? Date.now());
  if (decoded.expiration <= now) throw new TronWalletError('TRANSACTION_EXPIRED', 'The transaction has already expired');
  if (decoded.expiration > now + MAX_EXPIRATION_MS) throw mismatch('expiration', 'within 24 hours', new Date(Number(decoded.expiration)).toISOString());
  return { transaction, decoded };
}

export type TronTransferWarningCode = 'SELF_TRANSFER' | 'RECIPIENT_NOT_ACTIVATED' | 'RECIPIENT_IS_CONTRACT' | 'RECIPIENT_IS_TOKEN_CONTRACT' | 'ENERGY_ESTIMATED';
export type TronTransferWarning = RiskWarning<TronTransferWarningCode>;

export interface PreparedTronTransfer {
  kind: 'trx' | 'trc20';
  from: string;
  to: string;
  /** Sun for TRX; token base units for TRC-20. */
  amount: bigint;
  contract?: string;
  decimals?: number;
  transaction: TronTransaction;
  decoded: TronRawData;
  fee: TronFeeEstimate;
  /** TRX balance before the transfer, sun. */
  balanceSun: bigint;
  /** TRC-20 balance before the transfer, base units. */
  tokenBalance?: bigint;
  warnings: TronTransferWarning[];
}

function requireActivated(account: TronAccount | null, address: string): TronAccount {
  if (!account) {
    throw new TronWalletError('ACCOUNT_NOT_ACTIVATED', `${address} is not activated on this network yet: it must first receive TRX`, { address });
  }
  return account;
}

function insufficient(code: 'INSUFFICIENT_TRX' | 'INSUFFICIENT_TRX_FOR_FEE' | 'INSUFFICIENT_TOKEN', required: bigint, available: bigint, decimals: number, symbol: string): TronWalletError {
  const what = code === 'INSUFFICIENT_TRX_FOR_FEE' ? 'for the network fee (energy and bandwidth)' : 'for this transfer';
  return new TronWalletError(code, `Not enough ${symbol} ${what}: ${formatUnits(required, decimals)} needed, ${formatUnits(available, decimals)} available`, {
    required: required.toString(),
    available: available.toString(),
    shortfall: (required - available).toString(),
    decimals,
    symbol,
  });
}

/** Builds (via the node), verifies and prices a TRX transfer of `amountSun`. */
export async function prepareTrxTransfer(api: TronApi, request: { from: string; to: string; amountSun: bigint; now?: number }): Promise<PreparedTronTransfer> {
  const from = parseTronAddress(request.from, 'from');
  const to = parseTronAddress(request.to, 'recipient');
  if (typeof request.amountSun !== 'bigint' || request.amountSun <= 0n || request.amountSun > INT64_MAX) throw new TronWalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  // java-tron refuses TRX transfers to oneself; say so before asking the node.
  if (from === to) throw new TronWalletError('INVALID_ADDRESS', 'Cannot send TRX to the same account', { field: 'recipient', reason: 'self' });
  const [sender, recipient, resources, params] = await Promise.all([api.getAccount(from), api.getAccount(to), api.getAccountResource(from), api.getChainParameters()]);
  const balanceSun = requireActivated(sender, from).balanceSun;
  if (balanceSun < request.amountSun) throw insufficient('INSUFFICIENT_TRX', request.amountSun, balanceSun, 6, 'TRX');

  const built = await api.createTransaction({ owner: from, to, amountSun: request.amountSun });
  const { transaction, decoded } = verifyTronTransaction(built, { kind: 'trx', owner: from, to, amountSun: request.amountSun }, request.now !== undefined ? { now: request.now } : {});
  const fees = chainFeesFromParameters(params);
  const createsAccount = recipient === null;
  const fee = estimateTronFee({ fees, resources, bandwidthBytes: estimateBandwidthBytes(transaction.raw_data_hex), createsAccount });
  if (balanceSun < request.amountSun + fee.totalSun) throw insufficient('INSUFFICIENT_TRX', request.amountSun + fee.totalSun, balanceSun, 6, 'TRX');

  const warnings: TronTransferWarning[] = [];
  if (createsAccount) warnings.push({ code: 'RECIPIENT_NOT_ACTIVATED', severity: 'info', params: { address: to, activationFeeTrx: formatSun(fee.activationFeeSun) } });
  if (recipient?.type === 'Contract') warnings.push({ code: 'RECIPIENT_IS_CONTRACT', severity: 'warning', params: { address: to } });
  return { kind: 'trx', from, to, amount: request.amountSun, transaction, decoded, fee, balanceSun, warnings };
}

/** A constant call where the node refusing the contract ("No contract …") means: not a TRC-20 here. */
async function constantCall(api: TronApi, p: Parameters<TronApi['triggerConstantContract']>[0]): Promise<Awaited<ReturnType<TronApi['triggerConstantContract']>>> {
  try {
    return await api.triggerConstantContract(p);
  } catch (err) {
    if (err instanceof TronApiError && err.kind === 'node') {
      throw new TronWalletError('NOT_A_TRC20', `${p.contract} is not a TRC-20 token contract on this network (${err.message})`, { contract: p.contract });
    }
    throw err;
  }
}

async function trc20Decimals(api: TronApi, owner: string, contract: string): Promise<number> {
  if (contract === USDT_MAINNET.contract) return USDT_MAINNET.decimals;
  const r = await constantCall(api, { owner, contract, functionSelector: TRC20.decimals, parameter: '' });
  const word = r.constantResult[0];
  if (r.reverted || word === undefined || !/^[0-9a-fA-F]{64}$/.test(word)) throw new TronWalletError('NOT_A_TRC20', `${contract} does not answer decimals() like a TRC-20 token`, { contract });
  const d = decodeUint256(word);
  if (d > 36n) throw new TronWalletError('NOT_A_TRC20', `${contract} reports ${d} decimals`, { contract });
  return Number(d);
}

/** Symbol and decimals read from a TRC-20 contract (to watch it); refuses a contract that does not answer like one. */
export async function readTrc20Metadata(api: TronApi, owner: string, contract: string): Promise<{ symbol: string; decimals: number }> {
  const decimals = await trc20Decimals(api, owner, contract);
  const r = await constantCall(api, { owner, contract, functionSelector: TRC20.symbol, parameter: '' });
  let symbol = '';
  try {
    symbol = r.reverted ? '' : decodeAbiString(r.constantResult[0] ?? '').trim();
  } catch {
    symbol = '';
  }
  if (!/^[\p{L}\p{N}._-]{1,12}$/u.test(symbol)) throw new TronWalletError('NOT_A_TRC20', `${contract} does not answer symbol() like a TRC-20 token`, { contract });
  return { symbol, decimals };
}

/** TRC-20 balanceOf(owner) through a constant call. */
export async function getTrc20Balance(api: TronApi, owner: string, contract: string): Promise<bigint> {
  const r = await constantCall(api, { owner, contract, functionSelector: TRC20.balanceOf, parameter: encodeAddressWord(owner) });
  const word = r.constantResult[0];
  if (r.reverted || word === undefined || !/^[0-9a-fA-F]{64}$/.test(word)) throw new TronWalletError('NOT_A_TRC20', `${contract} does not answer balanceOf() like a TRC-20 token`, { contract });
  return decodeUint256(word);
}

/**
 * Builds (via the node), verifies and prices a TRC-20 transfer of `amount` base units. Energy is
 * estimated with a constant call of the same transfer; `feeLimitSun` defaults to its cost + 20 %.
 */
export async function prepareTrc20Transfer(
  api: TronApi,
  request: { from: string; to: string; contract: string; amount: bigint; decimals?: number; feeLimitSun?: bigint; now?: number },
): Promise<PreparedTronTransfer> {
  const from = parseTronAddress(request.from, 'from');
  const to = parseTronAddress(request.to, 'recipient');
  const contract = parseTronAddress(request.contract, 'token contract');
  if (typeof request.amount !== 'bigint' || request.amount <= 0n || request.amount > UINT256_MAX) throw new TronWalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  const parameter = encodeTransferParams(to, request.amount);

  const [sender, resources, params, tokenBalance, decimals] = await Promise.all([
    api.getAccount(from),
    api.getAccountResource(from),
    api.getChainParameters(),
    getTrc20Balance(api, from, contract),
    request.decimals !== undefined ? Promise.resolve(request.decimals) : trc20Decimals(api, from, contract),
  ]);
  const balanceSun = requireActivated(sender, from).balanceSun;
  if (tokenBalance < request.amount) throw insufficient('INSUFFICIENT_TOKEN', request.amount, tokenBalance, decimals, 'tokens');

  const warnings: TronTransferWarning[] = [];
  const estimate = await api.triggerConstantContract({ owner: from, contract, functionSelector: TRC20.transfer, parameter });
  if (estimate.reverted) {
    throw new TronWalletError('TRANSACTION_MISMATCH', 'The token contract rejects this transfer (the call reverts); nothing was signed', { contract });
  }
  let energy = estimate.energyUsed;
  if (energy <= 0n) {
    energy = FALLBACK_TRC20_ENERGY;
    warnings.push({ code: 'ENERGY_ESTIMATED', severity: 'info', params: { energy: energy.toString() } });
  }
  const fees = chainFeesFromParameters(params);
  const feeLimitSun = request.feeLimitSun ?? feeLimitFor(energy, fees);
  if (feeLimitSun <= 0n || feeLimitSun > fees.maxFeeLimitSun) throw new TronWalletError('INVALID_AMOUNT', `fee_limit must be between 1 sun and ${formatSun(fees.maxFeeLimitSun)} TRX`);

  const built = await api.triggerSmartContract({ owner: from, contract, functionSelector: TRC20.transfer, parameter, feeLimitSun });
  const { transaction, decoded } = verifyTronTransaction(built, { kind: 'trc20', owner: from, contract, to, amount: request.amount, maxFeeLimitSun: feeLimitSun }, request.now !== undefined ? { now: request.now } : {});
  const fee = estimateTronFee({ fees, resources, bandwidthBytes: estimateBandwidthBytes(transaction.raw_data_hex), energy, feeLimitSun });
  if (balanceSun < fee.totalSun) throw insufficient('INSUFFICIENT_TRX_FOR_FEE', fee.totalSun, balanceSun, 6, 'TRX');

  if (from === to) warnings.push({ code: 'SELF_TRANSFER', severity: 'info', params: { address: to } });
  if (to === contract) warnings.push({ code: 'RECIPIENT_IS_TOKEN_CONTRACT', severity: 'danger', params: { address: to } });
  return { kind: 'trc20', from, to, amount: request.amount, contract, decimals, transaction, decoded, fee, balanceSun, tokenBalance, warnings };
}

/** The base58 address of a 32-byte secp256k1 secret. */
export function tronAddressOfSecret(secretKey: Uint8Array): string {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32 || !secp256k1.utils.isValidSecretKey(secretKey)) {
    throw new TronWalletError('INVALID_SECRET_KEY', 'A TRON signing key is a valid 32-byte secp256k1 secret');
  }
  return tronAddressFromPublicKey(secp256k1.getPublicKey(secretKey, true));
}

/** 65-byte r||s||v hex (v = recovery + 27) over a 32-byte digest, tronweb's ECKeySign format. */
export function signDigest(digest: Uint8Array, secretKey: Uint8Array): string {
  const sig = secp256k1.sign(digest, secretKey, { prehash: false, format: 'recovered' });
  const out = new Uint8Array(65);
  out.set(sig.subarray(1, 65), 0);
  out[64] = (sig[0] as number) + 27;
  return bytesToHex(out);
}

/**
 * Signs a transaction with the account key: re-checks txID = sha256(raw_data_hex) and that every
 * contract's owner is this account, then signs the txID. Returns a copy with `signature`.
 */
export function signTronTransaction(tx: TronTransaction, secretKey: Uint8Array): SignedTronTransaction {
  const address = tronAddressOfSecret(secretKey);
  const { transaction, decoded } = checkTransactionIntegrity(tx);
  if (transaction.signature !== undefined && transaction.signature.length > 0) throw new TronWalletError('ALREADY_SIGNED', 'The transaction is already signed');
  for (const c of decoded.contracts) {
    const owner = 'owner' in c.value ? c.value.owner : undefined;
    if (owner !== address) throw new TronWalletError('WRONG_OWNER', `The transaction is for account ${owner ?? 'unknown'}, not ${address}`, { owner: owner ?? '' }, 4100);
  }
  return { ...transaction, txID: transaction.txID.toLowerCase(), signature: [signDigest(hexToBytes(transaction.txID), secretKey)] };
}

/** Broadcasts a signed transaction; returns its txID (the node must echo the same id). */
export async function broadcastTronTransaction(api: TronApi, signed: SignedTronTransaction): Promise<string> {
  const { txid } = await api.broadcastTransaction(signed);
  if (txid.toLowerCase() !== signed.txID.toLowerCase()) throw new TronWalletError('TXID_MISMATCH', `The node acknowledged ${txid}, not ${signed.txID}`);
  return signed.txID;
}

export type TronConfirmation = { status: 'confirmed'; info: TronTransactionInfo } | { status: 'failed'; info: TronTransactionInfo } | { status: 'timeout' };

/** Polls gettransactioninfobyid until the transaction is in a block (success or contract failure). */
export async function waitForTronTransaction(
  api: TronApi,
  txid: string,
  options: { timeoutMs?: number; pollMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<TronConfirmation> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (;;) {
    const info = await api.getTransactionInfoById(txid);
    if (info && info.blockNumber !== undefined) return { status: info.result === 'SUCCESS' ? 'confirmed' : 'failed', info };
    if (Date.now() >= deadline) return { status: 'timeout' };
    await sleep(options.pollMs ?? 3000);
  }
}
