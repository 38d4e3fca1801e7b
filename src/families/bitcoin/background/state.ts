/**
 * The Bitcoin state kept by the background: the active network and the Esplora base URL of each
 * network (the shared family records of src/background/families/modules.ts, moved there from the
 * pre-module key 'bitcoin' on first read: see the descriptor), and the dApp-facing account: the
 * selected wallet's address of the user's address type (settings.bitcoinScheme) at the selected
 * account index (m/purpose'/coin'/0'/0/index). Keys are derived on demand from the unlocked keyring
 * and wiped after use.
 */
import { bitcoinAccountFromMnemonic, importedWalletAddress, secretKeyProvider, type SecretKeyProvider, type WalletAddress } from '../core/hdAccount';
import { createEsploraClient, type EsploraClient } from '../core/esplora';
import type { BitcoinScheme } from '../core/networks';
import { isBitcoinNetworkId, type BitcoinNetworkId } from '../core/descriptor';
import { keyring } from '../../../background/keyring';
import { DEFAULT_SETTINGS, getLocal } from '../../../background/storage';
import { WalletError } from '../../../background/errors';
import { AccountCache } from '../../../background/accountCache';
import { selectedAccount, type SelectedAccount } from '../../../background/selectedAccount';
import { activeNetwork, endpointsOf, networkIdOf, selectNetwork, setEndpoint } from '../../../background/families/modules';

export type DappBitcoinNetwork = BitcoinNetworkId;

export interface BitcoinState {
  network: DappBitcoinNetwork;
  esploraUrl: Record<DappBitcoinNetwork, string>;
}

export async function bitcoinState(): Promise<BitcoinState> {
  const [net, urls] = await Promise.all([activeNetwork('bitcoin'), endpointsOf('bitcoin')]);
  const id = networkIdOf(net.ref);
  return { network: isBitcoinNetworkId(id) ? id : 'mainnet', esploraUrl: urls as Record<DappBitcoinNetwork, string> };
}

export async function setBitcoinNetwork(network: DappBitcoinNetwork): Promise<void> {
  await selectNetwork('bitcoin', `bitcoin:${network}`);
}

export async function setEsploraUrl(network: DappBitcoinNetwork, url: string): Promise<void> {
  await setEndpoint('bitcoin', network, url);
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
