/**
 * The TRON family's dApp handler, behind window.tron (TIP-1193), window.tronLink and
 * window.tronWeb (TronLink-compatible). Methods:
 *   tron_requestAccounts            legacy TronLink connect; never rejects: null when locked (or no
 *                                   TRON key), {code:200} whitelisted/allowed, 4000 pending, 4001 rejected
 *   eth_requestAccounts (TIP-1102)  [base58] after approval; eth_accounts / tron_accounts; eth_chainId
 *   wallet_switchEthereumChain      TIP-3326; 4902 for a chain id the wallet does not know
 *   tron_signTransaction            trx.sign(tx): txID = sha256(raw_data_hex), JSON = bytes, one
 *                                   contract, owner = the connected account, not expired, reference
 *                                   block on the selected network (src/families/tron/core/message.ts)
 *   tron_multiSign                  trx.multiSign(tx, _, permissionId): same integrity checks; the
 *                                   account must be a key of that permission of the owner (read from the node)
 *   tron_signMessageV2 / tron_signMessage   TIP-191 V2 and the legacy hex-string trx.sign
 *   tron_signTypedData              trx._signTypedData (TIP-712; eth_signTypedData_v4 on window.tron): tronTypedData.ts
 *   wallet_watchAsset               TRC-20 into the popup's watched tokens after approval: tronWatchAsset.ts
 *   tron_node                       allow-listed full-node calls the page's tronWeb needs, sent to
 *                                   the wallet's selected node (reads, unsigned builders, broadcast): dappNode.ts
 *   mcw_tronState / mcw_tronLibraryUrl   what the inpage facade needs to build window.tronWeb
 * Every refusal of a malformed, tampered, foreign or oversized request happens before an approval
 * window opens. Keys come from state.ts and are wiped after each signature. What the approval
 * window shows of a transaction: dappDescribe.ts; shared error mapping and params checks: dappUtil.ts.
 */
import { browser } from 'wxt/browser';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { SignedTronTransaction, TronApi, TronTransaction } from '../core/api';
import { TronWalletError } from '../core/errors';
import { networkWarnings, prepareDappTransaction, prepareMessageV2, transactionWarnings, signDappTransaction, signMessageV1Hex, signMessageV2, type TronMessageDisplay } from '../core/message';
import { TRON_CHAIN_IDS } from '../core/networks';
import { checkTransactionIntegrity, signDigest } from '../core/transaction';
import type { RiskWarning } from '../../../protocol/approvals';
import { awaitUnlock, requestApproval } from '../../../background/approvals';
import { keyring } from '../../../background/keyring';
import { allPermissions, grant, grantOf } from '../../../background/permissions';
import { onSelectionChanged } from '../../../background/selection';
import { currentTronAddress, resolvedTronState, setTronNetwork, tronApiFor, tronChainIdOf, tronNodeInfo, withTronSigner, type TronNetworkId, type TronState } from './state';
import { emitToOrigin, type DappContext, type FamilyHandler } from '../../../background/dapp/router';
import { invalidParams, ProviderError, unauthorized, unsupported } from '../../../background/dapp/providerError';
import { signTypedDataTronweb, signTypedDataV4, type TronDappHelpers } from './dappTypedData';
import { watchTrc20 } from './dappWatchAsset';
import { describeTransaction, txWarnings } from './dappDescribe';
import { nodeCall, remember } from './dappNode';
import { args, asProviderError, guard, insecureWarnings, NETWORK_NAMES, obj } from './dappUtil';

/** TronLink's legacy tron_requestAccounts answers. */
const LEGACY = {
  whitelisted: { code: 200, message: 'The site is already in the whitelist' },
  allowed: { code: 200, message: 'User allowed the request.' },
  pending: { code: 4000, message: 'Authorization requests are being processed, please do not resubmit' },
  rejected: { code: 4001, message: 'User rejected the request' },
} as const;

// ---------------------------------------------------------------------------------------------
// Accounts and permissions

async function accountsFor(origin: string): Promise<string[]> {
  if (!keyring.unlocked || !(await grantOf(origin, 'tron'))) return [];
  try {
    return [await currentTronAddress()];
  } catch {
    return [];
  }
}

/** The connected account, unlocking first when the site is connected but the wallet locked. */
async function requirePermitted(origin: string): Promise<{ state: TronState; address: string }> {
  if (!(await grantOf(origin, 'tron'))) throw unauthorized();
  await awaitUnlock(() => keyring.unlocked);
  const state = await resolvedTronState();
  return { state, address: await guard(() => currentTronAddress()) };
}

/** Asks the user (unless already granted); resolves to 'whitelisted' or 'allowed'. */
async function connect(ctx: DappContext, siteName?: string): Promise<{ address: string; how: 'whitelisted' | 'allowed' }> {
  const state = await resolvedTronState();
  const address = await guard(() => currentTronAddress());
  if (await grantOf(ctx.origin, 'tron')) return { address, how: 'whitelisted' };
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'tron',
    kind: 'connect',
    exclusive: true,
    display: {
      account: address,
      network: `${NETWORK_NAMES[state.network]} (${tronChainIdOf(state)})`,
      permissions: 'See your TRON address and request approval for signatures and transactions',
      ...(siteName ? { 'site says it is': siteName.slice(0, 80) } : {}),
    },
    warnings: insecureWarnings(ctx.origin),
  });
  await grant(ctx.origin, 'tron', [address]);
  emitToOrigin(ctx.origin, 'tron', 'accountsChanged', [address]);
  return { address, how: 'allowed' };
}

// The dApp account follows the popup's selected account: connected sites learn the new address.
onSelectionChanged(async () => {
  if (!keyring.unlocked) return;
  let address: string;
  try {
    address = await currentTronAddress();
  } catch {
    return; // the selected wallet has no TRON key
  }
  for (const [origin, site] of Object.entries(await allPermissions())) if (site.tron) emitToOrigin(origin, 'tron', 'accountsChanged', [address]);
});

/** Legacy tron_requestAccounts: resolves with TronLink's codes and never rejects. */
async function legacyRequestAccounts(ctx: DappContext, params: unknown): Promise<unknown> {
  if (!keyring.unlocked) return null;
  const p = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  const siteName = typeof p.websiteName === 'string' ? p.websiteName : undefined;
  try {
    const { how } = await connect(ctx, siteName);
    return LEGACY[how];
  } catch (err) {
    const code = (err as { code?: unknown })?.code;
    if (code === 4001) return LEGACY.rejected;
    if (code === -32002) return LEGACY.pending;
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Networks

function targetNetwork(state: TronState, chainId: string): TronNetworkId | undefined {
  const id = chainId.toLowerCase();
  const builtin = (Object.keys(TRON_CHAIN_IDS) as Array<keyof typeof TRON_CHAIN_IDS>).find((k) => TRON_CHAIN_IDS[k] === id);
  if (builtin) return builtin;
  const custom = tronChainIdOf({ ...state, network: 'custom' });
  return custom === id && custom !== '0x0' ? 'custom' : undefined;
}

async function switchChain(ctx: DappContext, params: unknown): Promise<null> {
  const p = obj(args(params)[0], 'params[0]');
  if (typeof p.chainId !== 'string' || !/^0x[0-9a-fA-F]{1,8}$/.test(p.chainId)) throw invalidParams('chainId must be a 0x-prefixed hex string');
  await requirePermitted(ctx.origin);
  const state = await resolvedTronState();
  const target = targetNetwork(state, p.chainId);
  if (!target) throw new ProviderError(4902, `Unrecognized chain ID "${p.chainId}". The wallet knows TRON Mainnet, Nile and Shasta.`);
  if (target === state.network) return null;
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'tron',
    kind: 'switchChain',
    exclusive: true,
    display: { from: `${NETWORK_NAMES[state.network]} (${tronChainIdOf(state)})`, to: `${NETWORK_NAMES[target]} (${p.chainId.toLowerCase()})` },
  });
  await setTronNetwork(target);
  return null;
}

async function providerState(origin: string): Promise<unknown> {
  const state = await resolvedTronState();
  const accounts = await accountsFor(origin);
  return { address: accounts[0] ?? null, ...tronNodeInfo(state) };
}

// ---------------------------------------------------------------------------------------------
// Transactions

async function signTransaction(ctx: DappContext, params: unknown): Promise<SignedTronTransaction> {
  const tx = args(params)[0];
  // Structure first: garbage and tampered transactions are refused before anything else.
  await guard(() => checkTransactionIntegrity(tx));
  const { state, address } = await requirePermitted(ctx.origin);
  const api = tronApiFor(state);
  const prepared = await guard(() => prepareDappTransaction(tx, { address, api }));
  const summary = await describeTransaction(api, state, address, prepared.decoded, prepared.transaction.txID);
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'tron',
    kind: 'signTronTransaction',
    display: summary.display,
    warnings: [...txWarnings(prepared.warnings), ...insecureWarnings(ctx.origin)],
  });
  const signed = await guard(() =>
    withTronSigner((s) => {
      if (s.address !== address) throw new ProviderError(4100, 'The selected account changed; ask the site to create the transaction again');
      return signDappTransaction(prepared.transaction, s.secretKey);
    }),
  );
  remember(signed.txID, ctx.origin, address, tronChainIdOf(state), summary.activity);
  return signed;
}

interface NodePermission {
  id?: number;
  threshold?: number;
  keys?: Array<{ address?: string; weight?: number }>;
}

/** Whether `address` holds a key of the owner's permission `id` (0 = owner, ≥ 2 = active). */
async function isPermissionKey(api: TronApi, owner: string, id: number, address: string): Promise<boolean> {
  const account = (await api.post('/wallet/getaccount', { address: owner })) as { owner_permission?: NodePermission; active_permission?: NodePermission[] };
  if (id === 0) {
    const p = account.owner_permission;
    if (!p?.keys) return owner === address;
    return p.keys.some((k) => k.address === address);
  }
  const p = (account.active_permission ?? []).find((x) => (x.id ?? 0) === id);
  return !!p?.keys?.some((k) => k.address === address);
}

async function multiSign(ctx: DappContext, params: unknown): Promise<SignedTronTransaction> {
  const a = args(params);
  const { transaction, decoded } = await guard(() => checkTransactionIntegrity(a[0]));
  if (decoded.contracts.length !== 1) throw invalidParams('a TRON transaction carries exactly one contract');
  const c = decoded.contracts[0]!;
  const requested = a[1] === undefined || a[1] === null ? c.permissionId : a[1];
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 0 || requested > 255) throw invalidParams('permissionId must be a small integer');
  if (requested !== c.permissionId) {
    throw invalidParams(`the transaction uses Permission_id ${c.permissionId}, not ${requested}; build it with the permission id (the wallet does not rewrite transactions)`);
  }
  const owner = 'owner' in c.value ? c.value.owner : undefined;
  if (!owner) throw invalidParams('the transaction names no owner');
  if (BigInt(Date.now()) >= decoded.expiration) throw asProviderError(new TronWalletError('TRANSACTION_EXPIRED', 'The transaction has expired; ask the site to create it again'));
  const { state, address } = await requirePermitted(ctx.origin);
  const api = tronApiFor(state);
  const allowed = await guard(() => isPermissionKey(api, owner, requested, address));
  if (!allowed) throw new ProviderError(4100, `The connected account ${address} is not a key of permission ${requested} of ${owner}`, { reason: 'WRONG_OWNER' });
  // The same content and network checks as trx.sign: a transaction for another network is refused,
  // permission updates, approvals, TRC-10 sent with a call… are warned about.
  const contentWarnings = [...transactionWarnings(decoded, BigInt(Date.now())), ...(await guard(() => networkWarnings(api, decoded)))];
  const summary = await describeTransaction(api, state, address, decoded, transaction.txID);
  const warnings: RiskWarning[] = [...txWarnings(contentWarnings), ...insecureWarnings(ctx.origin)];
  if (owner !== address) warnings.push({ code: 'TRON_MULTISIG_OTHER_OWNER', severity: 'warning', params: { owner, permission: requested } });
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'tron',
    kind: 'signTronTransaction',
    display: { ...summary.display, owner, permission: requested, 'signatures already present': transaction.signature?.length ?? 0 },
    warnings,
  });
  const signature = await guard(() =>
    withTronSigner((s) => {
      if (s.address !== address) throw new ProviderError(4100, 'The selected account changed; ask the site to create the transaction again');
      return signDigest(hexToBytes(transaction.txID), s.secretKey);
    }),
  );
  return { ...(transaction as TronTransaction), txID: transaction.txID.toLowerCase(), signature: [...(transaction.signature ?? []), signature] };
}

// ---------------------------------------------------------------------------------------------
// Messages

function messageDisplay(d: TronMessageDisplay): Record<string, unknown> {
  return d.kind === 'text' ? { message: d.text } : { message: `0x${d.hex}`, bytes: d.byteLength };
}

async function signV2(ctx: DappContext, params: unknown): Promise<string> {
  const message = args(params)[0];
  const prepared = await guard(() => prepareMessageV2(message));
  const { state, address } = await requirePermitted(ctx.origin);
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'tron',
    kind: 'signMessage',
    display: { account: address, network: NETWORK_NAMES[state.network], standard: 'TIP-191 signMessageV2', ...messageDisplay(prepared.display) },
    warnings: [...(prepared.warnings as RiskWarning[]), ...insecureWarnings(ctx.origin)],
  });
  return guard(() => withTronSigner((s) => signMessageV2(prepared.bytes, s.secretKey), address));
}

async function signLegacy(ctx: DappContext, params: unknown): Promise<string> {
  const hex = args(params)[0];
  if (typeof hex !== 'string') throw invalidParams('trx.sign expects a transaction object or a hex string');
  const h = hex.replace(/^0x/, '');
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(h)) throw invalidParams('trx.sign expects a hex string message');
  // Same bounds as V2 (and the same refusal text) before any window.
  await guard(() => prepareMessageV2(hexToBytes(h)));
  const { state, address } = await requirePermitted(ctx.origin);
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'tron',
    kind: 'signMessage',
    display: { account: address, network: NETWORK_NAMES[state.network], standard: 'TRON legacy message (trx.sign of a hex string)', message: `0x${h.length > 2000 ? `${h.slice(0, 2000)}…` : h}`, bytes: h.length / 2 },
    warnings: [{ code: 'TRON_LEGACY_MESSAGE', severity: 'warning' }, ...insecureWarnings(ctx.origin)],
  });
  return guard(() => withTronSigner((s) => signMessageV1Hex(h, s.secretKey), address));
}

// ---------------------------------------------------------------------------------------------

const helpers: TronDappHelpers = { requirePermitted, insecureWarnings, guard, networkName: (s) => NETWORK_NAMES[s.network] };

export const tronHandler: FamilyHandler = {
  family: 'tron',
  async handle(ctx, method, params) {
    switch (method) {
      case 'tron_requestAccounts':
        return legacyRequestAccounts(ctx, args(params)[0]);
      case 'eth_requestAccounts': {
        await awaitUnlock(() => keyring.unlocked);
        return [(await connect(ctx)).address];
      }
      case 'eth_accounts':
      case 'tron_accounts':
        return accountsFor(ctx.origin);
      case 'eth_chainId':
      case 'tron_chainId':
        return tronChainIdOf(await resolvedTronState());
      case 'wallet_switchEthereumChain':
        return switchChain(ctx, params);
      case 'mcw_tronState':
        return providerState(ctx.origin);
      case 'mcw_tronLibraryUrl':
        // The lazily loaded TronWeb bundle (entrypoints/tronweb.ts, web-accessible on http(s) pages).
        // Its URL names the extension: only a connected site learns it (no fingerprint for others).
        if (!(await grantOf(ctx.origin, 'tron'))) throw unauthorized();
        return (browser.runtime.getURL as (path: string) => string)('/tronweb.js');
      case 'tron_signTransaction':
        return signTransaction(ctx, params);
      case 'tron_multiSign':
        return multiSign(ctx, params);
      case 'tron_signMessageV2':
        return signV2(ctx, params);
      case 'tron_signMessage':
        return signLegacy(ctx, params);
      case 'tron_signTypedData':
        return signTypedDataTronweb(ctx, args(params), helpers);
      case 'eth_signTypedData_v4':
      case 'tron_signTypedData_v4':
        return signTypedDataV4(ctx, args(params), helpers);
      case 'wallet_watchAsset':
        return watchTrc20(ctx, params, helpers);
      case 'tron_node':
        return nodeCall(ctx, params);
      default:
        throw unsupported(method);
    }
  },
};

