/**
 * The EVM family's networks for the shared code: the built-in networks as NetworkInfo. The list a
 * user sees also has the networks added by the user or by dApps, kept in the family's own storage
 * (background/networkState.ts); the shared code asks that for the live list.
 */
import type { FamilyDescriptor, NetworkInfo } from '../../types';
import { BUILTIN_EVM_NETWORKS, type EvmNetwork } from './networks';

/** 'evm:<chain id>' is the ref; the chain id is what dApps see. */
export function evmNetworkInfo(n: EvmNetwork): NetworkInfo {
  return {
    ref: `evm:${n.chainId}`,
    name: n.name,
    testnet: !!n.testnet,
    native: { symbol: n.nativeCurrency.symbol, decimals: n.nativeCurrency.decimals },
    defaultEndpoint: n.rpcUrls[0] ?? '',
  };
}

export const evmDescriptor: FamilyDescriptor = {
  id: 'evm',
  networks: BUILTIN_EVM_NETWORKS.map(evmNetworkInfo),
};
