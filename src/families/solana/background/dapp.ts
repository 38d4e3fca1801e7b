/**
 * The Solana family's dApp handler, behind the Wallet Standard wallet of src/families/solana/inpage/provider.ts:
 * connect (silent or with approval), disconnect, state, signTransaction (one or many),
 * signAndSendTransaction, signMessage and signIn (SIWS). Bytes travel as base64. Parsing, decoding,
 * simulation preview, SIWS and signing come from src/families/solana/core; this module adds the
 * permission, the active cluster, the approval and the key. Malformed input, a transaction the
 * wallet's key need not sign, a chain other than the active cluster, an over-long message or a SIWS
 * domain that is not the requesting site are refused before any window opens.
 */
import { base58, base64 } from '@scure/base';
import { SolanaRpcError, SolanaWalletError, formatLamports, formatUnits } from '../core/errors';
import { getSolanaNetwork, isSolanaChain, type SolanaChain } from '../core/networks';
import { previewSolanaTransaction, type SolanaTransactionPreview } from '../core/preview';
import { createSolanaRpc, type Commitment, type SendOptions } from '../core/rpc';
import { confirmSolanaTransaction, sendSolanaTransaction } from '../core/send';
import { MAX_SIGN_MESSAGE_BYTES, prepareSignMessage, signInWithSolana, signSolanaMessage, signSolanaTransaction } from '../core/sign';
import { prepareSignIn } from '../core/siws';
import { parseWireTransaction } from '../core/wire';
import { assessRisk, type RiskInput } from '../../../core/risk';
import type { RiskWarning } from '../../../protocol/approvals';
import { recentTransferTimes, recordActivity, riskSettings, updateActivity } from '../../../background/activity';
import { awaitUnlock, requestApproval } from '../../../background/approvals';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import { allPermissions, grant, grantOf, revoke } from '../../../background/permissions';
import { onSelectionChanged } from '../../../background/selection';
import { currentSolanaAddress, solanaChainOf, solanaRpcFor, solanaState, withSolanaSigner, type SolanaState } from './state';
import { mintsOf, outgoingTransfers, solOutflow, toApprovalWarnings, transactionDisplay } from './display';
import { tokenLabels } from './tokenLabels';
import { emitToOrigin, type DappContext, type FamilyHandler } from '../../../background/dapp/router';
import { invalidParams, ProviderError, unauthorized, unsupported, errorGuard, optionalObject } from '../../../background/dapp/providerError';

const MAX_TRANSACTIONS = 20;
/** base64 of a transaction is ~1.65 KiB at most (1232 bytes); anything far larger is refused unparsed. */
const MAX_TX_BASE64 = 8 * 1024;
const MAX_MESSAGE_BASE64 = Math.ceil((MAX_SIGN_MESSAGE_BYTES + 1) / 3) * 4 + 8;
/** The preview waits this long for the RPC before showing the request without a simulation. */
const PREVIEW_RPC_TIMEOUT_MS = 8_000;

/** An account as the page's Wallet Standard wallet builds its WalletAccount from. */
export interface SolanaDappAccount {
  address: string;
  /** base64 of the 32-byte ed25519 public key. */
  publicKey: string;
}

export interface SolanaDappState {
  accounts: SolanaDappAccount[];
  chain: SolanaChain;
}

// ---------------------------------------------------------------------------------------------
// Errors and params

/** Core and RPC failures become dApp errors with their (key-free) message. */
function asProviderError(err: unknown): unknown {
  if (err instanceof SolanaWalletError) return new ProviderError(err.providerCode, err.message, { reason: err.code });
  if (err instanceof WalletError) {
    // No Solana key in the selected wallet, locked…: a clear message, never key material.
    return new ProviderError(err.code === 'WRONG_FAMILY' || err.code === 'UNKNOWN_WALLET' ? 4100 : -32603, err.message, { reason: err.code });
  }
  if (err instanceof SolanaRpcError) return new ProviderError(-32603, `Solana RPC error: ${err.message.slice(0, 500)}`, err.code !== undefined ? { rpcCode: err.code } : undefined);
  return err;
}

const guard = errorGuard(asProviderError);

const obj = optionalObject;

function bytesOf(v: unknown, what: string, maxBase64: number): Uint8Array {
  if (typeof v !== 'string' || v.length === 0) throw invalidParams(`${what} must be non-empty bytes`);
  if (v.length > maxBase64) throw invalidParams(`${what} is too large`);
  try {
    return base64.decode(v);
  } catch {
    throw invalidParams(`${what} is not valid base64`);
  }
}

export function accountOf(address: string): SolanaDappAccount {
  return { address, publicKey: base64.encode(base58.decode(address)) };
}

/** The request's chain must be the active cluster's (absent = the active one). */
export function checkChain(chain: unknown, active: SolanaChain): void {
  if (chain === undefined || chain === null) return;
  if (!isSolanaChain(chain)) throw invalidParams(`unsupported chain ${JSON.stringify(String(chain).slice(0, 40))}; this wallet serves solana:mainnet, solana:devnet, solana:testnet and solana:localnet`);
  if (chain !== active) throw new ProviderError(-32602, `Invalid params: the request is for ${chain} but the wallet is on ${active}. Switch the wallet's Solana network first.`, { reason: 'CHAIN_MISMATCH', active });
}

/** The account named by the request must be the connected one. */
function checkAccount(v: unknown, address: string): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'string') throw invalidParams('account must be an address');
  if (v !== address) throw new ProviderError(4100, `The account ${v.slice(0, 60)} is not the connected account.`);
}

const COMMITMENTS: readonly string[] = ['processed', 'confirmed', 'finalized'];

export function sendOptionsOf(v: unknown): SendOptions {
  const o = obj(v, 'options');
  const out: SendOptions = {};
  if (o.skipPreflight !== undefined) out.skipPreflight = o.skipPreflight === true;
  const pc = o.preflightCommitment ?? o.commitment;
  if (pc !== undefined) {
    if (typeof pc !== 'string' || !COMMITMENTS.includes(pc)) throw invalidParams('commitment must be processed, confirmed or finalized');
    out.preflightCommitment = pc as Commitment;
  }
  if (o.maxRetries !== undefined) {
    if (typeof o.maxRetries !== 'number' || !Number.isSafeInteger(o.maxRetries) || o.maxRetries < 0) throw invalidParams('maxRetries must be a non-negative integer');
    out.maxRetries = o.maxRetries;
  }
  if (o.minContextSlot !== undefined) {
    if (typeof o.minContextSlot !== 'number' || !Number.isSafeInteger(o.minContextSlot) || o.minContextSlot < 0) throw invalidParams('minContextSlot must be a non-negative integer');
    out.minContextSlot = o.minContextSlot;
  }
  return out;
}

const networkName = (s: SolanaState): string => `${getSolanaNetwork(s.cluster)?.name ?? s.cluster} (${solanaChainOf(s)})`;

// ---------------------------------------------------------------------------------------------
// Permissions

async function accountsFor(origin: string): Promise<SolanaDappAccount[]> {
  const g = await grantOf(origin, 'solana');
  if (!g) return [];
  if (keyring.unlocked) return [accountOf(await currentSolanaAddress())];
  // Locked: the cached public address, else the one this site was given (already disclosed to it).
  try {
    return [accountOf(await currentSolanaAddress())];
  } catch {
    return g.accounts.slice(0, 1).map(accountOf);
  }
}

async function stateFor(origin: string): Promise<SolanaDappState> {
  return { accounts: await accountsFor(origin), chain: solanaChainOf(await solanaState()) };
}

async function requirePermitted(origin: string): Promise<{ state: SolanaState; address: string }> {
  if (!(await grantOf(origin, 'solana'))) throw unauthorized();
  await awaitUnlock(() => keyring.unlocked);
  return { state: await solanaState(), address: await currentSolanaAddress() };
}

function originWarnings(origin: string): RiskWarning[] {
  return toApprovalWarnings(assessRisk({ origin, chainFamily: 'solana', kind: 'sign' }).filter((w) => w.code === 'INSECURE_ORIGIN'));
}

async function connect(ctx: DappContext, silent: boolean): Promise<SolanaDappState> {
  if (silent) return stateFor(ctx.origin);
  await awaitUnlock(() => keyring.unlocked);
  const state = await solanaState();
  const address = await currentSolanaAddress();
  if (!(await grantOf(ctx.origin, 'solana'))) {
    await requestApproval({
      origin: ctx.origin,
      requestId: ctx.requestId,
      family: 'solana',
      kind: 'connect',
      exclusive: true,
      display: { account: address, network: networkName(state), permissions: 'See your Solana address and public key, and request approval for signatures and transactions' },
      warnings: originWarnings(ctx.origin),
    });
    await grant(ctx.origin, 'solana', [address]);
    emitToOrigin(ctx.origin, 'solana', 'accountsChanged', [address]);
  }
  return { accounts: [accountOf(address)], chain: solanaChainOf(state) };
}

// The dApp account follows the popup's selected account: connected sites learn the new address.
onSelectionChanged(async () => {
  if (!keyring.unlocked) return;
  const address = await currentSolanaAddress();
  for (const [origin, site] of Object.entries(await allPermissions())) if (site.solana) emitToOrigin(origin, 'solana', 'accountsChanged', [address]);
});

async function disconnect(origin: string): Promise<void> {
  await revoke(origin, 'solana');
  emitToOrigin(origin, 'solana', 'accountsChanged', []);
}

// ---------------------------------------------------------------------------------------------
// Transactions

interface TxInput {
  bytes: Uint8Array;
}

function readTxInput(v: unknown, i: number, address: string, active: SolanaChain): TxInput {
  const o = obj(v, `transactions[${i}]`);
  checkAccount(o.account, address);
  checkChain(o.chain, active);
  const bytes = bytesOf(o.transaction, `transactions[${i}].transaction`, MAX_TX_BASE64);
  return { bytes };
}

/** Refuses bad bytes / foreign transactions without touching the network, then previews with it. */
async function previewAll(state: SolanaState, address: string, inputs: TxInput[]): Promise<SolanaTransactionPreview[]> {
  for (const t of inputs) await guard(() => previewSolanaTransaction(null, t.bytes, { wallet: address }));
  const rpc = createSolanaRpc({ url: state.rpcUrl[state.cluster], timeoutMs: PREVIEW_RPC_TIMEOUT_MS });
  const out: SolanaTransactionPreview[] = [];
  for (const t of inputs) out.push(await guard(() => previewSolanaTransaction(rpc, t.bytes, { wallet: address })));
  return out;
}

async function transactionRisk(origin: string, address: string, p: SolanaTransactionPreview): Promise<RiskWarning[]> {
  const transfers = outgoingTransfers(p.instructions, address);
  const settings = await riskSettings();
  const common = { origin, chainFamily: 'solana' as const, userThresholds: settings.thresholds, knownAddresses: settings.knownAddresses, recentTransfers: await recentTransferTimes(address) };
  const inputs: RiskInput[] = [];
  const sol = solOutflow(transfers);
  if (sol.lamports > 0n) inputs.push({ ...common, kind: 'transfer', amount: { value: formatLamports(sol.lamports), symbol: 'SOL' }, ...(sol.to ? { recipient: sol.to } : {}) });
  for (const t of transfers.filter((x) => x.asset === 'token')) {
    inputs.push({
      ...common,
      kind: 'transfer',
      recipient: t.to,
      ...(t.mint ? { tokenContract: t.mint } : {}),
      ...(t.decimals !== undefined ? { amount: { value: formatUnits(t.amount, t.decimals), symbol: t.mint ?? 'token' } } : {}),
    });
  }
  if (inputs.length === 0) inputs.push({ origin, chainFamily: 'solana', kind: 'contract' });
  const seen = new Set<string>();
  const out: RiskWarning[] = [];
  for (const w of inputs.flatMap((i) => toApprovalWarnings(assessRisk(i)))) {
    const key = `${w.code}:${JSON.stringify(w.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  return out;
}

async function approvalFor(ctx: DappContext, state: SolanaState, address: string, previews: SolanaTransactionPreview[], send: boolean, extra: Record<string, unknown> = {}): Promise<void> {
  const warnings: RiskWarning[] = [];
  for (const p of previews) warnings.push(...toApprovalWarnings(p.warnings), ...(await transactionRisk(ctx.origin, address, p)));
  const head = { account: address, network: networkName(state), ...extra };
  const labels = await tokenLabels(state, previews.flatMap(mintsOf));
  const display: Record<string, unknown> =
    previews.length === 1 ? { ...head, ...transactionDisplay(previews[0]!, address, labels) } : { ...head, transactions: previews.map((p, i) => ({ '#': i + 1, ...transactionDisplay(p, address, labels) })) };
  await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'solana', kind: send ? 'sendSolanaTransaction' : 'signSolanaTransaction', display, warnings });
}

async function signTransactions(ctx: DappContext, params: unknown): Promise<{ signedTransactions: string[] }> {
  const p = obj(params, 'params');
  const { state, address } = await requirePermitted(ctx.origin);
  const list = p.transactions;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_TRANSACTIONS) throw invalidParams(`transactions must be an array of 1 … ${MAX_TRANSACTIONS} transactions`);
  const inputs = list.map((v, i) => readTxInput(v, i, address, solanaChainOf(state)));
  const previews = await previewAll(state, address, inputs);
  await approvalFor(ctx, state, address, previews, false);
  const signed = await guard(() => withSolanaSigner((s) => inputs.map((t) => signSolanaTransaction(t.bytes, s.secretKey).signedTransaction), address));
  return { signedTransactions: signed.map((b) => base64.encode(b)) };
}

async function signAndSendTransaction(ctx: DappContext, params: unknown): Promise<{ signature: string }> {
  const p = obj(params, 'params');
  const { state, address } = await requirePermitted(ctx.origin);
  const input = readTxInput(p, 0, address, solanaChainOf(state));
  const options = sendOptionsOf(p.options);
  // Sending needs every other signature already present: refuse before the window, not after.
  const parsed = await guard(() => parseWireTransaction(input.bytes));
  const missing = parsed.signatures.some((s, i) => parsed.requiredSigners[i] !== address && s.every((b) => b === 0));
  if (missing) throw invalidParams('the transaction needs signatures from other accounts before it can be sent; use signTransaction instead');
  return { signature: base64.encode(base58.decode(await approveSignAndSend(ctx, state, address, input.bytes, options))) };
}

/**
 * The one path from a transaction someone asks this wallet to send to the network: preview
 * (decode + simulation), the approval window with the risk checks (`ctx.origin` is who asks),
 * signature, broadcast, activity. Used by a dApp's signAndSendTransaction and by Solana Pay
 * transaction requests (`extra`: the merchant's label and message, shown above the transaction).
 * Returns the base58 signature.
 */
export async function approveSignAndSend(ctx: DappContext, state: SolanaState, address: string, bytes: Uint8Array, options: SendOptions, extra: Record<string, unknown> = {}): Promise<string> {
  const [preview] = await previewAll(state, address, [{ bytes }]);
  await approvalFor(ctx, state, address, [preview!], true, extra);
  const signed = await guard(() => withSolanaSigner((s) => signSolanaTransaction(bytes, s.secretKey), address));
  const rpc = solanaRpcFor(state);
  const signature = await guard(() => sendSolanaTransaction(rpc, signed.signedTransaction, options));
  const transfers = outgoingTransfers(preview!.instructions, address);
  const first = transfers[0];
  await recordActivity({
    hash: signature,
    family: 'solana',
    chainId: state.cluster,
    from: address,
    to: first?.to ?? null,
    value: String(first?.amount ?? 0n),
    symbol: first?.asset === 'token' ? (first.mint ?? 'token') : 'SOL',
    decimals: first?.asset === 'token' ? (first.decimals ?? 0) : 9,
    origin: ctx.origin,
    explorer: null,
  });
  // Follow it in the background; the caller gets the signature now (as wallets do).
  void confirmSolanaTransaction(rpc, signature, { timeoutMs: 90_000 })
    .then((r) => (r.status === 'confirmed' ? updateActivity(signature, 'confirmed') : r.status === 'failed' || r.status === 'expired' ? updateActivity(signature, 'failed') : undefined))
    .catch(() => undefined);
  return signature;
}

// ---------------------------------------------------------------------------------------------
// Messages and sign-in

async function signMessage(ctx: DappContext, params: unknown): Promise<{ signedMessage: string; signature: string }> {
  const p = obj(params, 'params');
  if (typeof p.message === 'string' && p.message.length > MAX_MESSAGE_BASE64) {
    throw new ProviderError(-32602, `Invalid params: the message is larger than ${MAX_SIGN_MESSAGE_BYTES} bytes; at most ${MAX_SIGN_MESSAGE_BYTES} can be signed`, { reason: 'MESSAGE_TOO_LONG' });
  }
  const { state, address } = await requirePermitted(ctx.origin);
  checkAccount(p.account, address);
  const message = bytesOf(p.message, 'message', MAX_MESSAGE_BASE64);
  const req = await guard(() => prepareSignMessage(message, { origin: ctx.origin, address, chain: solanaChainOf(state) }));
  const display: Record<string, unknown> = { account: address, network: networkName(state) };
  if (req.siws) display.type = 'Sign-In With Solana';
  if (req.display.kind === 'text') display.message = req.display.text;
  else display['message (hex)'] = `${req.display.hex} (${req.display.byteLength} bytes)`;
  await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'solana', kind: 'signMessage', display, warnings: [...toApprovalWarnings(req.warnings), ...originWarnings(ctx.origin)] });
  const r = await guard(() => withSolanaSigner((s) => signSolanaMessage(req.message, s.secretKey), address));
  return { signedMessage: base64.encode(r.signedMessage), signature: base64.encode(r.signature) };
}

async function signIn(ctx: DappContext, params: unknown): Promise<{ account: SolanaDappAccount; signedMessage: string; signature: string }> {
  const p = obj(params, 'params');
  const input = p.input ?? {};
  // Binding checks first: a foreign domain is refused without unlocking or a window.
  const preliminary = typeof (input as { address?: unknown }).address === 'string' ? (input as { address: string }).address : undefined;
  // (While locked, a stand-in account: only the domain/uri binding matters here.)
  const probe = preliminary ?? (keyring.unlocked ? await currentSolanaAddress() : '11111111111111111111111111111111');
  await guard(() => prepareSignIn(input, { origin: ctx.origin, address: probe }));
  await awaitUnlock(() => keyring.unlocked);
  const state = await solanaState();
  const address = await currentSolanaAddress();
  const ctxSiws = { origin: ctx.origin, address, chain: solanaChainOf(state) };
  const prepared = await guard(() => prepareSignIn(input, ctxSiws));
  const connected = !!(await grantOf(ctx.origin, 'solana'));
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'solana',
    kind: 'signInSolana',
    display: { account: address, network: networkName(state), domain: prepared.fields.domain, message: prepared.text, ...(connected ? {} : { connects: 'Approving also connects this site to your Solana account' }) },
    warnings: [...toApprovalWarnings(prepared.warnings), ...(prepared.warnings.some((w) => w.code === 'INSECURE_ORIGIN') ? [] : originWarnings(ctx.origin))],
  });
  const r = await guard(() => withSolanaSigner((s) => signInWithSolana(input, ctxSiws, s.secretKey), address));
  if (!connected) {
    await grant(ctx.origin, 'solana', [address]);
    emitToOrigin(ctx.origin, 'solana', 'accountsChanged', [address]);
  }
  return { account: accountOf(address), signedMessage: base64.encode(r.signedMessage), signature: base64.encode(r.signature) };
}

// ---------------------------------------------------------------------------------------------

export const solanaHandler: FamilyHandler = {
  family: 'solana',
  async handle(ctx, method, params) {
    try {
      return await route(ctx, method, params);
    } catch (err) {
      throw asProviderError(err);
    }
  },
};

async function route(ctx: DappContext, method: string, params: unknown): Promise<unknown> {
  switch (method) {
    case 'connect':
      return connect(ctx, obj(params, 'params').silent === true);
    case 'disconnect':
      await disconnect(ctx.origin);
      return null;
    case 'state':
      return stateFor(ctx.origin);
    case 'signTransaction':
      return signTransactions(ctx, params);
    case 'signAndSendTransaction':
      return signAndSendTransaction(ctx, params);
    case 'signMessage':
      return signMessage(ctx, params);
    case 'signIn':
      return signIn(ctx, params);
  }
  throw unsupported(method);
}
