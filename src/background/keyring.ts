/**
 * The keyring: the decrypted vault payload, held only in service-worker memory while unlocked.
 * Everything leaving this module is public data (addresses, public keys, paths), except
 * `keypair()`, which signing code in the background uses and never forwards.
 */
import { createDeriver, accountFromPrivateKey, eosLegacyPublicKey } from '../core';
import type { Deriver } from '../core';
import type { DerivedKeypair, Family } from '../core/types';
import type { VaultPayload, VaultWallet } from '../core/vault';
import type { AccountView, Settings, WalletMeta } from '../protocol/ui';
import { WalletError } from './errors';

/** What the account list shows for one account index: every family, and Kusama beside Polkadot. */
export const ACCOUNT_ROWS: ReadonlyArray<{ family: Family; network: string }> = [
  { family: 'bitcoin', network: 'mainnet' },
  { family: 'evm', network: 'mainnet' },
  { family: 'tron', network: 'mainnet' },
  { family: 'solana', network: 'mainnet' },
  { family: 'aptos', network: 'mainnet' },
  { family: 'polkadot', network: 'polkadot' },
  { family: 'polkadot', network: 'kusama' },
  { family: 'eos', network: 'mainnet' },
];

export interface KeyOptions {
  network?: string;
  scheme?: string;
}

class Keyring {
  private payload: VaultPayload | null = null;
  private derivers = new Map<string, Deriver>();
  /** Public account views already derived this session (sr25519 and BIP39 seeds are not free). */
  private views = new Map<string, AccountView[]>();

  get unlocked(): boolean {
    return this.payload !== null;
  }

  load(payload: VaultPayload): void {
    this.payload = payload;
    this.derivers.clear();
    this.views.clear();
  }

  /** Drops every reference to decrypted material (JS cannot wipe strings; references go). */
  clear(): void {
    this.payload = null;
    this.derivers.clear();
    this.views.clear();
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

  /** Public views of one account index across all families (or the single family of an imported key). */
  accounts(meta: WalletMeta, index: number, settings: Settings, bitcoinNetwork = 'mainnet'): AccountView[] {
    const key = `${meta.id}:${index}:${settings.bitcoinScheme}:${bitcoinNetwork}`;
    const cached = this.views.get(key);
    if (cached) return cached.map((v) => ({ ...v }));
    const views = this.deriveViews(meta, index, settings, bitcoinNetwork);
    this.views.set(key, views);
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
      if (family === 'eos') view.altAddress = eosLegacyPublicKey(kp.address);
      return view;
    });
  }

  private requirePayload(): VaultPayload {
    if (!this.payload) throw new WalletError('LOCKED', 'The wallet is locked');
    return this.payload;
  }
}

export const keyring = new Keyring();
