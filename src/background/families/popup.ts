/**
 * The popup's one pipeline for families built as modules: chain selector entries, balances (painted
 * from a cache, then refreshed), and send as prepare → preview → confirm, where the plan stays in the
 * family's closure and the popup only holds an id. Risk warnings come from the shared engine, from
 * the facts the family states. Names no family.
 */
import type { Family } from '../../families/ids';
import type { FamilyContext, PreparedSend, RiskFacts, SendRequestGeneric } from '../../families/types';
import { assessRisk } from '../../core/risk';
import type { ChainBalancesView, ChainOption, ChainSendPreview, ChainSendRequest } from '../../protocol/ui';
import { listActivity, recentTransferTimes, recordActivity, riskSettings, updateActivity } from '../activity';
import { WalletError } from '../errors';
import { onLocked } from '../session';
import { activeNetwork, backgroundOf, familyContext, familyNetworks, isModular, modularFamilies, networkIdOf } from './modules';
import { listAddressBook } from '../wallet/addressBook';
import { localArea } from '../storageCache';

type PopupFamily = ChainBalancesView['family'];

const CACHE_KEY = 'familyBalanceCache';
const MAX_CACHE_ENTRIES = 100;
const PENDING_TTL_MS = 10 * 60_000;

/** Every network of every module family, for the popup's selector. */
export async function moduleChainOptions(): Promise<ChainOption[]> {
  const lists = await Promise.all(modularFamilies().map(async (f) => (await familyNetworks(f)).map((n) => ({ id: n.ref, family: f as ChainOption['family'], name: n.name, testnet: n.testnet }))));
  return lists.flat();
}

export async function activeRef(family: Family): Promise<string> {
  return (await activeNetwork(family)).ref;
}

type Cache = Record<string, ChainBalancesView>;

async function readCache(): Promise<Cache> {
  const v = (await localArea.get(CACHE_KEY))[CACHE_KEY] as unknown;
  return v && typeof v === 'object' ? (v as Cache) : {};
}

const cacheKey = (chain: string, address: string): string => `${chain}|${address}`;

/** The family's context with the address the popup shows (the family's own choice when it has one). */
async function popupContext(family: Family): Promise<FamilyContext> {
  const ctx = await familyContext(family);
  const bg = await backgroundOf(family);
  return bg.popupAddress && ctx.address ? { ...ctx, address: await bg.popupAddress(ctx) } : ctx;
}

export async function cachedModuleBalances(family: Family): Promise<ChainBalancesView | null> {
  const ctx = await popupContext(family);
  if (!ctx.address) return null;
  const view = (await readCache())[cacheKey(ctx.network.ref, ctx.address)] ?? null;
  const bg = await backgroundOf(family);
  return view && bg.cachedIcons ? { ...view, assets: await bg.cachedIcons(ctx, view.assets) } : view;
}

export async function refreshModuleBalances(family: Family): Promise<ChainBalancesView> {
  const ctx = await popupContext(family);
  const bg = await backgroundOf(family);
  const b = await bg.balances(ctx);
  const view: ChainBalancesView = {
    family: family as PopupFamily,
    chain: ctx.network.ref,
    networkName: ctx.network.name,
    address: ctx.address,
    assets: b.assets,
    details: b.details,
    updatedAt: Date.now(),
  };
  const cache = await readCache();
  const key = cacheKey(view.chain, view.address);
  delete cache[key];
  // A family that keeps its icons itself (cachedIcons) has them left out here: copies in every cached
  // view could fill storage.local's quota, which the vault shares.
  const stored: ChainBalancesView = bg.cachedIcons ? { ...view, assets: view.assets.map(({ icon: _icon, ...a }) => a) } : view;
  const entries = [...Object.entries(cache), [key, stored] as const].slice(-MAX_CACHE_ENTRIES);
  await localArea.set({ [CACHE_KEY]: Object.fromEntries(entries) });
  return view;
}

/** Watches a token by its contract (FamilyBackground.watchToken), then shows the balances with it. */
export async function addModuleToken(family: Family, contract: string): Promise<ChainBalancesView> {
  const bg = await backgroundOf(family);
  if (!bg.watchToken) throw new WalletError('UNKNOWN_CHAIN', 'Tokens are not added by contract on this network');
  await bg.watchToken(await familyContext(family), contract);
  return refreshModuleBalances(family);
}

interface Pending {
  family: Family;
  chainId: string;
  prepared: PreparedSend;
  preview: ChainSendPreview;
  expires: number;
}

// Prepared sends wait here for the review screen; the popup holds only the id.
const pending = new Map<string, Pending>();
onLocked(() => pending.clear());

async function riskOf(family: Family, from: string, facts: RiskFacts): Promise<ChainSendPreview['warnings']> {
  const [settings, book] = await Promise.all([riskSettings(), listAddressBook().catch(() => ({ entries: [] }))]);
  // The user's contacts of this family are known recipients, like earlier recipients.
  const contacts = book.entries.filter((e) => e.family === family).map((e) => ({ address: e.address, source: 'addressBook' as const, label: e.name }));
  return assessRisk({
    ...facts,
    origin: null,
    chainFamily: family,
    userThresholds: settings.thresholds,
    recentTransfers: await recentTransferTimes(from),
    knownAddresses: [...settings.knownAddresses, ...contacts],
  }).map((w) => ({ code: w.code, severity: w.severity, params: (w.params ?? {}) as Record<string, string | number | boolean> }));
}

function sendRequestOf(req: ChainSendRequest): SendRequestGeneric {
  if (typeof req.to !== 'string' || typeof req.amount !== 'string') throw new WalletError('INVALID_REQUEST', 'A send needs a recipient and an amount');
  const extra = req.extra && typeof req.extra === 'object' ? Object.fromEntries(Object.entries(req.extra).filter(([, v]) => typeof v === 'string' || typeof v === 'boolean')) : undefined;
  return { to: req.to.trim(), amount: req.amount.trim(), ...(req.token ? { token: req.token } : {}), ...(extra ? { extra } : {}) };
}

/** Keeps a prepared send for the review screen (risk warnings added) and returns what the popup shows. */
async function hold(family: Family, ctx: FamilyContext, prepared: PreparedSend): Promise<ChainSendPreview> {
  // Recent transfers are recorded under the preview's sender, so they are counted under it too.
  const shared = await riskOf(family, prepared.preview.from, prepared.facts);
  const own = (prepared.warnings ?? []).map((w) => ({ code: w.code, severity: w.severity, params: (w.params ?? {}) as Record<string, string | number | boolean> }));
  const id = crypto.randomUUID();
  const preview: ChainSendPreview = { id, family: family as PopupFamily, networkName: ctx.network.name, ...prepared.preview, warnings: [...own, ...shared] };
  for (const [k, p] of pending) if (p.expires < Date.now()) pending.delete(k);
  pending.set(id, { family, chainId: networkIdOf(ctx.network.ref), prepared, preview, expires: Date.now() + PENDING_TTL_MS });
  return preview;
}

export async function prepareModuleSend(family: Family, req: ChainSendRequest): Promise<ChainSendPreview> {
  const ctx = await popupContext(family);
  return hold(family, ctx, await (await backgroundOf(family)).prepareSend(ctx, sendRequestOf(req)));
}

/**
 * A send that follows from one of the wallet's own activity entries (a family's `activityActions`,
 * e.g. a speed-up), on the entry's family; confirmed with confirmModuleSend like any send.
 */
export async function prepareActivityAction(hash: unknown, action: string, params: unknown): Promise<ChainSendPreview> {
  const item = typeof hash === 'string' ? (await listActivity()).find((a) => a.hash === hash) : undefined;
  const family = item?.family;
  const bg = item && isModular(family) ? await backgroundOf(family) : undefined;
  const run = bg?.activityActions && Object.prototype.hasOwnProperty.call(bg.activityActions, action) ? bg.activityActions[action] : undefined;
  if (!item || !family || !run) throw new WalletError('NOT_REPLACEABLE', 'This activity entry offers no such action');
  const ctx = await popupContext(family);
  return hold(family, ctx, await run(ctx, item, params));
}

/** A fresh receive address of the family on its active network, when the family rotates them (else null). */
export async function moduleReceiveAddress(family: Family): Promise<{ address: string; path: string; network: string } | null> {
  const bg = await backgroundOf(family);
  if (!bg.receiveAddress) return null;
  const ctx = await popupContext(family);
  return { ...(await bg.receiveAddress(ctx)), network: networkIdOf(ctx.network.ref) };
}

/** Confirms a send prepared here; undefined when the id is not one of this pipeline's. */
export async function confirmModuleSend(id: string): Promise<{ hash: string; explorer: string | null } | undefined> {
  const p = pending.get(id);
  if (!p) return undefined;
  pending.delete(id);
  if (p.expires < Date.now()) throw new WalletError('EXPIRED', 'This send expired; review it again');
  const sent = await p.prepared.confirm();
  const { preview } = p;
  await recordActivity({
    hash: sent.hash,
    family: p.family,
    chainId: p.chainId,
    from: preview.from,
    to: preview.to,
    value: p.prepared.record.value,
    symbol: preview.symbol,
    decimals: p.prepared.record.decimals,
    origin: null,
    explorer: sent.explorer,
  });
  if (p.prepared.record.replaces) await updateActivity(p.prepared.record.replaces, 'replaced');
  sent.settled?.then(
    (ok) => updateActivity(sent.hash, ok ? 'confirmed' : 'failed'),
    () => undefined,
  );
  return { hash: sent.hash, explorer: sent.explorer };
}
