/**
 * SOL and SPL token transfers from the wallet's send screen. Each builder validates the addresses,
 * reads what it needs from the node (balances, mint, token accounts, rent, blockhash), builds the
 * instructions (System transfer; SPL TransferChecked for Token or Token-2022, with an idempotent
 * creation of the recipient's associated token account when it is missing), prices the
 * transaction (network fee from getFeeForMessage plus that account's rent) and refuses what would
 * fail on chain with a stable code: insufficient SOL or tokens, a sender left below rent
 * exemption, a new recipient funded below it. The result is an unsigned wire transaction.
 */
import { PublicKey, TransactionMessage, type TransactionInstruction } from '@solana/web3.js';
import type { RiskWarning } from '../../../core/risk/types.ts';
import { decodeSolanaMessage } from './decode.ts';
import { formatLamports, formatUnits, SolanaWalletError } from './errors.ts';
import { computeBudgetInstructions, createAssociatedTokenAccountIdempotentInstruction, systemTransferInstruction, transferCheckedInstruction } from './instructions.ts';
import { findAssociatedTokenAddress, tokenProgramId, type TokenProgramKind } from './programs.ts';
import { parseSolanaAddress, parseWalletAddress, recipientWarnings, type RecipientWarning } from './recipient.ts';
import type { SolanaRpc, TokenAccountEntry } from './rpc.ts';
import { signSolanaTransaction, type SignedSolanaTransaction } from './sign.ts';
import { associatedTokenAccountSize, mintFromAccount, tokenAccountFromAccount, type MintInfo } from './tokenLayout.ts';
import { memoInstruction, withReferenceKeys } from './payReferences.ts';
import { parseMessageBytes, unsignedWireTransaction } from './wire.ts';

/** Base fee per signature on every public cluster (used only when the node cannot price a message). */
export const LAMPORTS_PER_SIGNATURE = 5000n;

export interface TransferOptions {
  /** Priority fee price; adds a SetComputeUnitPrice instruction. */
  computeUnitPriceMicroLamports?: bigint;
  /** Adds a SetComputeUnitLimit instruction. */
  computeUnitLimit?: number;
  /** Message version, default 0. */
  version?: 'legacy' | 0;
  /** Solana Pay reference keys: appended read-only, non-signer to the transfer instruction. */
  references?: readonly string[];
  /** Solana Pay memo: an SPL Memo instruction placed immediately before the transfer. */
  memo?: string;
}

/** The transfer instruction with its Solana Pay memo before it and references on it. */
function payInstructions(transfer: TransactionInstruction, options: TransferOptions): TransactionInstruction[] {
  return [...(options.memo !== undefined ? [memoInstruction(options.memo)] : []), withReferenceKeys(transfer, options.references ?? [])];
}

export interface SolanaFeeQuote {
  /** Signature fee plus priority fee, in lamports. */
  networkFeeLamports: bigint;
  /** Rent deposited into a newly created recipient token account (0 when none is created). */
  rentLamports: bigint;
  totalLamports: bigint;
  /** True when the node could not price the message and the fee was computed locally. */
  feeIsEstimate: boolean;
  /** True when the new account's size (hence rent) could not be determined exactly. */
  rentIsEstimate: boolean;
}

export type TransferWarningCode = 'TRANSFER_FEE_EXTENSION' | 'PERMANENT_DELEGATE' | 'DEFAULT_FROZEN' | 'PAUSABLE_TOKEN';
export type TransferWarning = RecipientWarning | RiskWarning<TransferWarningCode>;

export interface PreparedSolanaTransfer {
  kind: 'sol' | 'spl';
  from: string;
  /** The recipient as entered (wallet address, or a token account for SPL). */
  to: string;
  /** Lamports for SOL, base units for tokens. */
  amount: bigint;
  mint?: string;
  decimals?: number;
  tokenProgram?: TokenProgramKind;
  sourceTokenAccount?: string;
  destinationTokenAccount?: string;
  createsRecipientTokenAccount: boolean;
  blockhash: string;
  lastValidBlockHeight: bigint;
  messageBytes: Uint8Array;
  /** Unsigned wire transaction (zeroed signature slot). */
  transaction: Uint8Array;
  fee: SolanaFeeQuote;
  warnings: TransferWarning[];
}

function compile(from: string, blockhash: string, instructions: TransactionInstruction[], version: 'legacy' | 0): Uint8Array {
  const msg = new TransactionMessage({ payerKey: new PublicKey(from), recentBlockhash: blockhash, instructions });
  return (version === 'legacy' ? msg.compileToLegacyMessage() : msg.compileToV0Message()).serialize();
}

async function priceMessage(rpc: SolanaRpc, messageBytes: Uint8Array, from: string): Promise<{ fee: bigint; estimate: boolean }> {
  const fee = await rpc.getFeeForMessage(messageBytes);
  if (fee !== null) return { fee, estimate: false };
  // Load-balanced RPCs can lag behind the node that gave the blockhash: price it locally.
  const { message } = parseMessageBytes(messageBytes);
  const decoded = decodeSolanaMessage(message, { wallet: from });
  return { fee: LAMPORTS_PER_SIGNATURE * BigInt(message.header.numRequiredSignatures) + decoded.priorityFeeLamports, estimate: true };
}

function insufficient(code: 'INSUFFICIENT_SOL' | 'INSUFFICIENT_SOL_FOR_FEE' | 'INSUFFICIENT_TOKEN', required: bigint, available: bigint, decimals: number, symbol: string): SolanaWalletError {
  const what = code === 'INSUFFICIENT_SOL_FOR_FEE' ? 'to pay the network fee' : 'for this transfer';
  return new SolanaWalletError(
    code,
    `Not enough ${symbol} ${what}: ${formatUnits(required, decimals)} needed, ${formatUnits(available, decimals)} available`,
    { required: required.toString(), available: available.toString(), shortfall: (required - available).toString(), decimals, symbol },
  );
}

/** After paying `spend`, the fee payer must keep 0 or at least the rent-exempt minimum. */
function checkSenderRent(balance: bigint, spend: bigint, rentExemptMinimum: bigint, fee: bigint): void {
  const remaining = balance - spend;
  if (remaining > 0n && remaining < rentExemptMinimum) {
    const maxSendAll = balance - fee;
    throw new SolanaWalletError(
      'SENDER_BELOW_RENT_EXEMPT',
      `This would leave ${formatLamports(remaining)} SOL in the account, below the ${formatLamports(rentExemptMinimum)} SOL rent-exempt minimum. Send everything or keep at least the minimum.`,
      { remaining: remaining.toString(), rentExemptMinimum: rentExemptMinimum.toString(), sendAllLamports: maxSendAll.toString() },
    );
  }
}

/** Builds a SOL transfer of `lamports` from the wallet account to `to`. */
export async function prepareSolTransfer(
  rpc: SolanaRpc,
  request: { from: string; to: string; lamports: bigint } & TransferOptions,
): Promise<PreparedSolanaTransfer> {
  const from = parseWalletAddress(request.from, 'from');
  const { address: to, onCurve } = parseSolanaAddress(request.to, 'recipient');
  if (typeof request.lamports !== 'bigint' || request.lamports <= 0n) throw new SolanaWalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  const [balance, recipient, rentExempt0, latest] = await Promise.all([
    rpc.getBalance(from),
    rpc.getAccountInfo(to, 'jsonParsed'),
    rpc.getMinimumBalanceForRentExemption(0),
    rpc.getLatestBlockhash(),
  ]);
  const version = request.version ?? 0;
  const instructions = [
    ...computeBudgetInstructions({
      ...(request.computeUnitLimit !== undefined ? { unitLimit: request.computeUnitLimit } : {}),
      ...(request.computeUnitPriceMicroLamports !== undefined ? { unitPriceMicroLamports: request.computeUnitPriceMicroLamports } : {}),
    }),
    ...payInstructions(systemTransferInstruction(from, to, request.lamports), request),
  ];
  const messageBytes = compile(from, latest.blockhash, instructions, version);
  const { fee, estimate } = await priceMessage(rpc, messageBytes, from);

  const required = request.lamports + fee;
  if (balance < required) throw insufficient('INSUFFICIENT_SOL', required, balance, 9, 'SOL');
  if (from !== to) checkSenderRent(balance, required, rentExempt0, fee);
  if (recipient === null && from !== to && request.lamports < rentExempt0) {
    throw new SolanaWalletError(
      'RECIPIENT_BELOW_RENT_EXEMPT',
      `The recipient account does not exist yet; the first transfer to it must be at least ${formatLamports(rentExempt0)} SOL (rent-exempt minimum)`,
      { minimumLamports: rentExempt0.toString() },
    );
  }
  return {
    kind: 'sol',
    from,
    to,
    amount: request.lamports,
    createsRecipientTokenAccount: false,
    blockhash: latest.blockhash,
    lastValidBlockHeight: latest.lastValidBlockHeight,
    messageBytes,
    transaction: unsignedWireTransaction(messageBytes),
    fee: { networkFeeLamports: fee, rentLamports: 0n, totalLamports: fee, feeIsEstimate: estimate, rentIsEstimate: false },
    warnings: recipientWarnings({ from, to, onCurve, account: recipient }),
  };
}

function mintWarnings(mint: MintInfo, mintAddress: string): TransferWarning[] {
  const out: TransferWarning[] = [];
  const blocked = mint.extensions.filter((e) => e === 'transferHook' || e === 'nonTransferable' || e === 'confidentialMintBurn');
  if (blocked.length > 0) {
    throw new SolanaWalletError('UNSUPPORTED_TOKEN_EXTENSION', `This token uses ${blocked.join(', ')}; sending it is not supported by this wallet yet`, { mint: mintAddress, extensions: blocked.join(',') });
  }
  if (mint.extensions.includes('transferFeeConfig')) out.push({ code: 'TRANSFER_FEE_EXTENSION', severity: 'warning', params: { mint: mintAddress } });
  if (mint.extensions.includes('permanentDelegate')) out.push({ code: 'PERMANENT_DELEGATE', severity: 'warning', params: { mint: mintAddress } });
  if (mint.extensions.includes('defaultAccountState')) out.push({ code: 'DEFAULT_FROZEN', severity: 'warning', params: { mint: mintAddress } });
  if (mint.extensions.includes('pausableConfig')) out.push({ code: 'PAUSABLE_TOKEN', severity: 'info', params: { mint: mintAddress } });
  return out;
}

function pickSource(accounts: TokenAccountEntry[], preferred: string, amount: bigint, requested?: string): TokenAccountEntry | undefined {
  const usable = accounts.filter((a) => a.state !== 'frozen');
  if (requested !== undefined) return accounts.find((a) => a.pubkey === requested);
  const ata = usable.find((a) => a.pubkey === preferred);
  if (ata && ata.amount >= amount) return ata;
  return [...usable].sort((a, b) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1)).find((a) => a.amount >= amount);
}

/**
 * Builds an SPL token transfer (Token or Token-2022, decided by the mint's owner program) of
 * `amount` base units. `to` is normally a wallet address: its associated token account receives
 * the tokens and is created (idempotently, rent paid by the sender) when missing. If `to` is a
 * token account of the same mint it is used directly, with a warning.
 */
export async function prepareSplTransfer(
  rpc: SolanaRpc,
  request: { from: string; to: string; mint: string; amount: bigint; sourceTokenAccount?: string } & TransferOptions,
): Promise<PreparedSolanaTransfer> {
  const from = parseWalletAddress(request.from, 'from');
  const { address: to, onCurve } = parseSolanaAddress(request.to, 'recipient');
  const { address: mintAddress } = parseSolanaAddress(request.mint, 'mint');
  if (typeof request.amount !== 'bigint' || request.amount <= 0n) throw new SolanaWalletError('INVALID_AMOUNT', 'The amount must be greater than zero');

  const mintAccount = await rpc.getAccountInfo(mintAddress, 'jsonParsed');
  const mint = mintAccount ? mintFromAccount(mintAccount) : undefined;
  if (!mint || !mint.isInitialized) throw new SolanaWalletError('NOT_A_TOKEN_MINT', `${mintAddress} is not an SPL token mint on this network`, { mint: mintAddress });
  // Nodes reject getTokenAccountsByOwner for an unknown mint, hence after the mint check.
  const [recipient, balance, rentExempt0, latest, owned] = await Promise.all([
    rpc.getAccountInfo(to, 'jsonParsed'),
    rpc.getBalance(from),
    rpc.getMinimumBalanceForRentExemption(0),
    rpc.getLatestBlockhash(),
    rpc.getTokenAccountsByOwner(from, { mint: mintAddress }),
  ]);
  const warnings: TransferWarning[] = [...mintWarnings(mint, mintAddress)];
  const programId = tokenProgramId(mint.program);

  // Source token account.
  const senderAta = findAssociatedTokenAddress(from, mintAddress, programId);
  const mine = owned.filter((a) => a.mint === mintAddress && a.owner === from);
  const total = mine.reduce((n, a) => n + a.amount, 0n);
  const source = pickSource(mine, senderAta, request.amount, request.sourceTokenAccount);
  if (request.sourceTokenAccount !== undefined && !source) {
    throw new SolanaWalletError('INSUFFICIENT_TOKEN', `Token account ${request.sourceTokenAccount} is not one of this wallet's accounts for this token`);
  }
  if (source?.state === 'frozen') throw new SolanaWalletError('TOKEN_ACCOUNT_FROZEN', `Your token account ${source.pubkey} is frozen by the token's freeze authority`, { account: source.pubkey });
  if (!source || source.amount < request.amount) {
    const available = source?.amount ?? total;
    const err = insufficient('INSUFFICIENT_TOKEN', request.amount, available, mint.decimals, 'tokens');
    if (total >= request.amount) {
      throw new SolanaWalletError('INSUFFICIENT_TOKEN', `Your balance of this token is split over several accounts; no single account holds ${formatUnits(request.amount, mint.decimals)}`, { ...err.details });
    }
    throw err;
  }

  // Destination token account.
  let destination: string;
  let create = false;
  let rentLamports = 0n;
  let rentIsEstimate = false;
  const recipientToken = recipient ? tokenAccountFromAccount(recipient) : undefined;
  if (recipientToken) {
    if (recipientToken.mint !== mintAddress) {
      throw new SolanaWalletError('RECIPIENT_TOKEN_ACCOUNT_MISMATCH', `The recipient ${to} is a token account for a different token (${recipientToken.mint})`, { recipientMint: recipientToken.mint });
    }
    if (recipientToken.state === 'frozen') throw new SolanaWalletError('TOKEN_ACCOUNT_FROZEN', `The recipient token account ${to} is frozen`, { account: to });
    destination = to;
  } else {
    destination = findAssociatedTokenAddress(to, mintAddress, programId);
    const existing = await rpc.getAccountInfo(destination, 'jsonParsed');
    if (existing) {
      const t = tokenAccountFromAccount(existing);
      if (!t || t.mint !== mintAddress) throw new SolanaWalletError('RECIPIENT_TOKEN_ACCOUNT_MISMATCH', `The recipient's token account ${destination} is not an account for this token`);
      if (t.state === 'frozen') throw new SolanaWalletError('TOKEN_ACCOUNT_FROZEN', `The recipient token account ${destination} is frozen`, { account: destination });
    } else {
      create = true;
      const { size, exact } = associatedTokenAccountSize(mint);
      rentIsEstimate = !exact;
      rentLamports = await rpc.getMinimumBalanceForRentExemption(size);
    }
  }
  // A recipient wallet without SOL is normal for tokens: only its token account matters.
  warnings.push(...recipientWarnings({ from, to, onCurve, account: recipient }).filter((w) => w.code !== 'RECIPIENT_NEW_ACCOUNT'));

  const version = request.version ?? 0;
  const instructions = [
    ...computeBudgetInstructions({
      ...(request.computeUnitLimit !== undefined ? { unitLimit: request.computeUnitLimit } : {}),
      ...(request.computeUnitPriceMicroLamports !== undefined ? { unitPriceMicroLamports: request.computeUnitPriceMicroLamports } : {}),
    }),
    ...(create ? [createAssociatedTokenAccountIdempotentInstruction({ payer: from, associatedAccount: destination, owner: to, mint: mintAddress, tokenProgram: programId })] : []),
    ...payInstructions(transferCheckedInstruction({ source: source.pubkey, mint: mintAddress, destination, owner: from, amount: request.amount, decimals: mint.decimals, tokenProgram: programId }), request),
  ];
  const messageBytes = compile(from, latest.blockhash, instructions, version);
  const { fee, estimate } = await priceMessage(rpc, messageBytes, from);
  const totalLamports = fee + rentLamports;
  if (balance < totalLamports) throw insufficient('INSUFFICIENT_SOL_FOR_FEE', totalLamports, balance, 9, 'SOL');
  checkSenderRent(balance, totalLamports, rentExempt0, fee);

  return {
    kind: 'spl',
    from,
    to,
    amount: request.amount,
    mint: mintAddress,
    decimals: mint.decimals,
    tokenProgram: mint.program,
    sourceTokenAccount: source.pubkey,
    destinationTokenAccount: destination,
    createsRecipientTokenAccount: create,
    blockhash: latest.blockhash,
    lastValidBlockHeight: latest.lastValidBlockHeight,
    messageBytes,
    transaction: unsignedWireTransaction(messageBytes),
    fee: { networkFeeLamports: fee, rentLamports, totalLamports, feeIsEstimate: estimate, rentIsEstimate },
    warnings,
  };
}

/** Signs a prepared transfer with the sender's 32-byte ed25519 seed. */
export function signPreparedTransfer(prepared: PreparedSolanaTransfer, secretKey: Uint8Array): SignedSolanaTransaction {
  return signSolanaTransaction(prepared.transaction, secretKey);
}
