/**
 * The extension pages' requests about chains (src/protocol/ui.ts): EVM networks and tokens, the
 * chain selector, node endpoints, balances, the one send pipeline (prepareChainSend /
 * confirmChainSend), activity, NFTs, the address book, prices and payment links' transaction requests.
 * Split from walletService.ts (wallets, accounts, settings, session), which spreads these in.
 */
import type { UiRequests } from '../protocol/ui';
import { FAMILIES } from '../core/types';
import { validateAddress } from '../core';
import { WalletError } from './errors';
import { keyring } from './keyring';
import { addNetwork, editNetwork, listNetworks, removeNetwork, resetNetwork, switchNetwork } from '../families/evm/background/networks';
import { addToken } from '../families/evm/background/balances';
import { activityView } from '../families/evm/background/activity';
import { listNfts, sendNft } from '../families/evm/background/nfts';
import { refreshIncoming } from './incoming/refresh';
import { listAddressBook, removeEntry, saveEntry } from './wallet/addressBook';
// The popup's chain operations and the families' SDKs (@solana/web3.js, btc-signer transactions…)
// are evaluated on first use: see lazyModules.ts.
import { walletChains } from './lazyModules';
import { activeNetwork, isModular } from './families/modules';
import { cachedPrices, refreshPrices } from './prices/service';

type ChainMethod = 'listNetworks' | 'setActiveNetwork' | 'addNetwork' | 'removeNetwork' | 'editNetwork' | 'resetNetwork' | 'addToken' | 'checkAddress' | 'listNfts' | 'sendNft' | 'listActivity' | 'refreshIncoming' | 'listAddressBook' | 'saveAddressBookEntry' | 'removeAddressBookEntry' | 'listChains' | 'setActiveChain' | 'setChainEndpoint' | 'getChainEndpoints' | 'getCachedChainBalances' | 'refreshChainBalances' | 'addChainToken' | 'receiveAddress' | 'prepareChainSend' | 'prepareSpeedUp' | 'confirmChainSend' | 'getCachedPrices' | 'refreshPrices' | 'paymentRequest';
type ChainHandlers = { [M in ChainMethod]: (params: UiRequests[M]['params']) => Promise<UiRequests[M]['result']> };

function requireUnlocked(): void {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
}

export const chainHandlers: ChainHandlers = {
  listNetworks: () => listNetworks(),
  setActiveNetwork: ({ chainId }) => switchNetwork(chainId),
  async addNetwork(p) {
    requireUnlocked();
    return addNetwork(p);
  },
  async removeNetwork({ chainId }) {
    requireUnlocked();
    return removeNetwork(chainId);
  },
  async editNetwork(p) {
    requireUnlocked();
    return editNetwork(p);
  },
  async resetNetwork({ chainId }) {
    requireUnlocked();
    return resetNetwork(chainId);
  },
  async addToken({ address }) {
    requireUnlocked();
    await addToken(address);
    return (await walletChains()).refreshChainBalances();
  },
  async checkAddress({ family, address, network }) {
    if (!FAMILIES.includes(family)) throw new WalletError('UNKNOWN_FAMILY', 'Unknown chain family');
    // A module family's address format follows its active network (Kusama's SS58 prefix) unless one is named.
    const keyNetwork = network ?? (isModular(family) ? (await activeNetwork(family)).keyNetwork : undefined);
    if (typeof address !== 'string' || address.length === 0 || address.length > 200) throw new WalletError('INVALID_INPUT', 'Address is missing or too long');
    return validateAddress(family, address, keyNetwork);
  },
  listNfts: () => listNfts(),
  sendNft: (p) => sendNft(p),
  listActivity: () => activityView(),
  async refreshIncoming() {
    const r = await refreshIncoming();
    return { added: r.added.length, supported: r.supported };
  },
  async listAddressBook() {
    requireUnlocked();
    return listAddressBook();
  },
  async saveAddressBookEntry(p) {
    requireUnlocked();
    return saveEntry(p);
  },
  async removeAddressBookEntry(p) {
    requireUnlocked();
    return removeEntry(p);
  },
  listChains: async () => (await walletChains()).listChains(),
  setActiveChain: async ({ id }) => (await walletChains()).setActiveChainOption(id),
  async setChainEndpoint({ family, network, url }) {
    requireUnlocked();
    return (await walletChains()).setChainEndpoint(family, network, url);
  },
  getChainEndpoints: async () => (await walletChains()).getChainEndpoints(),
  async getCachedChainBalances() {
    requireUnlocked();
    return (await walletChains()).cachedChainBalances();
  },
  async refreshChainBalances() {
    requireUnlocked();
    return (await walletChains()).refreshChainBalances();
  },
  async addChainToken({ address }) {
    requireUnlocked();
    return (await walletChains()).addChainToken(address);
  },
  async receiveAddress({ family }) {
    requireUnlocked();
    return (await walletChains()).receiveAddress(family);
  },
  prepareChainSend: async (req) => (await walletChains()).prepareChainSend(req),
  async prepareSpeedUp({ hash, feeRate }) {
    requireUnlocked();
    return (await walletChains()).prepareSpeedUp(hash, feeRate);
  },
  confirmChainSend: async ({ id }) => (await walletChains()).confirmChainSend(id),
  getCachedPrices: ({ defaultCurrency }) => cachedPrices(defaultCurrency),
  refreshPrices: ({ defaultCurrency }) => refreshPrices(defaultCurrency),
  paymentRequest: async ({ family, link }) => (await walletChains()).paymentRequest(family, link),
};
