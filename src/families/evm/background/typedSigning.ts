/**
 * The typed-data signing methods: eth_signTypedData_v4, _v3 (v4 minus arrays) and the legacy
 * eth_signTypedData / _v1 array form. Each is parsed in full before any window opens (-32602
 * otherwise), shown with every field (addresses checksummed), approved by the user, then signed.
 */
import type { Address, Hex } from 'viem';
import type { EvmNetwork } from '../core/networks';
import { parseSignTypedDataParams, signTypedDataV4, type ValidatedTypedData } from '../core/typedData';
import { parseSignTypedDataV1Params, parseSignTypedDataV3Params, signTypedDataV1 } from '../core/typedDataLegacy';
import type { RiskWarning } from '../../../protocol/approvals';
import type { DappCall, DappPrepared } from '../../types';
import { requirePermitted } from './dappAccounts';
import { findEvmAccount, withEvmKey } from './state';

export type TypedSignMethod = 'eth_signTypedData_v4' | 'eth_signTypedData_v3' | 'eth_signTypedData' | 'eth_signTypedData_v1';

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))) as unknown;

function permitWarnings(td: ValidatedTypedData): RiskWarning[] {
  return td.permits.map((p) => ({ code: p.unlimited ? 'UNLIMITED_APPROVAL' : 'PERMIT', severity: p.unlimited ? 'danger' : 'warning', params: { spender: p.spender } }));
}

/** A typed-data request parsed in full: who signs, what the window shows, and the signing itself. */
interface ParsedTypedSign {
  address: Address;
  display: Record<string, unknown>;
  warnings: RiskWarning[];
  sign(key: Uint8Array): Promise<Hex>;
}

/** Parses every form (-32602 when malformed); needs no account, no node and no unlock. */
export function parseTypedSign(network: EvmNetwork, method: TypedSignMethod, params: unknown[]): ParsedTypedSign {
  if (method === 'eth_signTypedData' || method === 'eth_signTypedData_v1') {
    const { address, typedData } = parseSignTypedDataV1Params(params);
    const message = Object.fromEntries(typedData.fields.map((f) => [`${f.name} (${f.type})`, f.shown]));
    return { address, display: { network: network.name, format: 'eth_signTypedData (v1)', message }, warnings: [], sign: (key) => signTypedDataV1(typedData, key) };
  }
  const opts = { activeChainId: network.chainId };
  const { address, typedData } = method === 'eth_signTypedData_v3' ? parseSignTypedDataV3Params(params, opts) : parseSignTypedDataParams(params, opts);
  const display = { network: network.name, ...(method === 'eth_signTypedData_v3' ? { format: 'eth_signTypedData_v3' } : {}), primaryType: typedData.primaryType, domain: plain(typedData.domain), message: plain(typedData.message) };
  // v3 without arrays encodes exactly as v4 (parseSignTypedDataV3Params refused arrays).
  return { address, display, warnings: permitWarnings(typedData), sign: (key) => signTypedDataV4(typedData, key) };
}

/**
 * One typed-data signature for the pipeline: the site must be connected to the signing address
 * (one of its granted accounts, not only the selected one); the pipeline shows the approval, then
 * the key signs.
 */
export async function prepareTypedSign(call: DappCall, network: EvmNetwork, method: TypedSignMethod, params: unknown[]): Promise<DappPrepared> {
  const { address, display, warnings, sign } = parseTypedSign(network, method, params);
  const approval = { kind: 'signTypedData' as const, display: { account: address, ...display }, warnings };
  // While locked the pipeline only validates: the params parsed, nothing else is asked.
  if (call.validating) return { approval, run: () => Promise.resolve(null) };
  await requirePermitted(call.origin, address);
  return { approval, run: async () => withEvmKey(await findEvmAccount(address), sign) };
}
