/**
 * The keyring: the decrypted vault payload, held only in service-worker memory while unlocked.
 * Everything leaving this module is public data (addresses, public keys, paths), except
 * `keypair()`, which signing code in the background uses and never forwards.
 */
import { createDeriver, accountFromPrivateKey } from '../core';
import { mnemonicToSeedWebCrypto } from '../core/derive/mnemonicWebCrypto';
import type { Deriver } from '../core';
import type { DerivedKeypair, Family } from '../core/types';
import type { VaultPayload, VaultWallet } from '../core/vault';
import type { AccountView, Settings, WalletMeta } from '../protocol/ui';
import { WalletError } from './errors';
import { FAMILY_CORES } from '../core/chains/registry';
import { ACCOUNT_FAMILIES } from '../families/ids';

/**
 * What the account list shows for one account index: every family's rows as its core object states
 * them (FamilyCore.accountRows: Kusama beside Polkadot), in the Accounts screen's family order.
 */
export const ACCOUNT_ROWS: ReadonlyArray<{ family: Family; network: string }> = ACCOUNT_FAMILIES.flatMap((family) =>
  FAMILY_CORES[family].accountRows.map((network) => ({ family, network })),
);

export interface KeyOptions {
  network?: string;
  scheme?: string;
}

class Keyring {
  private payload: VaultPayload | null = null;
  private derivers = new Map<string, Deriver>();
  /** Public account views already derived this session (sr25519 and BIP39 seeds are not free). */
  private views = new Map<string, AccountView[]>();
  /** Public EVM addresses by `walletId:index`, so the signing path finds an account without deriving others. */
  private evmAddresses = new Map<string, string>();

  get unlocked(): boolean {
    return this.payload !== null;
  }

  load(payload: VaultPayload): void {
    this.payload = payload;
    this.derivers.clear();
    this.views.clear();
    this.evmAddresses.clear();
  }

  /** Drops every reference to decrypted material (JS cannot wipe strings; references go). */
  clear(): void {
    this.payload = null;
    for (const d of this.derivers.values()) d.wipe();
    this.derivers.clear();
    this.views.clear();
    this.evmAddresses.clear();
  }

  snapshot(): VaultPayload {
    return { wallets: this.requirePayload().wallets.map((w) => ({ ...w })) };
  }

  wallet(walletId: string): VaultWallet {
    const w = this.requirePayload().wallets.find((x) => x.id === walletId);
    if (!w) throw new WalletError('UNKNOWN_WALLET', 'No wallet with that id');
    return w;
  }

  keypair(walletId: string, family: Family, index: number, opts: KeyOptions = {}): DerivedKeypair {
    const w = this.wallet(walletId);
    if (w.kind === 'privateKey') {
      if (w.family !== family) throw new WalletError('WRONG_FAMILY', `This imported key belongs to ${w.family}`);
      if (index !== 0) throw new WalletError('UNKNOWN_ACCOUNT', 'An imported key has a single account');
      return accountFromPrivateKey(family, w.privateKey, opts);
    }
    let d = this.derivers.get(w.id);
    if (!d) {
      d = createDeriver(w.mnemonic, w.passphrase);
      this.derivers.set(w.id, d);
    }
    return d.account(family, index, opts);
  }

  /**
   * Computes a mnemonic wallet's BIP39 seed with WebCrypto PBKDF2 (native, off the JS thread's
   * hot loop) before the first synchronous derivation needs it; the noble path stays the fallback.
   */
  async prepare(walletId: string): Promise<void> {
    const w = this.wallet(walletId);
    if (w.kind !== 'mnemonic' || this.derivers.has(w.id)) return;
    const seed = await mnemonicToSeedWebCrypto(w.mnemonic, w.passphrase);
    // A lock or another prepare() may have happened while the seed was computed.
    if (this.payload === null || this.derivers.has(w.id) || !this.payload.wallets.includes(w)) {
      seed.fill(0);
      return;
    }
    this.derivers.set(w.id, createDeriver(w.mnemonic, w.passphrase, seed));
    seed.fill(0);
  }

  /** The EVM address of one account (public), derived at most once per session. */
  evmAddress(walletId: string, index: number): string {
    const key = `${walletId}:${index}`;
    const hit = this.evmAddresses.get(key);
    if (hit) return hit;
    const kp = this.keypair(walletId, 'evm', index);
    kp.secretKey.fill(0);
    this.evmAddresses.set(key, kp.address);
    return kp.address;
  }

  /** The EVM address of one account if this session already knows it (no derivation). */
  knownEvmAddress(walletId: string, index: number): string | undefined {
    return this.evmAddresses.get(`${walletId}:${index}`);
  }

  /** Records an EVM address known from the public cache (storage.session) without deriving it. */
  rememberEvmAddress(walletId: string, index: number, address: string): void {
    this.evmAddresses.set(`${walletId}:${index}`, address);
  }

  /** The account among those already known this session that owns an EVM address, if any. */
  knownEvmOwner(address: string): { walletId: string; index: number; address: string } | undefined {
    const want = address.toLowerCase();
    for (const [key, a] of this.evmAddresses) {
      if (a.toLowerCase() !== want) continue;
      const cut = key.lastIndexOf(':');
      return { walletId: key.slice(0, cut), index: Number(key.slice(cut + 1)), address: a };
    }
    return undefined;
  }

  /** Cached public views, if this session has them. */
  cachedAccounts(meta: WalletMeta, index: number, settings: Settings, bitcoinNetwork = 'mainnet'): AccountView[] | undefined {
    return this.views.get(viewKey(meta, index, settings, bitcoinNetwork))?.map((v) => ({ ...v }));
  }

  /** Adopts public views read from storage.session (written by this background earlier). */
  rememberAccounts(meta: WalletMeta, index: number, settings: Settings, views: AccountView[], bitcoinNetwork = 'mainnet'): void {
    this.views.set(viewKey(meta, index, settings, bitcoinNetwork), views.map((v) => ({ ...v })));
    const evm = views.find((v) => v.family === 'evm');
    if (evm) this.rememberEvmAddress(meta.id, index, evm.address);
  }

  /** Public views of one account index across all families (or the single family of an imported key). */
  accounts(meta: WalletMeta, index: number, settings: Settings, bitcoinNetwork = 'mainnet'): AccountView[] {
    const cached = this.cachedAccounts(meta, index, settings, bitcoinNetwork);
    if (cached) return cached;
    const views = this.deriveViews(meta, index, settings, bitcoinNetwork);
    this.rememberAccounts(meta, index, settings, views, bitcoinNetwork);
    return views.map((v) => ({ ...v }));
  }

  private deriveViews(meta: WalletMeta, index: number, settings: Settings, bitcoinNetwork: string): AccountView[] {
    const rows = meta.kind === 'privateKey' ? ACCOUNT_ROWS.filter((r) => r.family === meta.family).slice(0, 1) : ACCOUNT_ROWS;
    return rows.map(({ family, network: rowNetwork }) => {
      // The Bitcoin row shows the network dApps are given (testnet/regtest: coin type 1, tb1/bcrt1).
      const network = family === 'bitcoin' ? bitcoinNetwork : rowNetwork;
      const opts: KeyOptions = family === 'bitcoin' ? { network, scheme: settings.bitcoinScheme } : { network };
      const kp = this.keypair(meta.id, family, index, opts);
      const view: AccountView = {
        walletId: meta.id,
        index,
        family,
        network,
        address: kp.address,
        publicKey: kp.publicKey,
        path: kp.path,
      };
      kp.secretKey.fill(0);
      const alt = FAMILY_CORES[family].altAddress?.(kp.address);
      if (alt !== undefined) view.altAddress = alt;
      return view;
    });
  }

  private requirePayload(): VaultPayload {
    if (!this.payload) throw new WalletError('LOCKED', 'The wallet is locked');
    return this.payload;
  }
}

/** Cache key of one account index's views: the Bitcoin address type and network change the Bitcoin row. */
export function viewKey(meta: WalletMeta, index: number, settings: Settings, bitcoinNetwork = 'mainnet'): string {
  return `${meta.id}:${index}:${settings.bitcoinScheme}:${bitcoinNetwork}`;
}

export const keyring = new Keyring();
