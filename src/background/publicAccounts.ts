/**
 * Public account rows (addresses, public keys, paths; never a key) kept in storage.session, so
 * the account list right after unlock or after a worker restart, and the signing path's "which
 * account owns this address", are answered without deriving anything. storage.session is
 * memory-only and, at its default access level, readable and writable only by the extension's
 * trusted contexts (checklist item 10): content scripts and pages can neither read nor plant rows.
 * It is cleared when the browser closes and by reset; the first unlock after that derives once.
 * Rows are one storage key each (no read-modify-write, so concurrent writers cannot lose one).
 */
import type { AccountView, Settings, WalletMeta } from '../protocol/ui';
import { keyring, viewKey } from './keyring';
import { WalletError } from './errors';
import { sessionArea } from './storageCache';

const VIEW_PREFIX = 'pub:view:';
const EVM_PREFIX = 'pub:evm:';

interface EvmOwner {
  walletId: string;
  index: number;
  address: string;
}

/** The account list of one index: memory, then storage.session, then derived (seed by WebCrypto) and stored. */
export async function accountViews(meta: WalletMeta, index: number, settings: Settings, bitcoinNetwork = 'mainnet'): Promise<AccountView[]> {
  const mem = keyring.cachedAccounts(meta, index, settings, bitcoinNetwork);
  if (mem) return mem;
  const key = VIEW_PREFIX + viewKey(meta, index, settings, bitcoinNetwork);
  const stored = (await sessionArea.get(key))[key] as AccountView[] | undefined;
  if (Array.isArray(stored) && stored.length > 0 && stored.every((v) => v.walletId === meta.id && v.index === index)) {
    keyring.rememberAccounts(meta, index, settings, stored, bitcoinNetwork);
    return keyring.cachedAccounts(meta, index, settings, bitcoinNetwork) ?? stored;
  }
  await keyring.prepare(meta.id);
  const views = keyring.accounts(meta, index, settings, bitcoinNetwork);
  const evm = views.find((v) => v.family === 'evm');
  await sessionArea.set({
    [key]: views,
    ...(evm ? { [EVM_PREFIX + evm.address.toLowerCase()]: { walletId: meta.id, index, address: evm.address } satisfies EvmOwner } : {}),
  });
  return views;
}

/** The public EVM address of one account, derived at most once per browser session. */
export async function evmAddressOf(walletId: string, index: number): Promise<string> {
  const known = keyring.knownEvmAddress(walletId, index);
  if (known) return known;
  await keyring.prepare(walletId);
  const address = keyring.evmAddress(walletId, index);
  await sessionArea.set({ [EVM_PREFIX + address.toLowerCase()]: { walletId, index, address } satisfies EvmOwner });
  return address;
}

/**
 * The wallet account that owns an EVM address, without deriving any other account when the
 * address was handed out before (the usual case: a site signs with the address it was given).
 * Unknown addresses fall back to a scan that derives EVM addresses only, and remembers them.
 */
export async function findEvmOwner(address: string, metas: WalletMeta[]): Promise<EvmOwner> {
  const mem = keyring.knownEvmOwner(address);
  if (mem) return mem;
  const key = EVM_PREFIX + address.toLowerCase();
  const stored = (await sessionArea.get(key))[key] as EvmOwner | undefined;
  if (stored && metas.some((m) => m.id === stored.walletId && stored.index < m.accountCount)) {
    keyring.rememberEvmAddress(stored.walletId, stored.index, stored.address);
    return { ...stored };
  }
  const want = address.toLowerCase();
  for (const m of metas) {
    if (m.kind === 'privateKey' && m.family !== 'evm') continue;
    for (let i = 0; i < m.accountCount; i++) {
      const a = await evmAddressOf(m.id, i);
      if (a.toLowerCase() === want) return { walletId: m.id, index: i, address: a };
    }
  }
  throw new WalletError('UNKNOWN_ACCOUNT', 'That account is not in this wallet');
}
