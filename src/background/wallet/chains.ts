/**
 * The popup's chain selector across families, and the Home / Send / Receive data of the one family
 * still wired by hand (Solana); the family modules (EVM, Bitcoin and TRON among them) go through
 * src/background/families/popup.ts. This one reuses Solana's background state (solana/state.ts:
 * the same network the family's dApps see) and the chain cores for every byte that is built,
 * priced, checked and signed.
 *
 * Balances are cached in storage.local per (chain, address): public data only; the popup paints
 * them at once and refreshes after. Prepared sends wait in memory for the review screen.
 */
import { browser } from 'wxt/browser';
import { formatUnits } from 'viem';
import { parseTokenAmount } from '../../families/evm/core/erc20';
import { getSolBalance, getSolanaTokenBalances } from '../../families/solana/core/balances';
import { getSolanaNetwork, solanaExplorerUrl } from '../../families/solana/core/networks';
import { confirmSolanaTransaction, sendSolanaTransaction } from '../../families/solana/core/send';
import { prepareSolTransfer, prepareSplTransfer, signPreparedTransfer, type PreparedSolanaTransfer } from '../../families/solana/core/transfer';
import { assessRisk } from '../../core/risk';
import type { AssetBalance, ChainBalancesView, ChainEndpoints, ChainOption, ChainSendPreview, ChainSendRequest, ChainsView, PopupFamily } from '../../protocol/ui';
import { recentTransferTimes, recordActivity, riskSettings, updateActivity } from '../activity';
import { WalletError } from '../errors';
import { WALLET_FAMILIES, assertNever, isWalletFamily } from '../../families/ids';
import type { ModularFamily } from '../../families/registry';
import { endpointsOf, isModular, modularFamilies, selectNetwork, setEndpoint } from '../families/modules';
import { activeRef, addModuleToken, cachedModuleBalances, confirmModuleSend, moduleChainOptions, moduleReceiveAddress, prepareActivityAction, prepareModuleSend, refreshModuleBalances } from '../families/popup';
import { announceModuleNetwork } from '../dapp/pipeline';
import { keyring } from '../keyring';
import { onLocked } from '../session';
import { cachedTokenDisplays, tokenDisplays, type TokenDisplay } from '../../families/solana/background/tokenMetadata';
import { readSolanaPayFields, solanaPayDetails, solanaPayOptions } from '../../families/solana/background/payFields';
import { DEFAULT_SOLANA_STATE, currentSolanaAddress, isSolanaClusterId, setSolanaCluster, setSolanaRpcUrl, solanaRpcFor, solanaState, withSolanaSigner, type SolanaState } from '../../families/solana/background/state';

/** The non-EVM families this file still serves by hand (the module families go through families/popup.ts). */
type HandWired = Exclude<PopupFamily, ModularFamily>;

const FAMILY_KEY = 'popupFamily';
const CACHE_KEY = 'chainBalanceCache';
const MAX_CACHE_ENTRIES = 200;

// ---------------------------------------------------------------------------------------------
// The chain selector

export async function activeFamily(): Promise<PopupFamily> {
  const v = (await browser.storage.local.get(FAMILY_KEY))[FAMILY_KEY];
  return isWalletFamily(v) ? v : WALLET_FAMILIES[0];
}

export async function listChains(): Promise<ChainsView> {
  const [family, sol, modules] = await Promise.all([activeFamily(), solanaState(), moduleChainOptions()]);
  const chains: ChainOption[] = [
    ...(['mainnet-beta', 'devnet', 'testnet', 'localnet'] as const).map((c) => ({ id: `solana:${c}`, family: 'solana' as const, name: getSolanaNetwork(c)?.name ?? c, testnet: c !== 'mainnet-beta' })),
    ...modules,
  ];
  if (isModular(family)) return { chains, active: await activeRef(family), family };
  const activeOf: Record<Exclude<PopupFamily, ModularFamily>, string> = { solana: `solana:${sol.cluster}` };
  return { chains, active: activeOf[family as Exclude<PopupFamily, ModularFamily>], family };
}

/** Selects a chain of any family; the family's dApps see the same network. */
export async function setActiveChainOption(id: unknown): Promise<ChainsView> {
  if (typeof id !== 'string') throw new WalletError('UNKNOWN_CHAIN', 'Unknown chain');
  const [family, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (family === 'solana' && isSolanaClusterId(rest)) await setSolanaCluster(rest);
  else if (isModular(family) && (await selectNetwork(family, id))) await announceModuleNetwork(family);
  else throw new WalletError('UNKNOWN_CHAIN', 'Unknown chain');
  await browser.storage.local.set({ [FAMILY_KEY]: family });
  return listChains();
}

// ---------------------------------------------------------------------------------------------
// Errors from the cores and the nodes, as the UI shows them

function uiError(err: unknown): unknown {
  if (err instanceof WalletError) return err;
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : '';
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) {
    const details = (err as { details?: Record<string, unknown> }).details ?? {};
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    return new WalletError(code, message, undefined, params);
  }
  if (err instanceof TypeError || /fetch|network|ECONNREFUSED/i.test(message)) return new WalletError('RPC_UNREACHABLE', 'The node cannot be reached');
  return new WalletError('RPC_ERROR', message.slice(0, 200) || 'The node answered with an error');
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw uiError(err);
  }
}

// ---------------------------------------------------------------------------------------------
// Balances

type Cache = Record<string, ChainBalancesView>;

async function readCache(): Promise<Cache> {
  return ((await browser.storage.local.get(CACHE_KEY))[CACHE_KEY] as Cache | undefined) ?? {};
}

async function writeCache(view: ChainBalancesView): Promise<void> {
  const cache = await readCache();
  const key = `${view.chain}:${view.address}`;
  delete cache[key];
  const entries = Object.entries(cache).slice(-(MAX_CACHE_ENTRIES - 1));
  // Icons live once, in the token-metadata cache (bounded): copies in every cached view could fill
  // storage.local's quota, which the vault shares.
  const stored: ChainBalancesView = { ...view, assets: view.assets.map(({ icon: _icon, ...a }) => a) };
  await browser.storage.local.set({ [CACHE_KEY]: { ...Object.fromEntries(entries), [key]: stored } });
}

const asset = (token: string | null, symbol: string, decimals: number, amount: bigint | null): AssetBalance => ({
  token,
  symbol,
  decimals,
  balance: amount === null ? null : amount.toString(),
  formatted: amount === null ? null : formatUnits(amount, decimals),
});

const shortMint = (m: string): string => `${m.slice(0, 4)}…${m.slice(-4)}`;
/** The on-chain name and icon of an SPL token, when it has them (the symbol replaces the short mint). */
const labelOf = (d: TokenDisplay | undefined): Pick<AssetBalance, 'name' | 'icon'> => (d ? { ...(d.name ? { name: d.name } : {}), ...(d.icon ? { icon: d.icon } : {}) } : {});

/** The address the popup shows for the active non-EVM chain (public; no RPC). */
async function addressOf(family: HandWired): Promise<{ chain: string; address: string; networkName: string }> {
  if (family === 'solana') {
    const s = await solanaState();
    return { chain: `solana:${s.cluster}`, address: await currentSolanaAddress(), networkName: getSolanaNetwork(s.cluster)?.name ?? s.cluster };
  }
  return assertNever(family, 'family'); // a new family must not fall into another family's code
}

function requireOther(family: PopupFamily): HandWired {
  if (isModular(family)) throw new WalletError('UNKNOWN_CHAIN', 'This chain is served by its family module');
  return family as HandWired;
}

// ---------------------------------------------------------------------------------------------
// Endpoints (Solana RPC; the modules' through families/modules.ts) per network

const isLoopback = (host: string): boolean => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

function httpUrl(url: unknown): string {
  if (typeof url !== 'string' || url.length > 500) throw new WalletError('INVALID_URL', 'Enter an http(s) URL');
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new WalletError('INVALID_URL', 'Enter an http(s) URL');
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) throw new WalletError('INVALID_URL', 'Enter an http(s) URL');
  // Plain http only to this machine (a local node): elsewhere anyone on the path could lie about balances and transactions.
  if (u.protocol === 'http:' && !isLoopback(u.hostname)) throw new WalletError('INSECURE_RPC', 'Use https (plain http only for a node on this computer)');
  return u.toString().replace(/\/$/, '');
}

function defaultEndpoint(family: unknown, network: unknown): string {
  const defaults: Record<string, Record<string, string>> = { solana: DEFAULT_SOLANA_STATE.rpcUrl };
  const url = typeof family === 'string' && typeof network === 'string' ? defaults[family]?.[network] : undefined;
  if (url === undefined) throw new WalletError('UNKNOWN_CHAIN', 'Unknown network');
  return url;
}

export async function getChainEndpoints(): Promise<ChainEndpoints> {
  const [sol, modules] = await Promise.all([solanaState(), Promise.all(modularFamilies().map(async (f) => [f, await endpointsOf(f)] as const))]);
  return { solana: { ...sol.rpcUrl }, ...Object.fromEntries(modules) } as unknown as ChainEndpoints;
}

export async function setChainEndpoint(family: unknown, network: unknown, url: unknown): Promise<ChainEndpoints> {
  if (isModular(family)) {
    if (typeof network !== 'string' || typeof url !== 'string' || url.length > 500) throw new WalletError('INVALID_URL', 'Enter a node URL');
    await setEndpoint(family, network, url);
    return getChainEndpoints();
  }
  // '' resets the network to its default node (Settings' "Reset to default").
  const clean = url === '' ? defaultEndpoint(family, network) : httpUrl(url);
  if (family === 'solana' && isSolanaClusterId(network)) await setSolanaRpcUrl(network, clean);
  else throw new WalletError('UNKNOWN_CHAIN', 'Unknown network');
  return getChainEndpoints();
}

export async function cachedChainBalances(): Promise<ChainBalancesView | null> {
  const active = await activeFamily();
  if (isModular(active)) return cachedModuleBalances(active);
  const family = requireOther(active);
  const { chain, address } = await addressOf(family);
  const view = (await readCache())[`${chain}:${address}`];
  if (!view || family !== 'solana') return view ?? null;
  const labels = await cachedTokenDisplays(chain.slice(chain.indexOf(':') + 1), view.assets.flatMap((a) => (a.token ? [a.token] : [])));
  return { ...view, assets: view.assets.map((a) => (a.token && labels.get(a.token)?.icon ? { ...a, icon: labels.get(a.token)!.icon! } : a)) };
}

export async function refreshChainBalances(): Promise<ChainBalancesView> {
  const active = await activeFamily();
  if (isModular(active)) return guard(() => refreshModuleBalances(active));
  const family = requireOther(active);
  const { chain, address, networkName } = await addressOf(family);
  const view = await guard(async (): Promise<ChainBalancesView> => {
    if (family === 'solana') {
      const sol = await solanaState();
      const rpc = solanaRpcFor(sol);
      const [lamports, tokens] = await Promise.all([getSolBalance(rpc, address), getSolanaTokenBalances(rpc, address)]);
      const labels = await tokenDisplays(sol.cluster, rpc, tokens.map((t) => t.mint));
      return { family, chain, networkName, address, assets: [asset(null, 'SOL', 9, lamports), ...tokens.map((t) => ({ ...asset(t.mint, labels.get(t.mint)?.symbol || shortMint(t.mint), t.decimals, t.amount), ...labelOf(labels.get(t.mint)) }))], details: {}, updatedAt: Date.now() };
    }
    return assertNever(family, 'family');
  });
  await writeCache(view);
  return view;
}

/** Watches a token by its contract address, on a network whose family module offers it (FamilyBackground.watchToken). */
export async function addChainToken(address: unknown): Promise<ChainBalancesView> {
  const active = await activeFamily();
  if (typeof address !== 'string' || address.trim() === '' || address.length > 200) throw new WalletError('INVALID_ADDRESS', 'Enter a token contract address');
  if (!isModular(active)) throw new WalletError('UNKNOWN_CHAIN', 'Tokens are not added by contract on this network');
  return guard(() => addModuleToken(active, address));
}

/** A fresh receive address of a module family that rotates them (Receive); null when it does not. */
export async function receiveAddress(family: unknown): Promise<{ address: string; path: string; network: string } | null> {
  return isModular(family) ? guard(() => moduleReceiveAddress(family)) : null;
}

// ---------------------------------------------------------------------------------------------
// Send

type PendingChainSend =
  | { family: 'solana'; state: SolanaState; prepared: PreparedSolanaTransfer; preview: ChainSendPreview; expires: number };

const PENDING_TTL_MS = 10 * 60_000;
const pending = new Map<string, PendingChainSend>();
onLocked(() => pending.clear());

function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function parseAmount(text: unknown, decimals: number): bigint {
  if (typeof text !== 'string' || text.trim() === '') throw new WalletError('INVALID_AMOUNT', 'An amount is required');
  let v: bigint;
  try {
    v = parseTokenAmount(text, decimals);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('Too many decimal')) throw new WalletError('TOO_MANY_DECIMALS', err.message, undefined, { decimals });
    throw new WalletError('INVALID_AMOUNT', 'Not a valid amount');
  }
  if (v <= 0n) throw new WalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  return v;
}

async function riskWarnings(family: HandWired, from: string, to: string, amount: bigint, symbol: string, decimals: number, tokenContract?: string): Promise<ChainSendPreview['warnings']> {
  const settings = await riskSettings();
  return assessRisk({
    origin: null,
    chainFamily: family,
    kind: 'transfer',
    recipient: to,
    ...(tokenContract ? { tokenContract } : {}),
    amount: { value: formatUnits(amount, decimals), symbol },
    userThresholds: settings.thresholds,
    recentTransfers: await recentTransferTimes(from),
    knownAddresses: settings.knownAddresses,
  }).map((w) => ({ code: w.code, severity: w.severity, params: (w.params ?? {}) as Record<string, string | number | boolean> }));
}

const coreWarnings = (ws: ReadonlyArray<{ code: string; severity: 'info' | 'warning' | 'danger'; params?: Record<string, unknown> }>): ChainSendPreview['warnings'] =>
  ws.map((w) => ({ code: w.code, severity: w.severity, params: Object.fromEntries(Object.entries(w.params ?? {}).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) as Record<string, string | number | boolean> }));

export async function prepareChainSend(req: ChainSendRequest): Promise<ChainSendPreview> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  if (!req || typeof req !== 'object' || typeof req.to !== 'string' || req.to.trim() === '') throw new WalletError('INVALID_ADDRESS', 'A recipient is required');
  const active = await activeFamily();
  if (isModular(active)) return guard(() => prepareModuleSend(active, req));
  const family = requireOther(active);
  const to = req.to.trim();
  const id = newId();
  for (const [k, p] of pending) if (p.expires < Date.now()) pending.delete(k);

  if (family === 'solana') {
    const state = await solanaState();
    const rpc = solanaRpcFor(state);
    const from = await currentSolanaAddress();
    // Solana Pay: reference keys and memo from a pasted transfer request go into the transaction.
    const pay = readSolanaPayFields(req.extra);
    const payOpts = solanaPayOptions(pay);
    const prepared = await guard(async () => {
      if (req.token) {
        const tokens = await getSolanaTokenBalances(rpc, from);
        const t = tokens.find((x) => x.mint === req.token);
        if (!t) throw new WalletError('UNKNOWN_TOKEN', 'This account holds no such token');
        const amount = req.amount === 'max' ? t.amount : parseAmount(req.amount, t.decimals);
        return prepareSplTransfer(rpc, { from, to, mint: t.mint, amount, ...payOpts });
      }
      if (req.amount === 'max') {
        // Everything but the network fee (the account is closed to 0, never left below rent).
        const balance = await getSolBalance(rpc, from);
        const probe = await prepareSolTransfer(rpc, { from, to, lamports: 1n, ...payOpts });
        const lamports = balance - probe.fee.networkFeeLamports;
        if (lamports <= 0n) throw new WalletError('INSUFFICIENT_FUNDS', 'The balance does not cover the network fee');
        return prepareSolTransfer(rpc, { from, to, lamports, ...payOpts });
      }
      return prepareSolTransfer(rpc, { from, to, lamports: parseAmount(req.amount, 9), ...payOpts });
    });
    const decimals = prepared.decimals ?? 9;
    const label = prepared.mint ? (await cachedTokenDisplays(state.cluster, [prepared.mint])).get(prepared.mint) : undefined;
    const symbol = prepared.kind === 'sol' ? 'SOL' : label?.symbol || shortMint(prepared.mint ?? '');
    const preview: ChainSendPreview = {
      id,
      family,
      networkName: getSolanaNetwork(state.cluster)?.name ?? state.cluster,
      from,
      to,
      amount: formatUnits(prepared.amount, decimals),
      symbol,
      fee: formatUnits(prepared.fee.totalLamports, 9),
      feeSymbol: 'SOL',
      details: {
        ...solanaPayDetails(pay),
        networkFee: `${formatUnits(prepared.fee.networkFeeLamports, 9)} SOL`,
        ...(prepared.createsRecipientTokenAccount ? { newTokenAccountRent: `${formatUnits(prepared.fee.rentLamports, 9)} SOL` } : {}),
        ...(prepared.mint ? { mint: prepared.mint } : {}),
      },
      warnings: [...coreWarnings(prepared.warnings), ...(await riskWarnings('solana', from, to, prepared.amount, symbol, decimals, prepared.mint))],
    };
    pending.set(id, { family, state, prepared, preview, expires: Date.now() + PENDING_TTL_MS });
    return preview;
  }

  return assertNever(family, 'family');
}

/** Speeds up one of the wallet's pending sends (the entry's family's 'speedUp' activity action, e.g. Bitcoin RBF). */
export async function prepareSpeedUp(hash: unknown, feeRate: unknown): Promise<ChainSendPreview> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  if (typeof feeRate !== 'number' || !Number.isFinite(feeRate) || feeRate <= 0) throw new WalletError('INVALID_FEE', 'Enter a fee rate');
  return guard(() => prepareActivityAction(hash, 'speedUp', { feeRate }));
}

function follow(hash: string, wait: () => Promise<'confirmed' | 'failed' | 'unknown'>): void {
  void wait()
    .then((s) => (s === 'unknown' ? undefined : updateActivity(hash, s)))
    .catch(() => undefined);
}

export async function confirmChainSend(id: unknown): Promise<{ hash: string; explorer: string | null }> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  const viaModule = typeof id === 'string' ? await guard(() => confirmModuleSend(id)) : undefined;
  if (viaModule) return viaModule;
  const p = typeof id === 'string' ? pending.get(id) : undefined;
  if (!p || p.expires < Date.now()) throw new WalletError('SEND_EXPIRED', 'This transfer was not prepared or has expired: review it again');
  pending.delete(id as string);
  const { preview } = p;

  if (p.family === 'solana') {
    const rpc = solanaRpcFor(p.state);
    const hash = await guard(async () => {
      const signed = await withSolanaSigner((s) => {
        if (s.address !== p.prepared.from) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed: prepare the transfer again');
        return signPreparedTransfer(p.prepared, s.secretKey);
      });
      return sendSolanaTransaction(rpc, signed.signedTransaction);
    });
    const network = getSolanaNetwork(p.state.cluster);
    const explorer = network ? solanaExplorerUrl(network, 'tx', hash) : null;
    await recordActivity({ hash, family: 'solana', chainId: p.state.cluster, from: preview.from, to: preview.to, value: p.prepared.amount.toString(), symbol: preview.symbol, decimals: p.prepared.decimals ?? 9, origin: null, explorer });
    follow(hash, async () => {
      const r = await confirmSolanaTransaction(rpc, hash, { lastValidBlockHeight: p.prepared.lastValidBlockHeight });
      return r.status === 'confirmed' ? 'confirmed' : r.status === 'failed' || r.status === 'expired' ? 'failed' : 'unknown';
    });
    return { hash, explorer };
  }

  // Solana is the last family served here: a pending send is always its own.
  throw new WalletError('SEND_EXPIRED', 'This transfer was not prepared or has expired: review it again');
}
