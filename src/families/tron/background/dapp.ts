/**
 * The TRON family's dApp methods behind window.tron (TIP-1193), window.tronLink and window.tronWeb
 * (TronLink-compatible): one method table on the shared dApp pipeline
 * (src/background/dapp/pipeline.ts enforces lock, grant, connect prompt, approval window, risk,
 * account-changed refusal; the family's `mapError` turns core and node errors into dApp errors).
 *   tron_requestAccounts            legacy TronLink connect; never rejects: null when locked (or no
 *                                   TRON key), {code:200} whitelisted/allowed, 4000 pending, 4001 rejected
 *   eth_requestAccounts (TIP-1102)  [base58] after approval; eth_accounts / tron_accounts; eth_chainId
 *   wallet_switchEthereumChain      TIP-3326; 4902 for a chain id the wallet does not know
 *   tron_signTransaction, tron_multiSign, tron_signMessageV2, tron_signMessage: dappSign.ts
 *   tron_signTypedData              trx._signTypedData (TIP-712; eth_signTypedData_v4 on window.tron): dappTypedData.ts
 *   wallet_watchAsset               TRC-20 into the popup's watched tokens after approval: dappWatchAsset.ts
 *   tron_node                       allow-listed full-node calls the page's tronWeb needs, sent to
 *                                   the wallet's selected node (reads, unsigned builders, broadcast): dappNode.ts
 *   mcw_tronState / mcw_tronLibraryUrl   what the inpage facade needs to build window.tronWeb
 */
import { browser } from 'wxt/browser';
import type { DappMethod } from '../../types';
import { TRON_CHAIN_IDS } from '../core/networks';
import { invalidParams, ProviderError, unauthorized } from '../../../background/dapp/providerError';
import { resolvedTronState, setTronNetwork, tronChainIdOf, tronNodeInfo, type TronNetworkId, type TronState } from './state';
import { TRON_SIGN_DAPP } from './dappSign';
import { TRON_TYPED_DATA_DAPP } from './dappTypedData';
import { watchTrc20 } from './dappWatchAsset';
import { nodeCall } from './dappNode';
import { args, NETWORK_NAMES, networkLabel, obj, ready } from './dappUtil';

/** TronLink's legacy tron_requestAccounts answers. */
const LEGACY = {
  whitelisted: { code: 200, message: 'The site is already in the whitelist' },
  allowed: { code: 200, message: 'User allowed the request.' },
  pending: { code: 4000, message: 'Authorization requests are being processed, please do not resubmit' },
  rejected: { code: 4001, message: 'User rejected the request' },
} as const;

/** The connect prompt's TRON rows: the network with its chain id, what the site may do, the name it gave. */
async function connectRows(siteName?: unknown): Promise<Record<string, unknown>> {
  return {
    network: networkLabel(await resolvedTronState()),
    permissions: 'See your TRON address and request approval for signatures and transactions',
    ...(typeof siteName === 'string' ? { 'site says it is': siteName.slice(0, 80) } : {}),
  };
}

/** tronLink.request({ method: 'tron_requestAccounts', params: { websiteName } }). */
function legacySiteName(params: unknown): unknown {
  const p = args(params)[0];
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>).websiteName : undefined;
}

function targetNetwork(state: TronState, chainId: string): TronNetworkId | undefined {
  const id = chainId.toLowerCase();
  const builtin = (Object.keys(TRON_CHAIN_IDS) as Array<keyof typeof TRON_CHAIN_IDS>).find((k) => TRON_CHAIN_IDS[k] === id);
  if (builtin) return builtin;
  const custom = tronChainIdOf({ ...state, network: 'custom' });
  return custom === id && custom !== '0x0' ? 'custom' : undefined;
}

const accounts: DappMethod = {
  gate: 'account',
  // An unconnected site, a locked wallet, a selected wallet without a TRON key: no account, no error.
  stranger: [],
  answerRefusal: () => [],
  prepare: async (call) => ready(async () => [call.address]),
};

const chainId: DappMethod = { gate: 'safe', withoutAccount: true, prepare: async () => ready(async () => tronChainIdOf(await resolvedTronState())) };

export const TRON_DAPP: Readonly<Record<string, DappMethod>> = {
  tron_requestAccounts: {
    gate: 'connect',
    whileLocked: null,
    connectDisplay: (params) => connectRows(legacySiteName(params)),
    prepare: async (call) => ready(async () => (call.wasConnected ? LEGACY.whitelisted : LEGACY.allowed)),
    // TronLink resolves every outcome: a refusal, a pending prompt, or nothing to connect (null).
    answerRefusal: (e) => (e.code === 4001 ? LEGACY.rejected : e.code === -32002 ? LEGACY.pending : null),
  },
  eth_requestAccounts: { gate: 'connect', connectDisplay: () => connectRows(), prepare: async (call) => ready(async () => [call.address]) },
  eth_accounts: accounts,
  tron_accounts: accounts,
  eth_chainId: chainId,
  tron_chainId: chainId,
  wallet_switchEthereumChain: {
    gate: 'approval',
    async prepare(_call, params) {
      const p = obj(args(params)[0], 'params[0]');
      if (typeof p.chainId !== 'string' || !/^0x[0-9a-fA-F]{1,8}$/.test(p.chainId)) throw invalidParams('chainId must be a 0x-prefixed hex string');
      const state = await resolvedTronState();
      const target = targetNetwork(state, p.chainId);
      if (!target) throw new ProviderError(4902, `Unrecognized chain ID "${p.chainId}". The wallet knows TRON Mainnet, Nile and Shasta.`);
      if (target === state.network) return { approval: null, run: async () => null };
      return {
        approval: { kind: 'switchChain', exclusive: true, display: { from: networkLabel(state), to: `${NETWORK_NAMES[target]} (${p.chainId.toLowerCase()})` } },
        async run() {
          await setTronNetwork(target);
          return null;
        },
      };
    },
  },
  // Answers everyone (the facade needs the node), but names the account only to a connected site.
  mcw_tronState: {
    gate: 'safe',
    withoutAccount: true,
    prepare: async (call) => ready(async () => ({ address: call.wasConnected && call.address ? call.address : null, ...tronNodeInfo(await resolvedTronState()) })),
  },
  mcw_tronLibraryUrl: {
    gate: 'safe',
    withoutAccount: true,
    async prepare(call) {
      // The lazily loaded TronWeb bundle (entrypoints/tronweb.ts, web-accessible on http(s) pages).
      // Its URL names the extension: only a connected site learns it (no fingerprint for others).
      if (!call.wasConnected) throw unauthorized();
      return ready(async () => (browser.runtime.getURL as (path: string) => string)('/tronweb.js'));
    },
  },
  ...TRON_SIGN_DAPP,
  ...TRON_TYPED_DATA_DAPP,
  wallet_watchAsset: watchTrc20,
  tron_node: { gate: 'safe', withoutAccount: true, prepare: async (call, params) => ready(() => nodeCall(call, params)) },
};
