/**
 * The popup's chain requests (src/protocol/ui.ts: listChains, setActiveChain, endpoints, balances,
 * prepareChainSend / confirmChainSend, speed-up), for every family through its module
 * (families/modules.ts, families/popup.ts). Here: the chain selector across families, the check of
 * what the popup sent, and node/core errors turned into the codes the UI translates. Names no family.
 * Loaded on first use (lazyModules.ts), like the family modules it reaches.
 */
import type { ChainBalancesView, ChainEndpoints, ChainSendPreview, ChainSendRequest, ChainsView, PaymentRequestResult, PopupFamily } from '../../protocol/ui';
import { WalletError } from '../errors';
import { WALLET_FAMILIES, isWalletFamily } from '../../families/ids';
import { keyring } from '../keyring';
import { backgroundOf, endpointsOf, isModular, modularFamilies, selectNetwork, setEndpoint } from './modules';
import { activeRef, addModuleToken, cachedModuleBalances, confirmModuleSend, moduleChainOptions, moduleReceiveAddress, prepareActivityAction, prepareModuleSend, refreshModuleBalances } from './popup';
import { announceModuleNetwork } from '../dapp/pipeline';
import { localArea } from '../storageCache';

const FAMILY_KEY = 'popupFamily';

// ---------------------------------------------------------------------------------------------
// The chain selector

export async function activeFamily(): Promise<PopupFamily> {
  const v = (await localArea.get(FAMILY_KEY))[FAMILY_KEY];
  return isWalletFamily(v) ? v : WALLET_FAMILIES[0]!;
}

/** The active family, which must be a module (every wallet family is; a stored stranger is refused). */
async function activeModule(): Promise<PopupFamily> {
  const family = await activeFamily();
  if (!isModular(family)) throw new WalletError('UNKNOWN_CHAIN', 'Unknown chain');
  return family;
}

export async function listChains(): Promise<ChainsView> {
  const [family, chains] = await Promise.all([activeModule(), moduleChainOptions()]);
  return { chains, active: await activeRef(family), family };
}

/** Selects a chain of any family; the family's dApps see the same network. */
export async function setActiveChainOption(id: unknown): Promise<ChainsView> {
  if (typeof id !== 'string') throw new WalletError('UNKNOWN_CHAIN', 'Unknown chain');
  const family = id.slice(0, id.indexOf(':'));
  if (!isModular(family) || !(await selectNetwork(family, id))) throw new WalletError('UNKNOWN_CHAIN', 'Unknown chain');
  await announceModuleNetwork(family);
  await localArea.set({ [FAMILY_KEY]: family });
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
// Endpoints per network

export async function getChainEndpoints(): Promise<ChainEndpoints> {
  const all = await Promise.all(modularFamilies().map(async (f) => [f, await endpointsOf(f)] as const));
  return Object.fromEntries(all) as unknown as ChainEndpoints;
}

/** Sets a network's node URL ('' resets it to the default: Settings' "Reset to default"). */
export async function setChainEndpoint(family: unknown, network: unknown, url: unknown): Promise<ChainEndpoints> {
  if (!isModular(family)) throw new WalletError('UNKNOWN_CHAIN', 'Unknown network');
  if (typeof network !== 'string' || typeof url !== 'string' || url.length > 500) throw new WalletError('INVALID_URL', 'Enter a node URL');
  await setEndpoint(family, network, url);
  return getChainEndpoints();
}

// ---------------------------------------------------------------------------------------------
// Balances

export async function cachedChainBalances(): Promise<ChainBalancesView | null> {
  return cachedModuleBalances(await activeModule());
}

export async function refreshChainBalances(): Promise<ChainBalancesView> {
  const family = await activeModule();
  return guard(() => refreshModuleBalances(family));
}

/** Watches a token by its contract address, on a network whose family module offers it (FamilyBackground.watchToken). */
export async function addChainToken(address: unknown): Promise<ChainBalancesView> {
  const family = await activeModule();
  if (typeof address !== 'string' || address.trim() === '' || address.length > 200) throw new WalletError('INVALID_ADDRESS', 'Enter a token contract address');
  return guard(() => addModuleToken(family, address));
}

/** A fresh receive address of a module family that rotates them (Receive); null when it does not. */
export async function receiveAddress(family: unknown): Promise<{ address: string; path: string; network: string } | null> {
  return isModular(family) ? guard(() => moduleReceiveAddress(family)) : null;
}

// ---------------------------------------------------------------------------------------------
// Send

export async function prepareChainSend(req: ChainSendRequest): Promise<ChainSendPreview> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  if (!req || typeof req !== 'object' || typeof req.to !== 'string' || req.to.trim() === '') throw new WalletError('INVALID_ADDRESS', 'A recipient is required');
  const family = await activeModule();
  return guard(() => prepareModuleSend(family, req));
}

/** Speeds up one of the wallet's pending sends (the entry's family's 'speedUp' activity action, e.g. Bitcoin RBF). */
export async function prepareSpeedUp(hash: unknown, feeRate: unknown): Promise<ChainSendPreview> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  if (typeof feeRate !== 'number' || !Number.isFinite(feeRate) || feeRate <= 0) throw new WalletError('INVALID_FEE', 'Enter a fee rate');
  return guard(() => prepareActivityAction(hash, 'speedUp', { feeRate }));
}

export async function confirmChainSend(id: unknown): Promise<{ hash: string; explorer: string | null }> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  const sent = typeof id === 'string' ? await guard(() => confirmModuleSend(id)) : undefined;
  if (!sent) throw new WalletError('SEND_EXPIRED', 'This transfer was not prepared or has expired: review it again');
  return sent;
}

/** A payment link's transaction request opened from Send, run by the family whose link it is (its `paymentRequest`). */
export async function paymentRequest(family: unknown, link: unknown): Promise<PaymentRequestResult> {
  if (!isModular(family)) throw new WalletError('UNKNOWN_FAMILY', 'Unknown chain');
  const run = (await backgroundOf(family)).paymentRequest;
  if (!run) throw new WalletError('PAY_REQUEST_UNSUPPORTED', 'This network cannot open payment requests of this kind');
  return run(link);
}
