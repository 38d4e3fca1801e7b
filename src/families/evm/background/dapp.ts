/**
 * The EVM family's dApp handler: EIP-1193 methods for one origin. Parameter checks, transaction
 * building, decoding and signing come from src/families/evm/core; this module adds the wallet's
 * state (permissions, active network, keys) and the user's approval.
 */
import type { Address, Hex } from 'viem';
import { validateEvmParams, unsupportedMethodError, providerError, type EvmRequest } from '../core/methods';
import { checkRpcChainId, validateAddEthereumChain, type EvmNetwork } from '../core/networks';
import { rpcErrorToProviderError } from '../core/rpc';
import { normalizeDappTransaction, prepareTransaction, type PreparedTransaction, type TxRequest } from '../core/transaction';
import { applyOverrides, checkSufficientFunds } from '../core/txSubmit';
import { parsePersonalSign, signPersonalMessage } from '../core/personalSign';
import { personalEcRecover } from '../core/ecRecover';
import { assessRisk } from '../../../core/risk';
import type { ApprovalEdits, RiskWarning } from '../../../protocol/approvals';
import { awaitUnlock, requestApproval } from '../../../background/approvals';
import { keyring } from '../../../background/keyring';
import { grant, grantOf, revoke } from '../../../background/permissions';
import { getLocal } from '../../../background/storage';
import { emitToOrigin, type DappContext, type FamilyHandler } from '../../../background/dapp/router';
import { activeNetwork, addCustomNetwork, findEvmAccount, networkById, rpcFor, selectedEvmAccount, setActiveChain, withEvmKey, evmState } from './state';
import { signAndBroadcast } from './broadcast';
import { describeTx, feeDisplay, simulationRiskWarnings } from './describeTx';
import { simulatedChangesDisplay } from './simulatedChanges';
import { forDapp, permittedAccounts, requirePermitted } from './dappAccounts';
import { callsStatus, sendCalls } from './callsBundles';
import { signTypedDataRequest } from './typedSigning';
import { subscribe, unsubscribe } from './subscriptions';
import { watchAsset } from './watchAsset';

const hexChain = (id: number): Hex => `0x${id.toString(16)}`;

function permissionObject(origin: string, accounts: string[], date: number): unknown {
  return { id: `${origin}#eth_accounts`, parentCapability: 'eth_accounts', invoker: origin, date, caveats: [{ type: 'restrictReturnedAccounts', value: forDapp(accounts) }] };
}

async function connect(ctx: DappContext): Promise<Address[]> {
  await awaitUnlock(() => keyring.unlocked);
  const existing = await permittedAccounts(ctx.origin);
  if (existing.length > 0) return existing;
  const account = await selectedEvmAccount();
  const network = await activeNetwork();
  const warnings = assessRisk({ origin: ctx.origin, chainFamily: 'evm', kind: 'sign' }).filter((w) => w.code === 'INSECURE_ORIGIN');
  const decision = await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'evm',
    kind: 'connect',
    exclusive: true,
    display: { account: account.address, network: network.name, permissions: 'See your address and balance, and request approval for transactions' },
    warnings: warnings as RiskWarning[],
  });
  const chosen = (decision.edits?.accounts?.length ? decision.edits.accounts : [account.address]) as Address[];
  await grant(ctx.origin, 'evm', chosen);
  emitToOrigin(ctx.origin, 'evm', 'accountsChanged', forDapp(chosen));
  return chosen;
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

/** Prepare → approve (with editable fees) → sign → broadcast; records the activity. */
async function approveAndSend(ctx: DappContext, network: EvmNetwork, req: TxRequest, kind: 'sendTransaction' = 'sendTransaction'): Promise<Hex> {
  const rpc = rpcFor(network);
  let prepared: PreparedTransaction;
  try {
    prepared = await prepareTransaction(rpc, req, { chainId: network.chainId, eip1559: network.eip1559 });
    await checkSufficientFunds(rpc, prepared, { native: network.nativeCurrency });
  } catch (err) {
    throw asProviderError(err);
  }
  // Simulated even when the dApp set the gas: a revert or too little gas is a danger warning.
  // eth_simulateV1 where the node has it: what leaves and arrives ("You send / You receive").
  const [{ display, warnings }, simulation, changes] = await Promise.all([describeTx(ctx, network, prepared), simulationRiskWarnings(network, prepared), simulatedChangesDisplay(network, prepared)]);
  const decision = await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'evm', kind, display: { ...changes, ...display, ...feeDisplay(prepared, network) }, warnings: [...simulation, ...warnings] });
  const final = applyOverrides(prepared, overridesFrom(decision.edits));
  try {
    return (await signAndBroadcast(network, final, ctx.origin)).hash;
  } catch (err) {
    throw asProviderError(err);
  }
}

function asProviderError(err: unknown): unknown {
  const e = err as { code?: unknown; shortfall?: { missing?: bigint } };
  if (e?.code === 'INSUFFICIENT_FUNDS') return providerError(-32000, (err as Error).message);
  if (err instanceof Error && err.name === 'RpcError') return rpcErrorToProviderError(err);
  return err;
}

async function handleValidated(ctx: DappContext, req: EvmRequest): Promise<unknown> {
  const network = await activeNetwork();
  if ('class' in req) {
    try {
      return await rpcFor(network).request(req.method, req.params);
    } catch (err) {
      throw rpcErrorToProviderError(err);
    }
  }
  switch (req.method) {
    case 'eth_chainId':
      return network.chainIdHex;
    case 'net_version':
      return String(network.chainId);
    case 'net_listening':
      return true;
    case 'eth_accounts':
      return forDapp(await permittedAccounts(ctx.origin));
    case 'eth_coinbase':
      return forDapp(await permittedAccounts(ctx.origin))[0] ?? null;
    case 'eth_requestAccounts':
      return forDapp(await connect(ctx));
    case 'personal_ecRecover':
      return personalEcRecover(req.params);
    case 'wallet_requestPermissions': {
      const accounts = await connect(ctx);
      const g = await grantOf(ctx.origin, 'evm');
      return [permissionObject(ctx.origin, accounts, g?.grantedAt ?? Date.now())];
    }
    case 'wallet_getPermissions': {
      const g = await grantOf(ctx.origin, 'evm');
      return g && keyring.unlocked ? [permissionObject(ctx.origin, g.accounts, g.grantedAt)] : [];
    }
    case 'wallet_revokePermissions':
      await revoke(ctx.origin, 'evm');
      emitToOrigin(ctx.origin, 'evm', 'accountsChanged', []);
      return null;
    case 'wallet_switchEthereumChain': {
      const target = await networkById(req.params.chainId);
      if (!target) throw providerError(4902, `Unrecognized chain ID ${hexChain(req.params.chainId)}. Try adding the chain using wallet_addEthereumChain first.`);
      if (target.chainId === network.chainId) return null;
      await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'evm', kind: 'switchChain', exclusive: true, display: { from: network.name, to: `${target.name} (chain ${target.chainId})` } });
      await setActiveChain(target.chainId);
      return null;
    }
    case 'wallet_addEthereumChain': {
      const s = await evmState();
      const v = validateAddEthereumChain(req.params, { existing: s.customNetworks });
      if (!v.ok) throw v.error;
      const rpcUrl = v.network.rpcUrls[0]!;
      if (v.alreadyKnown && v.alreadyKnown.chainId === network.chainId) return null;
      await requestApproval({
        origin: ctx.origin,
        requestId: ctx.requestId,
        family: 'evm',
        kind: 'addChain',
        exclusive: true,
        display: { name: v.network.name, chainId: v.network.chainId, rpcUrl, currency: v.network.nativeCurrency.symbol, explorer: v.network.blockExplorerUrl ?? '—', then: 'Switch to this network' },
        warnings: v.warnings as RiskWarning[],
      });
      // The page's URL is contacted only now, after the user approved (no probing from unapproved pages).
      const check = await checkRpcChainId(rpcUrl, v.network.chainId);
      if (!check.ok) throw check.error;
      if (!v.alreadyKnown || v.alreadyKnown.custom) await addCustomNetwork(v.network);
      await setActiveChain(v.network.chainId);
      return null;
    }
    case 'wallet_watchAsset':
      return watchAsset(ctx, network, req.params);
    case 'personal_sign': {
      const parsed = parsePersonalSign(req.params, { origin: ctx.origin, chainId: network.chainId });
      await requirePermitted(ctx.origin, parsed.address);
      const display: Record<string, unknown> = { account: parsed.address, network: network.name, message: parsed.display.kind === 'text' ? parsed.display.text : `${parsed.display.hex} (${parsed.display.byteLength} bytes)` };
      if (parsed.siwe) display.signIn = { domain: parsed.siwe.domain, uri: parsed.siwe.uri, chainId: parsed.siwe.chainId };
      await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'evm', kind: 'signMessage', display, warnings: [...(parsed.warnings as RiskWarning[]), ...(assessRisk({ origin: ctx.origin, chainFamily: 'evm', kind: 'sign' }) as RiskWarning[])] });
      const account = await findEvmAccount(parsed.address);
      return withEvmKey(account, (key) => signPersonalMessage(parsed.message, key));
    }
    case 'eth_signTypedData_v4':
    case 'eth_signTypedData_v3':
    case 'eth_signTypedData':
    case 'eth_signTypedData_v1':
      return signTypedDataRequest(ctx, network, req.method, req.params);
    case 'eth_sendTransaction': {
      const accounts = await requirePermitted(ctx.origin);
      const tx = normalizeDappTransaction(req.params, { chainId: network.chainId, accounts });
      return approveAndSend(ctx, network, tx);
    }
    case 'wallet_sendCalls':
      return sendCalls(ctx, req.params);
    case 'wallet_getCallsStatus':
      await requirePermitted(ctx.origin);
      return callsStatus(ctx.origin, req.params.id);
    case 'wallet_showCallsStatus':
      await requirePermitted(ctx.origin);
      await callsStatus(ctx.origin, req.params.id);
      return null;
    case 'wallet_getCapabilities': {
      await requirePermitted(ctx.origin, req.params.address);
      const ids = req.params.chainIds ?? [network.chainId];
      return Object.fromEntries(ids.map((id) => [hexChain(id), { atomic: { status: 'unsupported' } }]));
    }
    case 'eth_subscribe':
      return subscribe(ctx.connectionId, ctx.origin, network, req.params);
    case 'eth_unsubscribe':
      return unsubscribe(ctx.connectionId, req.params);
  }
  throw unsupportedMethodError((req as { method: string }).method);
}

export const evmHandler: FamilyHandler = {
  family: 'evm',
  async handle(ctx, method, params) {
    if (method === 'wallet_getProviderState') {
      const network = await activeNetwork();
      // isMetaMask: the compatibility flag (on unless the user turned it off in Settings).
      const settings = await getLocal('settings');
      return { chainId: network.chainIdHex, accounts: forDapp(await permittedAccounts(ctx.origin)), isMetaMask: settings?.evmMetaMaskCompat !== false };
    }
    const req = validateEvmParams(method, params);
    return handleValidated(ctx, req);
  },
};
