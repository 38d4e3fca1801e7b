/**
 * TIP-712 typed-data signing for TRON dApps: `tronWeb.trx._signTypedData(domain, types, message)`
 * (method tron_signTypedData, the form TronLink and @tronweb3/tronwallet-adapter use) and, on
 * window.tron (TIP-1193), `eth_signTypedData_v4` / `tron_signTypedData_v4` with
 * `[address, typedData]`. The payload is validated, hashed and its chain id checked against the
 * active TRON network (src/families/tron/core/typedData.ts) before any window opens; the approval
 * shows the domain and the typed message as they are hashed, and permits get a warning.
 */
import type { RiskWarning } from '../../../protocol/approvals';
import { normalizeTronAddress } from '../core/addressInput';
import { readTronTypedDataPayload, signTronTypedData, validateTronTypedData, type ValidatedTronTypedData } from '../core/typedData';
import { requestApproval } from '../../../background/approvals';
import { tronChainIdOf, UNKNOWN_TRON_CHAIN_ID, withTronSigner, type TronState } from './state';
import type { DappContext } from '../../../background/dapp/router';
import { invalidParams, ProviderError } from '../../../background/dapp/providerError';

/** What the TRON handler lends its extra methods (kept in dapp.ts). */
export interface TronDappHelpers {
  requirePermitted(origin: string): Promise<{ state: TronState; address: string }>;
  insecureWarnings(origin: string): RiskWarning[];
  networkName(state: TronState): string;
  guard<T>(fn: () => T | Promise<T>): Promise<T>;
}

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

async function approveAndSign(ctx: DappContext, h: TronDappHelpers, state: TronState, address: string, td: ValidatedTronTypedData): Promise<string> {
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'tron',
    kind: 'signTypedData',
    display: { account: address, network: h.networkName(state), standard: 'TIP-712', primaryType: td.primaryType, domain: td.domain, message: td.message },
    warnings: [...permitWarnings(td), ...h.insecureWarnings(ctx.origin)],
  });
  return h.guard(() => withTronSigner((s) => signTronTypedData(td, s.secretKey), address));
}

/** tronWeb.trx._signTypedData(domain, types, message): the primary type is inferred as tronweb does. */
export async function signTypedDataTronweb(ctx: DappContext, args: readonly unknown[], h: TronDappHelpers): Promise<string> {
  const { state, address } = await h.requirePermitted(ctx.origin);
  const td = await h.guard(() => validateTronTypedData(args[0], args[1], args[2], { activeChainId: activeChainId(state) }));
  return approveAndSign(ctx, h, state, address, td);
}

/** eth_signTypedData_v4-style `[address, typedData]` through window.tron.request. */
export async function signTypedDataV4(ctx: DappContext, args: readonly unknown[], h: TronDappHelpers): Promise<string> {
  const { state, address } = await h.requirePermitted(ctx.origin);
  // Like eth_signTypedData_v4, the first parameter names the signer (base58 or 41-hex).
  if (typeof args[0] !== 'string') throw invalidParams('expected [address, typedData]');
  if (normalizeTronAddress(args[0]) !== address) throw new ProviderError(4100, `The account ${String(args[0]).slice(0, 50)} is not the one connected to this site`);
  const td = await h.guard(() => readTronTypedDataPayload(args[1], { activeChainId: activeChainId(state) }));
  return approveAndSign(ctx, h, state, address, td);
}
