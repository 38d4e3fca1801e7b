/**
 * EIP-3326 wallet_switchEthereumChain and EIP-3085 wallet_addEthereumChain as DappMethods: any site
 * may ask (nothing of the account is shown or used), one such window per site at a time, and a
 * request for the chain already active is answered null at once (no window, no unlock). The page's
 * RPC URL is contacted only after the user approved.
 */
import type { Hex } from 'viem';
import { providerError, validateEvmParams } from '../core/methods';
import { checkRpcChainId, validateAddEthereumChain } from '../core/networks';
import type { DappMethod } from '../../types';
import { activeNetwork, addCustomNetwork, evmState, networkById, setActiveChain } from './state';

const hexChain = (id: number): Hex => `0x${id.toString(16)}`;

function switchParams(params: unknown): { chainId: number } {
  const req = validateEvmParams('wallet_switchEthereumChain', params);
  return req.params as { chainId: number };
}

async function switchTarget(params: unknown) {
  const { chainId } = switchParams(params);
  const target = await networkById(chainId);
  if (!target) throw providerError(4902, `Unrecognized chain ID ${hexChain(chainId)}. Try adding the chain using wallet_addEthereumChain first.`);
  return target;
}

async function addValidated(params: unknown) {
  const req = validateEvmParams('wallet_addEthereumChain', params);
  const v = validateAddEthereumChain(req.params, { existing: (await evmState()).customNetworks });
  if (!v.ok) throw v.error;
  return v;
}

export const switchChain: DappMethod = {
  gate: 'approval',
  strangersMayAsk: () => true,
  withoutAccount: true,
  // Unknown chains are refused (4902) before the grant check and the unlock, as before the pipeline.
  async check(_origin, params) {
    await switchTarget(params);
  },
  async safeWhen(params) {
    return (await switchTarget(params)).chainId === (await activeNetwork()).chainId;
  },
  async prepare(_call, params) {
    const [target, network] = await Promise.all([switchTarget(params), activeNetwork()]);
    if (target.chainId === network.chainId) return { approval: null, run: () => Promise.resolve(null) };
    return {
      approval: { kind: 'switchChain', exclusive: true, display: { from: network.name, to: `${target.name} (chain ${target.chainId})` } },
      run: async () => {
        await setActiveChain(target.chainId);
        return null;
      },
    };
  },
};

export const addChain: DappMethod = {
  gate: 'approval',
  strangersMayAsk: () => true,
  withoutAccount: true,
  async check(_origin, params) {
    await addValidated(params);
  },
  async safeWhen(params) {
    const v = await addValidated(params);
    return !!v.alreadyKnown && v.alreadyKnown.chainId === (await activeNetwork()).chainId;
  },
  async prepare(_call, params) {
    const [v, network] = await Promise.all([addValidated(params), activeNetwork()]);
    if (v.alreadyKnown && v.alreadyKnown.chainId === network.chainId) return { approval: null, run: () => Promise.resolve(null) };
    const rpcUrl = v.network.rpcUrls[0]!;
    return {
      approval: {
        kind: 'addChain',
        exclusive: true,
        display: { name: v.network.name, chainId: v.network.chainId, rpcUrl, currency: v.network.nativeCurrency.symbol, explorer: v.network.blockExplorerUrl ?? '—', then: 'Switch to this network' },
        warnings: v.warnings,
      },
      run: async () => {
        // The page's URL is contacted only now, after the user approved (no probing from unapproved pages).
        const check = await checkRpcChainId(rpcUrl, v.network.chainId);
        if (!check.ok) throw check.error;
        if (!v.alreadyKnown || v.alreadyKnown.custom) await addCustomNetwork(v.network);
        await setActiveChain(v.network.chainId);
        return null;
      },
    };
  },
};
