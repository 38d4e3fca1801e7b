/**
 * The EVM reads the worker's eager core answers without loading the rest of the background:
 * `eth_chainId`, `net_version`, `eth_accounts` and the provider's `wallet_getProviderState`, for a
 * site that is not connected on EVM and not blocked. That is what every page's first touch of
 * `window.ethereum` asks, so a cold worker answers it without compiling viem and the derivation
 * libraries. Anything else (a connected site, whose accounts depend on the lock state and the
 * grant's expiry; a blocked site; parameters; an unknown active network) returns null and the
 * request goes to the full router, which answers exactly as before.
 *
 * Reads storage only (the same keys the full background writes), kept in memory until they change.
 * Part of the worker's eager core (src/background/boot/core.ts): it may import nothing but the browser.
 */
import { browser } from 'wxt/browser';

/** The family whose reads are answered here. */
export const EAGER_READS_FAMILY = 'evm';

/** Methods answered here; each takes no parameters. */
export const EAGER_EVM_METHODS: ReadonlySet<string> = new Set(['eth_chainId', 'net_version', 'eth_accounts', 'wallet_getProviderState']);

/**
 * Chain ids of the built-in networks (src/families/evm/core/networks.ts, which needs viem's helpers
 * and is not loaded here); tests/unit/evmReads.test.ts checks the two lists are the same.
 */
export const BUILTIN_CHAIN_IDS: readonly number[] = [1, 56, 137, 42161, 10, 8453, 324, 59144, 43114, 66, 11155111, 97, 80002, 421614, 11155420, 84532, 300, 59141, 43113, 65, 31337];

/** The stored values the answers depend on (storage.local keys evm, permissions, blockedSites, settings). */
export interface StoredReads {
  evm?: { activeChainId?: number; customNetworks?: Array<{ chainId: number }> };
  permissions?: Record<string, Record<string, unknown> | undefined>;
  blockedSites?: Record<string, unknown>;
  settings?: { evmMetaMaskCompat?: boolean };
}
const KEYS = ['evm', 'permissions', 'blockedSites', 'settings'] as const;

const has = (o: object | undefined, k: string): boolean => o !== undefined && o !== null && Object.prototype.hasOwnProperty.call(o, k);

/** The answer, or null when the full background must answer. Pure: tested without a browser. */
export function answerEvmRead(stored: StoredReads, origin: string, method: string, params: unknown): { result: unknown } | null {
  if (!EAGER_EVM_METHODS.has(method)) return null;
  if (params !== undefined && !(Array.isArray(params) && params.length === 0)) return null;
  if (has(stored.blockedSites, origin)) return null;
  const grants = stored.permissions?.[origin];
  if (grants !== undefined && has(grants, 'evm')) return null;
  const chainId = stored.evm?.activeChainId ?? 1;
  const known = BUILTIN_CHAIN_IDS.includes(chainId) || (stored.evm?.customNetworks ?? []).some((n) => n.chainId === chainId);
  if (!Number.isSafeInteger(chainId) || chainId <= 0 || !known) return null;
  const chainIdHex = `0x${chainId.toString(16)}`;
  switch (method) {
    case 'eth_chainId':
      return { result: chainIdHex };
    case 'net_version':
      return { result: String(chainId) };
    case 'eth_accounts':
      return { result: [] };
    default:
      return { result: { chainId: chainIdHex, accounts: [], isMetaMask: stored.settings?.evmMetaMaskCompat !== false } };
  }
}

let memo: Promise<StoredReads> | null = null;
let watching = false;

function stored(): Promise<StoredReads> {
  if (!watching) {
    watching = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && KEYS.some((k) => k in changes)) memo = null;
    });
  }
  return (memo ??= browser.storage.local.get([...KEYS]).then(
    (got) => got as StoredReads,
    (err: unknown) => {
      memo = null;
      throw err;
    },
  ));
}

/**
 * Starts the storage read at worker start: most starts are a page's first request, and the read
 * then overlaps the browser delivering the port instead of following it. A start for anything else
 * wastes one small read.
 */
export function prefetchEagerReads(): void {
  stored().catch(() => undefined);
}

/** The eager answer to a page's request, or null (the full router answers it). */
export async function eagerEvmRead(origin: string, method: string, params: unknown): Promise<{ result: unknown } | null> {
  if (!EAGER_EVM_METHODS.has(method)) return null;
  try {
    return answerEvmRead(await stored(), origin, method, params);
  } catch {
    return null;
  }
}
