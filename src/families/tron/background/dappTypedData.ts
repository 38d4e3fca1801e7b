/**
 * TIP-712 typed-data signing for TRON dApps: `tronWeb.trx._signTypedData(domain, types, message)`
 * (method tron_signTypedData, the form TronLink and @tronweb3/tronwallet-adapter use) and, on
 * window.tron (TIP-1193), `eth_signTypedData_v4` / `tron_signTypedData_v4` with
 * `[address, typedData]`. The payload is validated, hashed and its chain id checked against the
 * active TRON network (src/families/tron/core/typedData.ts) before any window opens; the approval
 * shows the domain and the typed message as they are hashed, and permits get a warning.
 */
import type { RiskWarning } from '../../../protocol/approvals';
import type { DappCall, DappMethod, DappPrepared } from '../../types';
import { normalizeTronAddress } from '../core/addressInput';
import { readTronTypedDataPayload, signTronTypedData, validateTronTypedData, type ValidatedTronTypedData } from '../core/typedData';
import { resolvedTronState, tronChainIdOf, UNKNOWN_TRON_CHAIN_ID, type TronState } from './state';
import { invalidParams, ProviderError } from '../../../background/dapp/providerError';
import { args, guard, NETWORK_NAMES } from './dappUtil';

/** The active network's TIP-712 chain id (block.chainid & 0xffffffff). */
function activeChainId(state: TronState): bigint {
  const id = tronChainIdOf(state);
  if (id === UNKNOWN_TRON_CHAIN_ID) throw new ProviderError(-32603, 'The TRON node did not tell its chain id; typed data cannot be checked against it');
  return BigInt(id);
}

/** A signature that lets someone spend the user's tokens deserves the same warning as on EVM. */
function permitWarnings(td: ValidatedTronTypedData): RiskWarning[] {
  const spender = td.message.spender;
  if (!/permit/i.test(td.primaryType) || typeof spender !== 'string') return [];
  return [{ code: 'PERMIT', severity: 'warning', params: { spender } }];
}

function approveAndSign(call: DappCall, state: TronState, td: ValidatedTronTypedData): DappPrepared {
  return {
    approval: {
      kind: 'signTypedData',
      display: { account: call.address, network: NETWORK_NAMES[state.network], standard: 'TIP-712', primaryType: td.primaryType, domain: td.domain, message: td.message },
      warnings: permitWarnings(td),
    },
    run: () => call.withKey(async (k) => signTronTypedData(td, k.secretKey)),
  };
}

/** tronWeb.trx._signTypedData(domain, types, message): the primary type is inferred as tronweb does. */
const signTypedDataTronweb: DappMethod = {
  gate: 'approval',
  async prepare(call, params) {
    const a = args(params);
    const state = await resolvedTronState();
    const td = await guard(() => validateTronTypedData(a[0], a[1], a[2], { activeChainId: activeChainId(state) }));
    return approveAndSign(call, state, td);
  },
};

/** eth_signTypedData_v4-style `[address, typedData]` through window.tron.request. */
const signTypedDataV4: DappMethod = {
  gate: 'approval',
  async prepare(call, params) {
    const a = args(params);
    const state = await resolvedTronState();
    // Like eth_signTypedData_v4, the first parameter names the signer (base58 or 41-hex).
    if (typeof a[0] !== 'string') throw invalidParams('expected [address, typedData]');
    if (normalizeTronAddress(a[0]) !== call.address) throw new ProviderError(4100, `The account ${String(a[0]).slice(0, 50)} is not the one connected to this site`);
    const td = await guard(() => readTronTypedDataPayload(a[1], { activeChainId: activeChainId(state) }));
    return approveAndSign(call, state, td);
  },
};

export const TRON_TYPED_DATA_DAPP: Readonly<Record<string, DappMethod>> = {
  tron_signTypedData: signTypedDataTronweb,
  eth_signTypedData_v4: signTypedDataV4,
  tron_signTypedData_v4: signTypedDataV4,
};
