/**
 * personal_sign and eth_sendTransaction as DappMethods: parsed in full before any window (-32602),
 * the signing account must be one the site was granted (not only the selected one), the pipeline
 * shows the approval (a transaction with editable fees, its simulation and decoded call), then the
 * key signs. While the wallet is locked the pipeline only validates: no node and no key are asked.
 */
import type { Hex } from 'viem';
import { validateEvmParams, providerError } from '../core/methods';
import { rpcErrorToProviderError } from '../core/rpc';
import { normalizeDappTransaction, prepareTransaction, type PreparedTransaction } from '../core/transaction';
import { applyOverrides, checkSufficientFunds } from '../core/txSubmit';
import { parsePersonalSign, signPersonalMessage } from '../core/personalSign';
import { assessRisk } from '../../../core/risk';
import type { ApprovalEdits, RiskWarning } from '../../../protocol/approvals';
import { grantOf } from '../../../background/permissions';
import type { DappMethod } from '../../types';
import { activeNetwork, findEvmAccount, rpcFor, withEvmKey } from './state';
import { signAndBroadcast } from './broadcast';
import { describeTx, feeDisplay, simulationRiskWarnings } from './describeTx';
import { simulatedChangesDisplay } from './simulatedChanges';
import { requirePermitted } from './dappAccounts';

/** The family's error mapping (FamilyBackground.mapError): funds and node errors become dApp errors. */
export function asProviderError(err: unknown): unknown {
  const e = err as { code?: unknown };
  if (e?.code === 'INSUFFICIENT_FUNDS') return providerError(-32000, (err as Error).message);
  if (err instanceof Error && err.name === 'RpcError') return rpcErrorToProviderError(err);
  return err;
}

function overridesFrom(edits: ApprovalEdits | undefined): Parameters<typeof applyOverrides>[1] {
  const o: Parameters<typeof applyOverrides>[1] = {};
  if (!edits) return o;
  if (edits.gas) o.gas = BigInt(edits.gas);
  if (edits.gasPrice) o.gasPrice = BigInt(edits.gasPrice);
  if (edits.maxFeePerGas) o.maxFeePerGas = BigInt(edits.maxFeePerGas);
  if (edits.maxPriorityFeePerGas) o.maxPriorityFeePerGas = BigInt(edits.maxPriorityFeePerGas);
  return o;
}

const parseOnly = { approval: { kind: 'signMessage' as const, display: {} }, run: () => Promise.resolve(null) };

export const personalSign: DappMethod = {
  gate: 'approval',
  // Parsed before the grant check, as before the pipeline: a malformed request is -32602 for anyone.
  async check(origin, params) {
    parsePersonalSign(validateEvmParams('personal_sign', params).params, { origin, chainId: (await activeNetwork()).chainId });
  },
  async prepare(call, params) {
    const network = await activeNetwork();
    const parsed = parsePersonalSign(validateEvmParams('personal_sign', params).params, { origin: call.origin, chainId: network.chainId });
    if (call.validating) return parseOnly;
    await requirePermitted(call.origin, parsed.address);
    const display: Record<string, unknown> = { account: parsed.address, network: network.name, message: parsed.display.kind === 'text' ? parsed.display.text : `${parsed.display.hex} (${parsed.display.byteLength} bytes)` };
    if (parsed.siwe) display.signIn = { domain: parsed.siwe.domain, uri: parsed.siwe.uri, chainId: parsed.siwe.chainId };
    const warnings = [...(parsed.warnings as RiskWarning[]), ...(assessRisk({ origin: call.origin, chainFamily: 'evm', kind: 'sign' }) as RiskWarning[])];
    return {
      approval: { kind: 'signMessage', display, warnings },
      run: async (): Promise<Hex> => withEvmKey(await findEvmAccount(parsed.address), (key) => signPersonalMessage(parsed.message, key)),
    };
  },
};

export const sendTransaction: DappMethod = {
  gate: 'approval',
  check: (_origin, params) => void validateEvmParams('eth_sendTransaction', params),
  async prepare(call, params) {
    const network = await activeNetwork();
    const raw = validateEvmParams('eth_sendTransaction', params).params;
    // Locked: the granted accounts stand in (the shape of the request is all that is checked).
    const accounts = call.validating ? ((await grantOf(call.origin, 'evm'))?.accounts ?? []) : await requirePermitted(call.origin);
    const req = normalizeDappTransaction(raw, { chainId: network.chainId, accounts: accounts as `0x${string}`[] });
    if (call.validating) return parseOnly;
    const rpc = rpcFor(network);
    const prepared: PreparedTransaction = await prepareTransaction(rpc, req, { chainId: network.chainId, eip1559: network.eip1559 });
    await checkSufficientFunds(rpc, prepared, { native: network.nativeCurrency });
    // Simulated even when the dApp set the gas: a revert or too little gas is a danger warning.
    // eth_simulateV1 where the node has it: what leaves and arrives ("You send / You receive").
    const [{ display, warnings }, simulation, changes] = await Promise.all([describeTx(call, network, prepared), simulationRiskWarnings(network, prepared), simulatedChangesDisplay(network, prepared)]);
    return {
      approval: { kind: 'sendTransaction', display: { ...changes, ...display, ...feeDisplay(prepared, network) }, warnings: [...simulation, ...warnings] },
      run: async (decision) => (await signAndBroadcast(network, applyOverrides(prepared, overridesFrom(decision?.edits)), call.origin)).hash,
    };
  },
};
