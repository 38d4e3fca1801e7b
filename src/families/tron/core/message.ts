/**
 * TRON dApp signing: signMessageV2 (TIP-191: keccak256("\x19TRON Signed Message:\n" + byte length
 * + message), secp256k1, 0x-prefixed 65-byte r||s||v, as tronweb's trx.signMessageV2 and checked
 * by Trx.verifyMessageV2), the legacy trx.sign(hexString) message form, and trx.sign(transaction):
 * the dApp's transaction is only signed after txID = sha256(raw_data_hex), JSON = bytes, owner =
 * this account, not expired, not already signed, and (when a node is given) its reference block
 * belongs to the connected network. Risky contracts come back as warnings for the approval window.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { RiskWarning } from '../../../core/risk/types.ts';
import { tronAddressFromPublicKey } from './address.ts';
import type { SignedTronTransaction, TronApi, TronTransaction } from './api.ts';
import { formatSun, TronWalletError } from './errors.ts';
import { checkRefBlock } from './refBlock.ts';
import type { TronRawData } from './rawData.ts';
import { checkTransactionIntegrity, signDigest, signTronTransaction } from './transaction.ts';

export const TRON_MESSAGE_PREFIX = '\x19TRON Signed Message:\n';
/** Largest message accepted by signMessageV2. */
export const MAX_TRON_MESSAGE_BYTES = 64 * 1024;
/** A fee_limit above this (1000 TRX) in a dApp transaction is flagged. */
export const HIGH_FEE_LIMIT_SUN = 1_000_000_000n;

/** Message bytes as tronweb reads them: a string is UTF-8; bytes (or a byte array) are taken as is. */
function messageBytes(message: unknown): Uint8Array {
  if (typeof message === 'string') return utf8ToBytes(message);
  if (message instanceof Uint8Array) return message;
  if (Array.isArray(message) && message.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return Uint8Array.from(message as number[]);
  throw new TronWalletError('INVALID_MESSAGE', 'The message must be a string or bytes');
}

export function hashMessageV2(message: string | Uint8Array): Uint8Array {
  const bytes = messageBytes(message);
  return keccak_256(concatBytes(utf8ToBytes(`${TRON_MESSAGE_PREFIX}${bytes.length}`), bytes));
}

export type TronMessageDisplay = { kind: 'text'; text: string } | { kind: 'hex'; hex: string; byteLength: number };

export interface TronMessageRequest {
  bytes: Uint8Array;
  display: TronMessageDisplay;
  warnings: RiskWarning<'NON_TEXT_MESSAGE'>[];
}

/** Validates a signMessageV2 request (type, non-empty, ≤ 64 KiB) and prepares its display. */
export function prepareMessageV2(message: unknown): TronMessageRequest {
  const bytes = messageBytes(message);
  if (bytes.length === 0) throw new TronWalletError('INVALID_MESSAGE', 'The message is empty');
  if (bytes.length > MAX_TRON_MESSAGE_BYTES) throw new TronWalletError('MESSAGE_TOO_LONG', `The message is ${bytes.length} bytes; at most ${MAX_TRON_MESSAGE_BYTES} can be signed`, { size: bytes.length });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)) return { bytes, display: { kind: 'text', text }, warnings: [] };
  } catch {
    // binary
  }
  return { bytes, display: { kind: 'hex', hex: bytesToHex(bytes), byteLength: bytes.length }, warnings: [{ code: 'NON_TEXT_MESSAGE', severity: 'warning', params: { byteLength: bytes.length } }] };
}

function checkKey(secretKey: Uint8Array): void {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32 || !secp256k1.utils.isValidSecretKey(secretKey)) {
    throw new TronWalletError('INVALID_SECRET_KEY', 'A TRON signing key is a valid 32-byte secp256k1 secret');
  }
}

/** tronweb-compatible signMessageV2: "0x" + r + s + v (v = 27/28). */
export function signMessageV2(message: string | Uint8Array, secretKey: Uint8Array): string {
  checkKey(secretKey);
  prepareMessageV2(message);
  return `0x${signDigest(hashMessageV2(message), secretKey)}`;
}

/** The base58 address that produced a signMessageV2 signature (for self-checks and tests). */
export function recoverMessageV2Signer(message: string | Uint8Array, signature: string): string {
  const sig = hexToBytes(signature.replace(/^0x/, ''));
  if (sig.length !== 65) throw new TronWalletError('INVALID_MESSAGE', 'A signature is 65 bytes');
  const v = (sig[64] as number) >= 27 ? (sig[64] as number) - 27 : (sig[64] as number);
  const recovered = new Uint8Array(65);
  recovered[0] = v;
  recovered.set(sig.subarray(0, 64), 1);
  return tronAddressFromPublicKey(secp256k1.recoverPublicKey(recovered, hashMessageV2(message), { prehash: false }));
}

/**
 * Legacy trx.sign(hexString): keccak256("\x19TRON Signed Message:\n32" + bytes). The header is
 * fixed to 32 whatever the length (tronweb's Trx.signString), so it cannot sign a transaction.
 */
export function signMessageV1Hex(hexMessage: string, secretKey: Uint8Array): string {
  checkKey(secretKey);
  const h = hexMessage.replace(/^0x/, '');
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(h)) throw new TronWalletError('INVALID_MESSAGE', 'trx.sign expects a hex string message');
  if (h.length / 2 > MAX_TRON_MESSAGE_BYTES) throw new TronWalletError('MESSAGE_TOO_LONG', `The message is longer than ${MAX_TRON_MESSAGE_BYTES} bytes`);
  const digest = keccak_256(concatBytes(utf8ToBytes(`${TRON_MESSAGE_PREFIX}32`), hexToBytes(h)));
  return `0x${signDigest(digest, secretKey)}`;
}

export type DappTransactionWarningCode =
  | 'PERMISSION_UPDATE'
  | 'UNLIMITED_APPROVAL'
  | 'TOKEN_APPROVAL'
  | 'CALL_VALUE'
  | 'CALL_TOKEN_VALUE'
  | 'HIGH_FEE_LIMIT'
  | 'LONG_EXPIRATION'
  | 'NETWORK_UNVERIFIED'
  | 'UNKNOWN_CONTRACT_TYPE'
  | 'MEMO';

export type DappTransactionWarning = RiskWarning<DappTransactionWarningCode>;

export interface DappTransactionRequest {
  transaction: TronTransaction;
  decoded: TronRawData;
  warnings: DappTransactionWarning[];
}

const KNOWN_TYPES = new Set(['TransferContract', 'TransferAssetContract', 'TriggerSmartContract', 'FreezeBalanceV2Contract', 'UnfreezeBalanceV2Contract', 'DelegateResourceContract', 'UnDelegateResourceContract', 'VoteWitnessContract', 'WithdrawExpireUnfreezeContract', 'WithdrawBalanceContract', 'CancelAllUnfreezeV2Contract']);

/** What a signer must be warned about in any TRON transaction (its content, not who signs it). */
export function transactionWarnings(decoded: TronRawData, now: bigint): DappTransactionWarning[] {
  const warnings: DappTransactionWarning[] = [];
  if (decoded.expiration > now + 24n * 3600_000n) warnings.push({ code: 'LONG_EXPIRATION', severity: 'warning', params: { expiration: new Date(Number(decoded.expiration)).toISOString() } });
  if (decoded.data !== undefined) warnings.push({ code: 'MEMO', severity: 'info', params: { hex: decoded.data } });
  for (const c of decoded.contracts) {
    const v = c.value;
    if (v.type === 'AccountPermissionUpdateContract') warnings.push({ code: 'PERMISSION_UPDATE', severity: 'danger', params: { owner: v.owner } });
    if (v.type === 'other' && !KNOWN_TYPES.has(v.typeName)) warnings.push({ code: 'UNKNOWN_CONTRACT_TYPE', severity: 'warning', params: { type: v.typeName } });
    if (v.type === 'TriggerSmartContract') {
      if (v.call.method === 'approve' || v.call.method === 'increaseApproval') {
        warnings.push(
          v.call.unlimited
            ? { code: 'UNLIMITED_APPROVAL', severity: 'danger', params: { spender: v.call.spender, token: v.contract } }
            : { code: 'TOKEN_APPROVAL', severity: 'warning', params: { spender: v.call.spender, token: v.contract, amount: v.call.amount.toString() } },
        );
      }
      if (v.callValue > 0n) warnings.push({ code: 'CALL_VALUE', severity: 'info', params: { trx: formatSun(v.callValue) } });
      // TRC-10 tokens sent along with the call (e.g. BTT): easy to miss, so always said.
      if (v.callTokenValue > 0n) warnings.push({ code: 'CALL_TOKEN_VALUE', severity: 'warning', params: { amount: v.callTokenValue.toString(), tokenId: v.tokenId.toString() } });
    }
  }
  if ((decoded.feeLimit ?? 0n) > HIGH_FEE_LIMIT_SUN) warnings.push({ code: 'HIGH_FEE_LIMIT', severity: 'warning', params: { trx: formatSun(decoded.feeLimit ?? 0n) } });
  return warnings;
}

/** The reference block must exist on the wallet's node: a transaction for another network is refused. */
export async function networkWarnings(api: TronApi | undefined, decoded: TronRawData): Promise<DappTransactionWarning[]> {
  if (!api) return [{ code: 'NETWORK_UNVERIFIED', severity: 'info', params: { reason: 'no node' } }];
  const check = await checkRefBlock(api, decoded);
  if (check.status === 'mismatch') {
    throw new TronWalletError('WRONG_NETWORK', 'This transaction was created for another TRON network than the one the wallet is connected to', { refBlock: check.blockNumber.toString() }, 4901);
  }
  return check.status === 'unknown' ? [{ code: 'NETWORK_UNVERIFIED', severity: 'warning', params: { reason: check.reason } }] : [];
}

/**
 * Checks a transaction a dApp passed to tronWeb.trx.sign before it is shown. `api` (the connected
 * network's node) enables the wrong-network check; without it the check is reported as skipped.
 */
export async function prepareDappTransaction(tx: unknown, ctx: { address: string; api?: TronApi; now?: number }): Promise<DappTransactionRequest> {
  const { transaction, decoded } = checkTransactionIntegrity(tx);
  if (transaction.signature !== undefined && transaction.signature.length > 0) {
    throw new TronWalletError('ALREADY_SIGNED', 'The transaction is already signed (multi-signature transactions are not supported)');
  }
  if (decoded.contracts.length !== 1) throw new TronWalletError('UNSUPPORTED_TRANSACTION', `A TRON transaction carries exactly one contract; this one has ${decoded.contracts.length}`);
  const c = decoded.contracts[0]!;
  if (c.permissionId !== 0 || decoded.hasAuths) throw new TronWalletError('UNSUPPORTED_TRANSACTION', 'Multi-signature (permission) transactions are not supported');
  const owner = 'owner' in c.value ? c.value.owner : undefined;
  if (owner !== ctx.address) {
    throw new TronWalletError('WRONG_OWNER', `The transaction is for account ${owner ?? 'unknown'}, not the connected account ${ctx.address}`, { owner: owner ?? '' }, 4100);
  }
  const now = BigInt(ctx.now ?? Date.now());
  if (decoded.expiration <= now) throw new TronWalletError('TRANSACTION_EXPIRED', 'The transaction has expired; ask the site to create it again');

  const warnings = [...transactionWarnings(decoded, now), ...(await networkWarnings(ctx.api, decoded))];
  return { transaction, decoded, warnings };
}

/** trx.sign(transaction) after approval: same checks at signing time, tronweb's signature format. */
export function signDappTransaction(tx: TronTransaction, secretKey: Uint8Array): SignedTronTransaction {
  return signTronTransaction(tx, secretKey);
}
