/**
 * The EVM family's dApp methods (EIP-1193 and the EIPs a MetaMask-compatible wallet answers) as a
 * DappMethod table: the generic pipeline (src/background/dapp/pipeline.ts) enforces lock, grant,
 * connect prompt, approval window, risk warnings and error mapping. Parameters are checked first by
 * core/methods.ts (`check`: before the grant check, the lock and any window), as before the move.
 * What is EVM's own: several accounts per grant (the connect prompt lets the user pick them; signing
 * accounts are checked against the grant), reads forwarded to the node for any site, subscriptions
 * per page, chain switch/add through its own network state, EIP-5792 bundles and EIP-2255 permissions.
 */
import { EVM_METHODS, unsupportedMethodError, validateEvmParams } from '../core/methods';
import { rpcErrorToProviderError } from '../core/rpc';
import { personalEcRecover } from '../core/ecRecover';
import { keyring } from '../../../background/keyring';
import { grantOf, revoke } from '../../../background/permissions';
import { getLocal } from '../../../background/storage';
import type { DappCall, DappMethod, DappPrepared, DappSite, Gate } from '../../types';
import type { EvmRequest } from '../core/methods';
import { activeNetwork, rpcFor } from './state';
import { forDapp, permittedAccounts, requirePermitted } from './dappAccounts';
import { callsStatus, checkSendCalls, prepareSendCalls } from './callsBundles';
import { parseTypedSign, prepareTypedSign, type TypedSignMethod } from './typedSigning';
import { subscribe, unsubscribe } from './subscriptions';
import { prepareWatchAsset, watchAssetWithoutGrant } from './watchAsset';
import { addChain, switchChain } from './dappChains';
import { personalSign, sendTransaction } from './dappSigning';

const hexChain = (id: number): `0x${string}` => `0x${id.toString(16)}`;

/** An answer with no window: `run` computes it after the gate passed. */
const noWindow = (fn: () => unknown): Promise<DappPrepared> => Promise.resolve({ run: async () => fn() });

/**
 * One table entry of a gate other than 'safe' (safe ones: siteMethod): the method's params are
 * validated by core/methods.ts before anything else, and `prepare` receives them validated.
 */
function method(name: string, gate: Exclude<Gate, 'safe'>, prepare: (call: DappCall, req: EvmRequest) => Promise<DappPrepared>, extra: Partial<DappMethod> = {}): DappMethod {
  return {
    gate,
    check: (_origin, params) => void validateEvmParams(name, params),
    prepare: (call, params) => prepare(call, validateEvmParams(name, params)),
    ...extra,
  };
}

/**
 * A safe entry answered from who asks alone (DappMethod.answer): the pipeline builds no family
 * context and reads no grant for it, so eth_chainId and node reads cost what they cost before
 * the pipeline. It answers even without an EVM account (as before). `prepare` gives the same
 * answer to a caller holding a full call.
 */
function siteAnswer(fn: (site: DappSite, params: unknown) => unknown, check?: DappMethod['check']): DappMethod {
  return {
    gate: 'safe',
    withoutAccount: true,
    ...(check ? { check } : {}),
    answer: async (site, params) => fn(site, params),
    prepare: (call, params) => Promise.resolve({ run: async () => fn(call, params) }),
  };
}

/** siteAnswer for a method of core/methods.ts: its params validated first (`check`), as every entry's. */
const siteMethod = (name: string, fn: (site: DappSite, req: EvmRequest) => unknown): DappMethod =>
  siteAnswer(
    (site, params) => fn(site, validateEvmParams(name, params)),
    (_origin, params) => void validateEvmParams(name, params),
  );

function permissionObject(origin: string, accounts: readonly string[], date: number): unknown {
  return { id: `${origin}#eth_accounts`, parentCapability: 'eth_accounts', invoker: origin, date, caveats: [{ type: 'restrictReturnedAccounts', value: forDapp(accounts) }] };
}

const connectDisplay = (): Record<string, unknown> => ({ permissions: 'See your address and balance, and request approval for transactions' });

/** Forwarded to the active network's node for any site (the allowlist of core/methods.ts). */
const reads: Record<string, DappMethod> = Object.fromEntries(
  Object.entries(EVM_METHODS)
    .filter(([, cls]) => cls === 'read')
    .map(([name]) => [
      name,
      siteMethod(name, async (_site, req) => {
        const network = await activeNetwork();
        try {
          return await rpcFor(network).request(req.method, req.params as unknown[]);
        } catch (err) {
          throw rpcErrorToProviderError(err);
        }
      }),
    ]),
);

/** Typed data is parsed in full before the grant check (-32602 for anyone), as before the pipeline. */
const typedSign = (name: TypedSignMethod): DappMethod =>
  method(name, 'approval', async (call, req) => prepareTypedSign(call, await activeNetwork(), name, req.params as unknown[]), {
    async check(_origin, params) {
      parseTypedSign(await activeNetwork(), name, validateEvmParams(name, params).params as unknown[]);
    },
  });

export const evmDapp: Readonly<Record<string, DappMethod>> = {
  ...reads,
  eth_chainId: siteMethod('eth_chainId', async () => (await activeNetwork()).chainIdHex),
  net_version: siteMethod('net_version', async () => String((await activeNetwork()).chainId)),
  net_listening: siteMethod('net_listening', () => true),
  personal_ecRecover: siteMethod('personal_ecRecover', (_site, req) => personalEcRecover(req.params as unknown[])),
  // Nothing while locked or not connected (permittedAccounts), the granted accounts otherwise.
  eth_accounts: siteMethod('eth_accounts', async (site) => forDapp(await permittedAccounts(site.origin))),
  eth_coinbase: siteMethod('eth_coinbase', async (site) => forDapp(await permittedAccounts(site.origin))[0] ?? null),
  wallet_getProviderState: siteAnswer(async (site) => {
    const network = await activeNetwork();
    // isMetaMask: the compatibility flag (on unless the user turned it off in Settings).
    const settings = await getLocal('settings');
    return { chainId: network.chainIdHex, accounts: forDapp(await permittedAccounts(site.origin)), isMetaMask: settings?.evmMetaMaskCompat !== false };
  }),
  eth_requestAccounts: method('eth_requestAccounts', 'connect', (call) => noWindow(async () => forDapp(await permittedAccounts(call.origin))), { choosesAccounts: true, connectDisplay }),
  wallet_requestPermissions: method(
    'wallet_requestPermissions',
    'connect',
    (call) =>
      noWindow(async () => {
        const g = await grantOf(call.origin, 'evm');
        return [permissionObject(call.origin, await permittedAccounts(call.origin), g?.grantedAt ?? Date.now())];
      }),
    { choosesAccounts: true, connectDisplay },
  ),
  wallet_getPermissions: siteMethod('wallet_getPermissions', async (site) => {
    const g = await grantOf(site.origin, 'evm');
    return g && keyring.unlocked ? [permissionObject(site.origin, g.accounts, g.grantedAt)] : [];
  }),
  // Anyone may drop its own connection (nothing is shown).
  wallet_revokePermissions: siteMethod('wallet_revokePermissions', async (site) => {
    await revoke(site.origin, 'evm');
    site.emit('accountsChanged', []);
    return null;
  }),
  wallet_switchEthereumChain: switchChain,
  wallet_addEthereumChain: addChain,
  wallet_watchAsset: method('wallet_watchAsset', 'approval', async (call, req) => prepareWatchAsset(call, await activeNetwork(), req.params as never), {
    // An ERC-20 uses no account (an NFT's owner comes from the site's grant, not from this context).
    withoutAccount: true,
    strangersMayAsk: (params) => watchAssetWithoutGrant(validateEvmParams('wallet_watchAsset', params).params as never),
  }),
  personal_sign: personalSign,
  eth_signTypedData_v4: typedSign('eth_signTypedData_v4'),
  eth_signTypedData_v3: typedSign('eth_signTypedData_v3'),
  eth_signTypedData: typedSign('eth_signTypedData'),
  eth_signTypedData_v1: typedSign('eth_signTypedData_v1'),
  eth_sendTransaction: sendTransaction,
  wallet_sendCalls: method('wallet_sendCalls', 'approval', (call, req) => prepareSendCalls(call, req.params as never), {
    async check(_origin, params) {
      await checkSendCalls(validateEvmParams('wallet_sendCalls', params).params as never);
    },
  }),
  wallet_getCallsStatus: method('wallet_getCallsStatus', 'account', (call, req) => noWindow(() => callsStatus(call.origin, (req.params as { id: string }).id))),
  wallet_showCallsStatus: method('wallet_showCallsStatus', 'account', (call, req) =>
    noWindow(async () => {
      await callsStatus(call.origin, (req.params as { id: string }).id);
      return null;
    }),
  ),
  wallet_getCapabilities: method('wallet_getCapabilities', 'account', async (call, req) => {
    const p = req.params as { address: string; chainIds?: number[] };
    if (!call.validating) await requirePermitted(call.origin, p.address);
    const ids = p.chainIds ?? [(await activeNetwork()).chainId];
    return { run: async () => Object.fromEntries(ids.map((id) => [hexChain(id), { atomic: { status: 'unsupported' } }])) };
  }),
  eth_subscribe: siteMethod('eth_subscribe', async (site, req) => subscribe(site.connectionId, site.origin, await activeNetwork(), req.params as unknown[])),
  eth_unsubscribe: siteMethod('eth_unsubscribe', (site, req) => unsubscribe(site.connectionId, req.params as unknown[])),
};

/** A method the table lacks: 4200, with advice for eth_sign (core/methods.ts). */
export const unsupportedEvmMethod = (name: string): unknown => unsupportedMethodError(name);
