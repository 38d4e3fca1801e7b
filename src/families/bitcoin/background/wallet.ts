/**
 * The popup's Bitcoin account: the wallet's HD account m/purpose'/coin'/0' of the address type
 * chosen in Settings, scanned with the BIP44 gap limit on the receive and change chains (a restored
 * wallet finds its coins); Receive shows the first unused receive address, change goes to the first
 * unused change address. An imported key is its single address. dApps see address i of the same
 * account (state.ts). Also read by the incoming history (incoming.ts).
 */
import type { FamilyContext } from '../../types';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import { selectedAccount } from '../../../background/selectedAccount';
import { DEFAULT_SETTINGS, getLocal } from '../../../background/storage';
import { createEsploraClient, EsploraError, type EsploraClient } from '../core/esplora';
import { bitcoinAccountFromMnemonic, bitcoinAccountFromXpub, type BitcoinAccount, type WalletAddress } from '../core/hdAccount';
import { fetchWalletUtxos, scanAccount, type WalletUtxo } from '../core/scan';
import { isBitcoinNetworkId } from '../core/descriptor';
import { withBitcoinSigner, type DappBitcoinNetwork } from './state';

const xpubCache = new Map<string, string>();

export type BitcoinWallet = { kind: 'hd'; account: BitcoinAccount } | { kind: 'single'; address: WalletAddress };

/** The popup's Bitcoin account (HD xpub account, or an imported key's single address). */
export async function bitcoinWallet(network: DappBitcoinNetwork): Promise<BitcoinWallet> {
  const sel = await selectedAccount();
  const scheme = { ...DEFAULT_SETTINGS, ...(await getLocal('settings')) }.bitcoinScheme;
  const w = keyring.wallet(sel.walletId);
  if (w.kind === 'privateKey') {
    if (w.family !== 'bitcoin') throw new WalletError('WRONG_FAMILY', 'The selected wallet has no Bitcoin key');
    const address = await withBitcoinSigner(network, (s) => s.address);
    return { kind: 'single', address };
  }
  const key = `${sel.walletId}:${scheme}:${network}`;
  let xpub = xpubCache.get(key);
  if (!xpub) {
    const acc = bitcoinAccountFromMnemonic(w.mnemonic, w.passphrase, { network, scheme, account: 0 });
    xpub = acc.xpub;
    acc.wipe();
    xpubCache.set(key, xpub);
  }
  return { kind: 'hd', account: bitcoinAccountFromXpub(xpub, { network, scheme, account: 0 }) };
}

/** The address the popup shows: an imported key's, or the HD account's first receive address. */
export const shownAddress = (w: BitcoinWallet): WalletAddress => (w.kind === 'single' ? w.address : w.account.address(0, 0));

export interface BitcoinView {
  receive: WalletAddress;
  change: WalletAddress;
  /** Every address the scan looked at (used and the gap after them). */
  addresses: WalletAddress[];
  utxos: WalletUtxo[];
  confirmed: number;
  unconfirmed: number;
}

export async function scanBitcoin(network: DappBitcoinNetwork, client: EsploraClient): Promise<BitcoinView> {
  const w = await bitcoinWallet(network);
  if (w.kind === 'single') {
    const utxos = await fetchWalletUtxos(client, [w.address]);
    const confirmed = utxos.filter((u) => u.confirmed).reduce((s, u) => s + u.value, 0);
    return { receive: w.address, change: w.address, addresses: [w.address], utxos, confirmed, unconfirmed: utxos.reduce((s, u) => s + u.value, 0) - confirmed };
  }
  const r = await scanAccount(w.account, client);
  return { receive: r.receiveAddress, change: r.changeAddress, addresses: r.scanned, utxos: r.utxos, confirmed: r.balance.confirmed, unconfirmed: r.balance.unconfirmed };
}

/** The context's network as the Bitcoin code names it, and its Esplora client. */
export function chainOf(ctx: FamilyContext): { network: DappBitcoinNetwork; client: EsploraClient } {
  const id = ctx.network.ref.slice(ctx.network.ref.indexOf(':') + 1);
  if (!isBitcoinNetworkId(id)) throw new WalletError('UNKNOWN_CHAIN', 'Unknown Bitcoin network');
  return { network: id, client: createEsploraClient({ baseUrl: ctx.endpoint }) };
}

/** Esplora's failures as the popup explains them (rate limit, unreachable, the API's own message). */
export async function esploraGuard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof EsploraError)) throw err;
    if (err.kind === 'rate_limited') throw new WalletError('RPC_RATE_LIMITED', 'The Bitcoin API is rate-limiting requests');
    if (err.kind === 'unreachable' || err.kind === 'timeout') throw new WalletError('RPC_UNREACHABLE', 'The Bitcoin API cannot be reached');
    throw new WalletError('RPC_ERROR', `Bitcoin API error: ${(err.body ?? err.message).slice(0, 200)}`);
  }
}
