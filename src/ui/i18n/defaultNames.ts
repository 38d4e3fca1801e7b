/**
 * Names the background makes up ("Wallet 1", "Imported 2", "Local devnet", "TRON (custom node)",
 * "Bitcoin Regtest") are English words stored with the wallet or the network. They are translated
 * here, at display time, so the stored name never changes with the UI language; only an exact
 * default is translated, so a name the user (or a dApp adding a network) chose is shown as typed.
 */
import type { Locale, MessageKey } from './index';
import { useI18n } from './context';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Built-in network names made of a chain name and a network kind (the kind is translated). */
const NETWORK_KIND: Readonly<Record<string, readonly [chain: string, kind: MessageKey]>> = {
  'TRON Mainnet': ['TRON', 'netname_mainnet'],
  'Solana Mainnet': ['Solana', 'netname_mainnet'],
  'Aptos Mainnet': ['Aptos', 'netname_mainnet'],
  'Bitcoin Testnet': ['Bitcoin', 'netname_testnet'],
  'Solana Testnet': ['Solana', 'netname_testnet'],
  'Aptos Testnet': ['Aptos', 'netname_testnet'],
  'BNB Smart Chain Testnet': ['BNB Smart Chain', 'netname_testnet'],
  'OKTC Testnet': ['OKTC', 'netname_testnet'],
  'EOS Jungle 4 testnet': ['EOS Jungle 4', 'netname_testnet'],
  'Nile Testnet': ['', 'netname_nile'],
  'Shasta Testnet': ['', 'netname_shasta'],
  'TRON Nile': ['TRON', 'netname_nile'],
  'TRON Shasta': ['TRON', 'netname_shasta'],
  'Bitcoin Regtest': ['Bitcoin', 'netname_regtest'],
  'Solana Devnet': ['Solana', 'netname_devnet'],
  'Aptos Devnet': ['Aptos', 'netname_devnet'],
  'Solana Localnet': ['Solana', 'netname_localnet'],
  'Kusama Local Testnet': ['Kusama', 'netname_localTestnet'],
};

/** Built-in "custom node" entries, by the chain they belong to. */
const CUSTOM_NODE: Readonly<Record<string, string>> = {
  'TRON (custom node)': 'TRON',
  'TRON custom node': 'TRON',
  'Aptos (custom node)': 'Aptos',
  'EOS custom node': 'EOS',
};

/** A network's name as the UI shows it in `locale` (English: the stored name itself). */
export function networkDisplayName(name: string, locale: Locale, t: T): string {
  if (locale === 'en') return name;
  if (name === 'Local devnet') return t('localDevnet');
  const custom = CUSTOM_NODE[name];
  if (custom) return t('customNodeOf', { chain: custom });
  const kind = NETWORK_KIND[name];
  if (kind) return kind[0] ? `${kind[0]} ${t(kind[1])}` : t(kind[1]);
  return name;
}

/** A wallet's name as the UI shows it: the default "Wallet 3" / "Imported 2" translated, any other name as typed. */
export function walletDisplayName(name: string, locale: Locale, t: T): string {
  if (locale === 'en') return name;
  const m = /^(Wallet|Imported) ([1-9]\d{0,5})$/.exec(name);
  if (!m) return name;
  return t(m[1] === 'Wallet' ? 'defaultWalletName' : 'defaultImportedName', { n: Number(m[2]) });
}

/** Both translators bound to the page's locale, for components. */
export function useDisplayNames(): { networkName: (name: string) => string; walletName: (name: string) => string } {
  const { locale, t } = useI18n();
  return { networkName: (name) => networkDisplayName(name, locale, t), walletName: (name) => walletDisplayName(name, locale, t) };
}
