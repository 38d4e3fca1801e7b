/**
 * The popup's chain selector across families, and the Home / Send / Receive data of the non-EVM
 * families still wired by hand (Solana, TRON). EVM keeps its own modules (balances.ts, send.ts);
 * this one reuses each family's background state (solana/state.ts, tron/state.ts: the same network
 * the family's dApps see) and the chain cores for every byte that is built, priced, checked and
 * signed. The family modules (src/families/registry.ts) go through families/popup.ts.
 *
 * Balances are cached in storage.local per (chain, address): public data only; the popup paints
 * them at once and refreshes after. Prepared sends wait in memory for the review screen.
 */
import { browser } from 'wxt/browser';
import { formatUnits } from 'viem';
import { parseTokenAmount } from '../../core/chains/evm/erc20';
import { getSolBalance, getSolanaTokenBalances } from '../../core/chains/solana/balances';
import { getSolanaNetwork, solanaExplorerUrl } from '../../core/chains/solana/networks';
import { confirmSolanaTransaction, sendSolanaTransaction } from '../../core/chains/solana/send';
import { prepareSolTransfer, prepareSplTransfer, signPreparedTransfer, type PreparedSolanaTransfer } from '../../core/chains/solana/transfer';
import { getTronBalances } from '../../core/chains/tron/balances';
import { getTronNetwork, tronExplorerUrl } from '../../core/chains/tron/networks';
import { validateTronAddress } from '../../core/chains/tron/address';
import { broadcastTronTransaction, prepareTrc20Transfer, readTrc20Metadata, prepareTrxTransfer, signTronTransaction, waitForTronTransaction, type PreparedTronTransfer } from '../../core/chains/tron/transaction';
import { assessRisk } from '../../core/risk';
import type { AssetBalance, ChainBalancesView, ChainEndpoints, ChainOption, ChainSendPreview, ChainSendRequest, ChainsView, PopupFamily } from '../../protocol/ui';
import { recentTransferTimes, recordActivity, riskSettings, updateActivity } from '../activity';
import { WalletError } from '../errors';
import { assertNever, isWalletFamily } from '../../families/ids';
import type { ModularFamily } from '../../families/registry';
import { endpointsOf, isModular, modularFamilies, selectNetwork, setEndpoint } from '../families/modules';
import { activeRef, cachedModuleBalances, confirmModuleSend, moduleChainOptions, moduleReceiveAddress, prepareActivityAction, prepareModuleSend, refreshModuleBalances } from '../families/popup';
import { announceModuleNetwork } from '../dapp/pipeline';
import { allNetworks, evmState, setActiveChain as setEvmChain } from '../evm/state';
import { keyring } from '../keyring';
import { onLocked } from '../session';
import { cachedTokenDisplays, tokenDisplays, type TokenDisplay } from '../solana/tokenMetadata';
import { currentSolanaAddress, isSolanaClusterId, setSolanaCluster, setSolanaRpcUrl, solanaRpcFor, solanaState, withSolanaSigner, type SolanaState } from '../solana/state';
import { currentTronAddress, resolvedTronState, setTronFullNode, setTronNetwork, tronState, watchTronToken, TRON_NETWORK_IDS, tronApiFor, withTronSigner, type TronNetworkId, type TronState } from '../tron/state';

/** The non-EVM families this file still serves by hand (the module families go through families/popup.ts). */
type HandWired = Exclude<PopupFamily, 'evm' | ModularFamily>;

const FAMILY_KEY = 'popupFamily';
const CACHE_KEY = 'chainBalanceCache';
const MAX_CACHE_ENTRIES = 200;
const TRON_NAMES: Record<TronNetworkId, string> = { mainnet: 'TRON', nile: 'TRON Nile', shasta: 'TRON Shasta', custom: 'TRON (custom node)' };

// ---------------------------------------------------------------------------------------------
// The chain selector

export async function activeFamily(): Promise<PopupFamily> {
  const v = (await browser.storage.local.get(FAMILY_KEY))[FAMILY_KEY];
  return isWalletFamily(v) ? v : 'evm';
}

export async function listChains(): Promise<ChainsView> {
  const [family, evm, networks, sol, tron] = await Promise.all([activeFamily(), evmState(), allNetworks(), solanaState(), resolvedTronState()]);
  const chains: ChainOption[] = [
    ...networks.map((n) => ({ id: `evm:${n.chainId}`, family: 'evm' as const, name: n.name, testnet: !!n.testnet })),
    ...(['mainnet-beta', 'devnet', 'testnet', 'localnet'] as const).map((c) => ({ id: `solana:${c}`, family: 'solana' as const, name: getSolanaNetwork(c)?.name ?? c, testnet: c !== 'mainnet-beta' })),
    ...TRON_NETWORK_IDS.map((n) => ({ id: `tron:${n}`, family: 'tron' as const, name: TRON_NAMES[n], testnet: n !== 'mainnet' })),
    ...moduleChainOptions(),
  ];
  if (isModular(family)) return { chains, active: await activeRef(family), family };
  const activeOf: Record<Exclude<PopupFamily, ModularFamily>, string> = { evm: `evm:${evm.activeChainId}`, solana: `solana:${sol.cluster}`, tron: `tron:${tron.network}` };
  return { chains, active: activeOf[family as Exclude<PopupFamily, ModularFamily>], family };
}

/** Selects a chain of any family; the family's dApps see the same network. */
export async function setActiveChainOption(id: unknown): Promise<ChainsView> {
  if (typeof id !== 'string') throw new WalletError('UNKNOWN_CHAIN', 'Unknown chain');
  const [family, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (family === 'evm' && /^\d{1,15}$/.test(rest)) {
    const chainId = Number(rest);
    if (!(await allNetworks()).some((n) => n.chainId === chainId)) throw new WalletError('UNKNOWN_CHAIN', 'Unknown network');
    await setEvmChain(chainId);
  } else if (family === 'solana' && isSolanaClusterId(rest)) await setSolanaCluster(rest);
  else if (family === 'tron' && (TRON_NETWORK_IDS as readonly string[]).includes(rest)) await setTronNetwork(rest as TronNetworkId);
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
  if (family === 'tron') {
    const s = await resolvedTronState();
    return { chain: `tron:${s.network}`, address: await currentTronAddress(), networkName: TRON_NAMES[s.network] };
  }
  return assertNever(family, 'family'); // a new family must not fall into TRON code
}

function requireOther(family: PopupFamily): HandWired {
  if (family === 'evm') throw new WalletError('UNKNOWN_CHAIN', 'The EVM balances have their own request');
  if (isModular(family)) throw new WalletError('UNKNOWN_CHAIN', 'This chain is served by its family module');
  return family as HandWired;
}

// ---------------------------------------------------------------------------------------------
// Endpoints (Solana RPC / TRON full node; the modules' through families/modules.ts) per network

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

export async function getChainEndpoints(): Promise<ChainEndpoints> {
  const [sol, tron, modules] = await Promise.all([solanaState(), tronState(), Promise.all(modularFamilies().map(async (f) => [f, await endpointsOf(f)] as const))]);
  return { solana: { ...sol.rpcUrl }, tron: { ...tron.fullNode }, ...Object.fromEntries(modules) } as unknown as ChainEndpoints;
}

export async function setChainEndpoint(family: unknown, network: unknown, url: unknown): Promise<ChainEndpoints> {
  if (isModular(family)) {
    if (typeof network !== 'string' || typeof url !== 'string' || url.length > 500) throw new WalletError('INVALID_URL', 'Enter a node URL');
    await setEndpoint(family, network, url);
    return getChainEndpoints();
  }
  const clean = httpUrl(url);
  if (family === 'solana' && isSolanaClusterId(network)) await setSolanaRpcUrl(network, clean);
  else if (family === 'tron' && (TRON_NETWORK_IDS as readonly unknown[]).includes(network)) await setTronFullNode(network as TronNetworkId, clean);
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
    if (family === 'tron') {
      const s = await resolvedTronState();
      const tokens = s.tokens[s.network].map((t) => ({ contract: t.address, symbol: t.symbol, decimals: t.decimals, name: t.symbol, network: 'mainnet' as const }));
      const b = await getTronBalances(tronApiFor(s), address, tokens);
      return {
        family,
        chain,
        networkName,
        address,
        assets: [asset(null, 'TRX', 6, b.trxSun), ...tokens.map((t) => asset(t.contract, t.symbol, t.decimals, b.tokens.find((x) => x.token.contract === t.contract)?.amount ?? null))],
        details: {
          activated: b.activated ? 'yes' : 'no',
          bandwidth: `${b.resources.freeBandwidthAvailable + b.resources.stakedBandwidthAvailable} / ${b.resources.freeBandwidthLimit + b.resources.stakedBandwidthLimit}`,
          energy: `${b.resources.energyAvailable} / ${b.resources.energyLimit}`,
        },
        updatedAt: Date.now(),
      };
    }
    return assertNever(family, 'family');
  });
  await writeCache(view);
  return view;
}

/** Watches a TRC-20 on the active TRON network after reading its symbol and decimals from the contract. */
export async function addChainToken(address: unknown): Promise<ChainBalancesView> {
  if ((await activeFamily()) !== 'tron') throw new WalletError('UNKNOWN_CHAIN', 'Tokens are added on a TRON network (Solana shows every token the account holds)');
  if (typeof address !== 'string' || !validateTronAddress(address.trim()).ok) throw new WalletError('INVALID_ADDRESS', 'Not a TRON contract address');
  const state = await resolvedTronState();
  const contract = address.trim();
  const owner = await currentTronAddress();
  const meta = await guard(() => readTrc20Metadata(tronApiFor(state), owner, contract));
  await watchTronToken(state.network, { address: contract, symbol: meta.symbol, decimals: meta.decimals });
  return refreshChainBalances();
}

/** A fresh receive address of a module family that rotates them (Receive); null when it does not. */
export async function receiveAddress(family: unknown): Promise<{ address: string; path: string; network: string } | null> {
  return isModular(family) ? guard(() => moduleReceiveAddress(family)) : null;
}

// ---------------------------------------------------------------------------------------------
// Send

type PendingChainSend =
  | { family: 'solana'; state: SolanaState; prepared: PreparedSolanaTransfer; preview: ChainSendPreview; expires: number }
  | { family: 'tron'; state: TronState; prepared: PreparedTronTransfer; preview: ChainSendPreview; expires: number };

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
    const prepared = await guard(async () => {
      if (req.token) {
        const tokens = await getSolanaTokenBalances(rpc, from);
        const t = tokens.find((x) => x.mint === req.token);
        if (!t) throw new WalletError('UNKNOWN_TOKEN', 'This account holds no such token');
        const amount = req.amount === 'max' ? t.amount : parseAmount(req.amount, t.decimals);
        return prepareSplTransfer(rpc, { from, to, mint: t.mint, amount });
      }
      if (req.amount === 'max') {
        // Everything but the network fee (the account is closed to 0, never left below rent).
        const balance = await getSolBalance(rpc, from);
        const probe = await prepareSolTransfer(rpc, { from, to, lamports: 1n });
        const lamports = balance - probe.fee.networkFeeLamports;
        if (lamports <= 0n) throw new WalletError('INSUFFICIENT_FUNDS', 'The balance does not cover the network fee');
        return prepareSolTransfer(rpc, { from, to, lamports });
      }
      return prepareSolTransfer(rpc, { from, to, lamports: parseAmount(req.amount, 9) });
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
        networkFee: `${formatUnits(prepared.fee.networkFeeLamports, 9)} SOL`,
        ...(prepared.createsRecipientTokenAccount ? { newTokenAccountRent: `${formatUnits(prepared.fee.rentLamports, 9)} SOL` } : {}),
        ...(prepared.mint ? { mint: prepared.mint } : {}),
      },
      warnings: [...coreWarnings(prepared.warnings), ...(await riskWarnings('solana', from, to, prepared.amount, symbol, decimals, prepared.mint))],
    };
    pending.set(id, { family, state, prepared, preview, expires: Date.now() + PENDING_TTL_MS });
    return preview;
  }

  if (family !== 'tron') return assertNever(family, 'family'); // a new family must not fall into TRON code
  const state = await resolvedTronState();
  const api = tronApiFor(state);
  const from = await currentTronAddress();
  const token = req.token ? state.tokens[state.network].find((t) => t.address === req.token) : undefined;
  if (req.token && !token) throw new WalletError('UNKNOWN_TOKEN', 'That token is not watched on this network');
  const prepared = await guard(async () => {
    if (token) {
      const amount = req.amount === 'max' ? (await getTronBalances(api, from, [{ contract: token.address, symbol: token.symbol, decimals: token.decimals, name: token.symbol, network: 'mainnet' }])).tokens[0]?.amount ?? 0n : parseAmount(req.amount, token.decimals);
      if (amount <= 0n) throw new WalletError('NOTHING_TO_SEND', 'The balance is zero');
      return prepareTrc20Transfer(api, { from, to, contract: token.address, amount, decimals: token.decimals });
    }
    if (req.amount === 'max') {
      const probe = await prepareTrxTransfer(api, { from, to, amountSun: 1n });
      const amountSun = probe.balanceSun - probe.fee.totalSun;
      if (amountSun <= 0n) throw new WalletError('INSUFFICIENT_FUNDS', 'The balance does not cover the network fee');
      return prepareTrxTransfer(api, { from, to, amountSun });
    }
    return prepareTrxTransfer(api, { from, to, amountSun: parseAmount(req.amount, 6) });
  });
  const decimals = prepared.decimals ?? 6;
  const symbol = token?.symbol ?? 'TRX';
  const preview: ChainSendPreview = {
    id,
    family,
    networkName: TRON_NAMES[state.network],
    from,
    to: prepared.to,
    amount: formatUnits(prepared.amount, decimals),
    symbol,
    fee: formatUnits(prepared.fee.totalSun, 6),
    feeSymbol: 'TRX',
    details: {
      bandwidth: `${prepared.fee.bandwidthBytes} bytes (${formatUnits(prepared.fee.bandwidthBurnSun, 6)} TRX burned)`,
      energy: `${prepared.fee.energy} (${formatUnits(prepared.fee.energyBurnSun, 6)} TRX burned)`,
      ...(prepared.fee.activationFeeSun > 0n ? { activation: `${formatUnits(prepared.fee.activationFeeSun, 6)} TRX` } : {}),
      ...(prepared.fee.feeLimitSun !== undefined ? { feeLimit: `${formatUnits(prepared.fee.feeLimitSun, 6)} TRX` } : {}),
    },
    warnings: [...coreWarnings(prepared.warnings), ...(await riskWarnings('tron', from, prepared.to, prepared.amount, symbol, decimals, token?.address))],
  };
  pending.set(id, { family: 'tron', state, prepared, preview, expires: Date.now() + PENDING_TTL_MS });
  return preview;
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

  if (p.family !== 'tron') return assertNever(p, 'pending send');
  const api = tronApiFor(p.state);
  const hash = await guard(async () => {
    const signed = await withTronSigner((s) => {
      if (s.address !== p.prepared.from) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed: prepare the transfer again');
      return signTronTransaction(p.prepared.transaction, s.secretKey);
    });
    return broadcastTronTransaction(api, signed);
  });
  const network = p.state.network === 'custom' ? undefined : getTronNetwork(p.state.network);
  const explorer = network ? (tronExplorerUrl(network, 'tx', hash) ?? null) : null;
  await recordActivity({ hash, family: 'tron', chainId: p.state.network, from: preview.from, to: preview.to, value: p.prepared.amount.toString(), symbol: preview.symbol, decimals: p.prepared.decimals ?? 6, origin: null, explorer });
  follow(hash, async () => {
    const r = await waitForTronTransaction(api, hash);
    return r.status === 'timeout' ? 'unknown' : r.status;
  });
  return { hash, explorer };
}

