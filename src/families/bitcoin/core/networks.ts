/**
 * Bitcoin networks, address schemes and their BIP purposes. Testnet, signet and regtest share
 * coin type 1 and base58 versions; bech32 prefixes differ (tb vs bcrt).
 */
import { NETWORK, TEST_NETWORK } from '@scure/btc-signer';
import { KeyDerivationError } from '../../../core/derive/errors.ts';

export type BtcNetwork = typeof NETWORK;
export const BITCOIN_NETWORKS = ['mainnet', 'testnet', 'signet', 'regtest'] as const;
export const BITCOIN_SCHEMES = ['p2wpkh', 'p2tr', 'p2sh-p2wpkh', 'p2pkh'] as const;
export type BitcoinScheme = (typeof BITCOIN_SCHEMES)[number];

const REGTEST_NETWORK: BtcNetwork = { ...TEST_NETWORK, bech32: 'bcrt' };

export function btcNetwork(network: string): BtcNetwork {
  switch (network) {
    case 'mainnet':
      return NETWORK;
    case 'testnet':
    case 'signet':
      return TEST_NETWORK;
    case 'regtest':
      return REGTEST_NETWORK;
    default:
      throw new KeyDerivationError(`Unknown Bitcoin network "${network}"`);
  }
}

/** BIP44 (p2pkh), BIP49 (p2sh-p2wpkh), BIP84 (p2wpkh), BIP86 (p2tr). */
export const PURPOSE: Readonly<Record<BitcoinScheme, number>> = { p2pkh: 44, 'p2sh-p2wpkh': 49, p2wpkh: 84, p2tr: 86 };

export function isBitcoinScheme(scheme: string): scheme is BitcoinScheme {
  return (BITCOIN_SCHEMES as readonly string[]).includes(scheme);
}
