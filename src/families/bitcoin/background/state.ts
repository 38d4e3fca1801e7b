/**
 * The Bitcoin dApp state kept by the background: the active network and the Esplora base URL of
 * each network (storage.local 'bitcoin'), and the dApp-facing account: the selected wallet's
 * address of the user's address type (settings.bitcoinScheme) at the selected account index
 * (m/purpose'/coin'/0'/0/index, the address the popup shows). Keys are derived on demand from
 * the unlocked keyring and wiped after use.
 */
import { browser } from 'wxt/browser';
import { bitcoinAccountFromMnemonic, importedWalletAddress, secretKeyProvider, type SecretKeyProvider, type WalletAddress } from '../core/hdAccount';
import { createEsploraClient, type EsploraClient } from '../core/esplora';
import type { BitcoinScheme } from '../core/networks';
import { keyring } from '../../../background/keyring';
import { DEFAULT_SETTINGS, getLocal } from '../../../background/storage';
import { WalletError } from '../../../background/errors';
import { AccountCache } from '../../../background/accountCache';
import { selectedAccount, type SelectedAccount } from '../../../background/selectedAccount';

export type DappBitcoinNetwork = 'mainnet' | 'testnet' | 'regtest';

export interface BitcoinState {
  network: DappBitcoinNetwork;
  esploraUrl: Record<DappBitcoinNetwork, string>;
}

export const DEFAULT_BITCOIN_STATE: BitcoinState = {
  network: 'mainnet',
  esploraUrl: { mainnet: 'https://mempool.space/api', testnet: 'https://mempool.space/testnet/api', regtest: 'http://127.0.0.1:3002' },
};

const KEY = 'bitcoin';

export async function bitcoinState(): Promise<BitcoinState> {
  const got = (await browser.storage.local.get(KEY))[KEY] as Partial<BitcoinState> | undefined;
  const network = got?.network === 'testnet' || got?.network === 'regtest' ? got.network : 'mainnet';
  return { network, esploraUrl: { ...DEFAULT_BITCOIN_STATE.esploraUrl, ...(got?.esploraUrl ?? {}) } };
}

export async function setBitcoinNetwork(network: DappBitcoinNetwork): Promise<void> {
  const s = await bitcoinState();
  await browser.storage.local.set({ [KEY]: { ...s, network } });
}

export async function setEsploraUrl(network: DappBitcoinNetwork, url: string): Promise<void> {
  const s = await bitcoinState();
  await browser.storage.local.set({ [KEY]: { ...s, esploraUrl: { ...s.esploraUrl, [network]: url } } });
}

export function esploraFor(s: BitcoinState): EsploraClient {
  return createEsploraClient({ baseUrl: s.esploraUrl[s.network] });
}

/** The selected account with the Bitcoin address type chosen in Settings. */
async function selectedBitcoinAccount(): Promise<SelectedAccount & { scheme: BitcoinScheme }> {
  const sel = await selectedAccount();
  const settings = { ...DEFAULT_SETTINGS, ...(await getLocal('settings')) };
  return { ...sel, scheme: settings.bitcoinScheme };
}

/** The dApp account with a key provider for it; call `wipe()` when done. */
export interface BitcoinSigner {
  address: WalletAddress;
  keys: SecretKeyProvider;
  wipe(): void;
}

const addressCache = new AccountCache<WalletAddress>();

/** Public address only (cached per wallet/index/scheme/network while the worker lives). */
export async function currentAddress(network: DappBitcoinNetwork): Promise<WalletAddress> {
  const { walletId, index, scheme } = await selectedBitcoinAccount();
  const address = await addressCache.get([walletId, index, scheme, network], async () => {
    const s = await signerFor(network);
    s.wipe();
    return s.address;
  });
  return { ...address };
}

export async function signerFor(network: DappBitcoinNetwork): Promise<BitcoinSigner> {
  const { walletId, index, scheme } = await selectedBitcoinAccount();
  const w = keyring.wallet(walletId);
  if (w.kind === 'mnemonic') {
    const account = bitcoinAccountFromMnemonic(w.mnemonic, w.passphrase, { network, scheme, account: 0 });
    return { address: account.address(0, index), keys: secretKeyProvider([account]), wipe: () => account.wipe() };
  }
  if (w.family !== 'bitcoin') throw new WalletError('WRONG_FAMILY', 'The selected wallet has no Bitcoin key');
  const kp = keyring.keypair(walletId, 'bitcoin', 0, { network, scheme });
  const secret = kp.secretKey.slice();
  kp.secretKey.fill(0);
  return { address: importedWalletAddress(secret, scheme, network), keys: secretKeyProvider([], [secret]), wipe: () => secret.fill(0) };
}

/** Runs `fn` with the signer and always wipes the key material afterwards. */
export async function withBitcoinSigner<T>(network: DappBitcoinNetwork, fn: (s: BitcoinSigner) => T | Promise<T>): Promise<T> {
  const s = await signerFor(network);
  try {
    return await fn(s);
  } finally {
    s.wipe();
  }
}
