/**
 * The shared side of the family modules (src/families/registry.ts): everything a family's
 * background needs that is not its own — the active network and node URL per family, the selected
 * account's address on it, the key lending, a storage namespace — so a family module holds only
 * what is truly its chain's. Names no family: it reads the registry.
 */
import { moveLegacyStorage } from './legacyStorage';
import { moduleEntry, type FamilyModuleEntry } from '../../families/registry';
import { FAMILY_CORES } from '../../core/chains/registry';
import { FAMILIES, type Family } from '../../families/ids';
import type { ChainRef, FamilyBackground, FamilyContext, FamilyDescriptor, FamilyNetworkState, KeyLease, NetworkInfo, Selection } from '../../families/types';
import { AccountCache } from '../accountCache';
import { WalletError } from '../errors';
import { keyring } from '../keyring';
import { selectedAccount } from '../selectedAccount';
import { localArea } from '../storageCache';

const NETWORK_KEY = 'familyNetwork';
const ENDPOINTS_KEY = 'familyEndpoints';
const STORE_PREFIX = 'family:';

/** The module entry of a family built as a module; null for a family without one (addresses only). */
export function moduleOf(family: Family): FamilyModuleEntry | null {
  return moduleEntry(family);
}

export function isModular(family: unknown): family is Family {
  return typeof family === 'string' && (FAMILIES as readonly string[]).includes(family) && moduleOf(family as Family) !== null;
}

/** Families built as modules, in the registry's order. */
export function modularFamilies(): Family[] {
  return FAMILIES.filter((f) => moduleOf(f) !== null);
}

function entry(family: Family): FamilyModuleEntry {
  const e = moduleOf(family);
  if (!e) throw new WalletError('UNKNOWN_CHAIN', 'This chain family is not available yet');
  return e;
}

const loaded = new Map<Family, Promise<FamilyBackground>>();

/** The family's background module, loaded on first use (a failed load is retried next time). */
export function backgroundOf(family: Family): Promise<FamilyBackground> {
  let p = loaded.get(family);
  if (!p) {
    p = entry(family)
      .background()
      .catch((err: unknown) => {
        loaded.delete(family);
        throw err;
      });
    loaded.set(family, p);
  }
  return p;
}

/** The network id part of a ref ('polkadot:kusama' → 'kusama'). */
export const networkIdOf = (ref: ChainRef | string): string => ref.slice(ref.indexOf(':') + 1);

/** The family's eager description (its core object's): networks, endpoint rule, legacy storage. */
function descriptorOf(family: Family): FamilyDescriptor {
  entry(family);
  return FAMILY_CORES[family].descriptor;
}

export function networksOf(family: Family): readonly NetworkInfo[] {
  return descriptorOf(family).networks;
}

export function findNetwork(family: Family, ref: string): NetworkInfo | undefined {
  return networksOf(family).find((n) => n.ref === ref);
}

/** The family's own network state when it keeps one (a changing list, e.g. user-added networks); else null. */
async function ownNetworks(family: Family): Promise<FamilyNetworkState | null> {
  const load = entry(family).networkState;
  return load ? load() : null;
}

/** Every network of the family as the user sees it now (the descriptor's, or the family's own list). */
export async function familyNetworks(family: Family): Promise<readonly NetworkInfo[]> {
  const own = await ownNetworks(family);
  return own ? own.list() : networksOf(family);
}

async function readMap<T>(key: string): Promise<Partial<Record<string, T>>> {
  const v = (await localArea.get(key))[key] as unknown;
  return v && typeof v === 'object' ? (v as Partial<Record<string, T>>) : {};
}

/** The family's value in its pre-module storage key (descriptor.legacyStorage), read fresh each time: cheap, and never stale. */
async function legacyOf(family: Family): Promise<{ network?: string; endpoints?: Record<string, string> } | null> {
  const legacy = descriptorOf(family).legacyStorage;
  if (!legacy || legacy.move) return null;
  return legacy.read((await localArea.get(legacy.key))[legacy.key]);
}

/** A family whose old key held only what the shared records keep has it moved there once (legacyStorage.move). */
function upgraded(family: Family): Promise<void> {
  const d = descriptorOf(family);
  return d.legacyStorage?.move ? moveLegacyStorage(d, NETWORK_KEY, ENDPOINTS_KEY) : Promise.resolve();
}

export async function activeNetwork(family: Family): Promise<NetworkInfo> {
  await upgraded(family);
  const own = await ownNetworks(family);
  if (own) return own.active();
  // The shared key once the user chose here; before that, what the family stored itself.
  const chosen = (await readMap<string>(NETWORK_KEY))[family] ?? (await legacyOf(family))?.network;
  const list = networksOf(family);
  return (chosen ? list.find((n) => n.ref === chosen) : undefined) ?? list[0]!;
}

/** Selects a network of the family (the popup's selector); returns false when the ref is not one of its networks. */
export async function selectNetwork(family: Family, ref: string): Promise<boolean> {
  const own = await ownNetworks(family);
  if (own) return own.select(ref);
  if (!findNetwork(family, ref)) return false;
  await upgraded(family);
  const all = await readMap<string>(NETWORK_KEY);
  await localArea.set({ [NETWORK_KEY]: { ...all, [family]: ref } });
  return true;
}

async function userEndpoints(family: Family): Promise<Record<string, string>> {
  await upgraded(family);
  const mine = (await readMap<Record<string, string>>(ENDPOINTS_KEY))[family];
  // Setting one URL here copies the pre-module ones along (setEndpoint starts from this).
  return { ...(mine ?? (await legacyOf(family))?.endpoints ?? {}) };
}

/** The node URL in use for each network of the family (the user's, else the default), by network id. */
export async function endpointsOf(family: Family): Promise<Record<string, string>> {
  const mine = await userEndpoints(family);
  return Object.fromEntries(networksOf(family).map((n) => [networkIdOf(n.ref), mine[networkIdOf(n.ref)] ?? n.defaultEndpoint]));
}

/** http(s) or ws(s); plain http/ws only on loopback (a node on this machine). */
export function cleanNodeUrl(raw: string, schemes: readonly string[] = ['https:', 'http:']): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WalletError('INVALID_URL', 'Not a valid URL');
  }
  if (!schemes.includes(url.protocol)) throw new WalletError('INVALID_URL', `The node URL must start with ${schemes.map((s) => `${s}//`).join(' or ')}`);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if ((url.protocol === 'http:' || url.protocol === 'ws:') && !loopback) throw new WalletError('INVALID_URL', 'An unencrypted node URL is allowed only on this computer (localhost); use https/wss');
  if (url.username || url.password) throw new WalletError('INVALID_URL', 'A node URL must not carry a user name or password');
  return url.toString().replace(/\/$/, '');
}

/** Sets (or with '' resets) a network's node URL after the family checked the node answers as that network. */
export async function setEndpoint(family: Family, networkId: string, url: string): Promise<void> {
  const net = findNetwork(family, `${family}:${networkId}`);
  if (!net) throw new WalletError('UNKNOWN_CHAIN', 'Unknown network');
  await upgraded(family);
  const all = await readMap<Record<string, string>>(ENDPOINTS_KEY);
  const mine = await userEndpoints(family);
  if (url.trim() === '') delete mine[networkId];
  else {
    const clean = descriptorOf(family).cleanEndpoint?.(url) ?? cleanNodeUrl(url);
    const bg = await backgroundOf(family);
    await bg.checkEndpoint?.(net, clean);
    mine[networkId] = clean;
  }
  await localArea.set({ [ENDPOINTS_KEY]: { ...all, [family]: mine } });
}

async function endpointOf(family: Family, net: NetworkInfo): Promise<string> {
  return (await userEndpoints(family))[networkIdOf(net.ref)] ?? net.defaultEndpoint;
}

// Public addresses by wallet, index, family and key network: deriving one is not free (sr25519).
// Kept while the worker lives (public values); only derived while unlocked.
const known = new Map<string, string>();

function lend<T>(family: Family, sel: Selection, net: NetworkInfo, fn: (k: KeyLease) => T): T {
  const kp = keyring.keypair(sel.walletId, family, sel.index, net.keyNetwork ? { network: net.keyNetwork } : {});
  try {
    return fn({ address: kp.address, secretKey: kp.secretKey, publicKey: kp.publicKey });
  } finally {
    kp.secretKey.fill(0);
  }
}

/** The selected account's address on the network ('' while the wallet is locked and it was never derived). */
export async function addressOn(family: Family, sel: Selection, net: NetworkInfo): Promise<string> {
  const parts = [sel.walletId, sel.index, family, net.keyNetwork ?? ''];
  const key = AccountCache.key(parts);
  if (!keyring.unlocked) return known.get(key) ?? '';
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const address = lend(family, sel, net, (k) => k.address);
  known.set(key, address);
  return address;
}

/** The family's view of the popup's selected account on its active network. */
export async function familyContext(family: Family): Promise<FamilyContext> {
  const sel = await selectedAccount();
  const network = await activeNetwork(family);
  const [endpoint, address] = await Promise.all([endpointOf(family, network), addressOn(family, sel, network)]);
  const store = `${STORE_PREFIX}${family}:`;
  return {
    family,
    sel,
    network,
    endpoint,
    address,
    async withKey<T>(fn: (k: KeyLease) => Promise<T>): Promise<T> {
      if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
      const now = await selectedAccount();
      if (now.walletId !== sel.walletId || now.index !== sel.index) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed after the request was shown; nothing was signed');
      const kp = keyring.keypair(sel.walletId, family, sel.index, network.keyNetwork ? { network: network.keyNetwork } : {});
      const secretKey = kp.secretKey.slice();
      kp.secretKey.fill(0);
      try {
        if (address && kp.address !== address) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed after the request was shown; nothing was signed');
        return await fn({ address: kp.address, secretKey, publicKey: kp.publicKey });
      } finally {
        secretKey.fill(0);
      }
    },
    storage: storageOf(store),
  };
}

function storageOf(store: string): FamilyContext['storage'] {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      return (await localArea.get(store + key))[store + key] as T | undefined;
    },
    async set(key: string, value: unknown): Promise<void> {
      await localArea.set({ [store + key]: value });
    },
  };
}

/**
 * The family's active network when the wallet has no account of the family (none yet, or the
 * selected wallet is an imported key of another chain): address '' and no key to lend. For dApp
 * methods that answer without an account (DappMethod.withoutAccount).
 */
export async function networkContext(family: Family): Promise<FamilyContext> {
  const network = await activeNetwork(family);
  return {
    family,
    sel: { walletId: '', index: 0 },
    network,
    endpoint: await endpointOf(family, network),
    address: '',
    withKey: () => Promise.reject(new WalletError('WRONG_FAMILY', 'The selected wallet has no account of this chain')),
    storage: storageOf(`${STORE_PREFIX}${family}:`),
  };
}
