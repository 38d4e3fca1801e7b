/**
 * The EVM family's dApp handler: EIP-1193 methods for one origin. Parameter checks, transaction
 * building, decoding and signing come from src/core/chains/evm; this module adds the wallet's
 * state (permissions, active network, keys) and the user's approval.
 */
import { formatUnits, type Address, type Hex } from 'viem';
import { validateEvmParams, unsupportedMethodError, providerError, type EvmRequest, type SendCallsParams } from '../../core/chains/evm/methods';
import { checkRpcChainId, validateAddEthereumChain, type EvmNetwork } from '../../core/chains/evm/networks';
import { rpcErrorToProviderError } from '../../core/chains/evm/rpc';
import {
  applyOverrides,
  checkSufficientFunds,
  maxNetworkFee,
  normalizeDappTransaction,
  prepareTransaction,
  sendTransaction,
  waitForReceipt,
  type PreparedTransaction,
  type TxRequest,
} from '../../core/chains/evm/transaction';
import { decodeCalldata, type DecodedCall } from '../../core/chains/evm/decode';
import { readTokenMetadata } from '../../core/chains/evm/erc20';
import { parsePersonalSign, signPersonalMessage } from '../../core/chains/evm/personalSign';
import { parseSignTypedDataParams, signTypedDataV4 } from '../../core/chains/evm/typedData';
import { assessRisk } from '../../core/risk';
import type { ApprovalEdits, RiskWarning } from '../../protocol/approvals';
import { awaitUnlock, requestApproval } from '../approvals';
import { keyring } from '../keyring';
import { grant, grantOf, revoke } from '../permissions';
import { emitToOrigin, type DappContext, type FamilyHandler } from './router';
import { unauthorized } from './providerError';
import { activeNetwork, addCustomNetwork, findEvmAccount, networkById, nonceTracker, rpcFor, selectedEvmAccount, setActiveChain, watchToken, withEvmKey, evmState } from '../evm/state';
import { recentTransferTimes, riskSettings } from '../activity';
import { signAndBroadcast } from '../evm/broadcast';

const hexChain = (id: number): Hex => `0x${id.toString(16)}`;

/** Accounts the origin may see: nothing while locked or not connected. */
async function permittedAccounts(origin: string): Promise<Address[]> {
  if (!keyring.unlocked) return [];
  const g = await grantOf(origin, 'evm');
  return (g?.accounts ?? []) as Address[];
}

async function requirePermitted(origin: string, address?: string): Promise<Address[]> {
  const accounts = await permittedAccounts(origin);
  if (accounts.length === 0 && keyring.unlocked) throw unauthorized();
  if (accounts.length === 0) {
    // Locked but connected: unlock first, then check again.
    if (!(await grantOf(origin, 'evm'))) throw unauthorized();
    await awaitUnlock(() => keyring.unlocked);
    return requirePermitted(origin, address);
  }
  if (address && !accounts.some((a) => a.toLowerCase() === address.toLowerCase())) throw unauthorized();
  return accounts;
}

function permissionObject(origin: string, accounts: string[], date: number): unknown {
  return { id: `${origin}#eth_accounts`, parentCapability: 'eth_accounts', invoker: origin, date, caveats: [{ type: 'restrictReturnedAccounts', value: accounts }] };
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
  emitToOrigin(ctx.origin, 'evm', 'accountsChanged', chosen);
  return chosen;
}

function displayCall(call: DecodedCall, symbol: string, decimals?: number): Record<string, unknown> {
  const amount = (v: bigint): string => (decimals !== undefined ? `${formatUnits(v, decimals)} ${symbol}` : `${v.toString()} (raw units)`);
  switch (call.kind) {
    case 'native_transfer':
      return { action: 'Transfer', to: call.to, amount: amount(call.value) };
    case 'erc20_transfer':
      return { action: `Token transfer (${symbol})`, token: call.token, to: call.to, amount: amount(call.amount) };
    case 'erc20_transfer_from':
      return { action: `Token transferFrom (${symbol})`, token: call.token, from: call.from, to: call.to, amount: amount(call.amount) };
    case 'erc20_approve':
    case 'erc20_increase_allowance':
      return { action: `Token approval (${symbol})`, token: call.token, spender: call.spender, amount: call.unlimited ? 'UNLIMITED' : amount(call.amount) };
    case 'permit2_approve':
      return { action: 'Permit2 approval', token: call.token, spender: call.spender, amount: call.unlimited ? 'UNLIMITED' : call.amount.toString() };
    case 'set_approval_for_all':
      return { action: call.approved ? 'Approve all NFTs of a collection' : 'Revoke collection approval', collection: call.collection, operator: call.operator };
    case 'contract_creation':
      return { action: 'Deploy a contract', codeSize: `${call.codeSize} bytes` };
    case 'contract_call':
      return { action: 'Contract call', contract: call.to, function: call.selector };
  }
}

/** Decodes a transaction for the approval window and judges its risk. */
async function describeTx(ctx: DappContext, network: EvmNetwork, tx: TxRequest | PreparedTransaction): Promise<{ display: Record<string, unknown>; warnings: RiskWarning[] }> {
  const call = decodeCalldata({ to: tx.to ?? null, value: tx.value, ...(tx.data ? { data: tx.data } : {}) });
  const rpc = rpcFor(network);
  let symbol = network.nativeCurrency.symbol;
  let decimals: number | undefined = network.nativeCurrency.decimals;
  let tokenContract: string | undefined;
  if ('token' in call) {
    tokenContract = call.token;
    const meta = await readTokenMetadata(rpc, call.token).catch(() => undefined);
    symbol = meta?.symbol ?? 'tokens';
    decimals = meta?.decimals;
  }
  const recipient = 'to' in call ? call.to : 'spender' in call ? call.spender : 'operator' in call ? call.operator : undefined;
  const amountUnits = call.kind === 'native_transfer' ? call.value : 'amount' in call && !('unlimited' in call) ? call.amount : undefined;
  const settings = await riskSettings();
  const isApprove = call.kind === 'erc20_approve' || call.kind === 'erc20_increase_allowance' || call.kind === 'permit2_approve' || call.kind === 'set_approval_for_all';
  const warnings = assessRisk({
    origin: ctx.origin,
    chainFamily: 'evm',
    kind: isApprove ? 'approve' : amountUnits !== undefined ? 'transfer' : 'contract',
    ...(recipient ? { recipient } : {}),
    ...(tokenContract ? { tokenContract } : {}),
    ...(amountUnits !== undefined && decimals !== undefined ? { amount: { value: formatUnits(amountUnits, decimals), symbol } } : {}),
    unlimitedApproval: ('unlimited' in call && call.unlimited) || (call.kind === 'set_approval_for_all' && call.approved),
    userThresholds: settings.thresholds,
    recentTransfers: await recentTransferTimes(tx.from),
    knownAddresses: settings.knownAddresses,
  });
  const display: Record<string, unknown> = { account: tx.from, network: `${network.name} (chain ${network.chainId})`, ...displayCall(call, symbol, decimals) };
  if (tx.value > 0n && call.kind !== 'native_transfer') display.value = `${formatUnits(tx.value, network.nativeCurrency.decimals)} ${network.nativeCurrency.symbol}`;
  if (tx.data && tx.data !== '0x') display.data = tx.data.length > 202 ? `${tx.data.slice(0, 202)}… (${(tx.data.length - 2) / 2} bytes)` : tx.data;
  return { display, warnings: warnings as RiskWarning[] };
}

function feeDisplay(p: PreparedTransaction, network: EvmNetwork): Record<string, unknown> {
  const gwei = (v: bigint): string => `${formatUnits(v, 9)} gwei`;
  return {
    gas: p.gas.toString(),
    ...(p.fee.type === 'eip1559' ? { maxFeePerGas: gwei(p.fee.maxFeePerGas), maxPriorityFeePerGas: gwei(p.fee.maxPriorityFeePerGas) } : { gasPrice: gwei(p.fee.gasPrice) }),
    maxNetworkFee: `${formatUnits(maxNetworkFee(p), network.nativeCurrency.decimals)} ${network.nativeCurrency.symbol}`,
  };
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
  const { display, warnings } = await describeTx(ctx, network, prepared);
  const decision = await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'evm', kind, display: { ...display, ...feeDisplay(prepared, network) }, warnings });
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

// EIP-5792 bundles: executed one by one after one approval; status kept in memory and session.
interface CallsBundle {
  id: string;
  chainId: number;
  status: number;
  hashes: Hex[];
}
const bundles = new Map<string, CallsBundle>();

async function sendCalls(ctx: DappContext, p: SendCallsParams): Promise<{ id: string }> {
  const network = await activeNetwork();
  if (p.chainId !== network.chainId) throw providerError(5710, `Chain ${hexChain(p.chainId)} is not the active chain`);
  if (p.atomicRequired) throw providerError(5760, 'Atomic execution is not supported by this wallet');
  const accounts = await requirePermitted(ctx.origin, p.from);
  const from = (p.from ?? accounts[0]) as Address;
  const descriptions = [];
  const warnings: RiskWarning[] = [];
  for (const c of p.calls) {
    const d = await describeTx(ctx, network, { from, ...(c.to ? { to: c.to } : {}), value: c.value ?? 0n, ...(c.data ? { data: c.data } : {}), fees: {} });
    descriptions.push(d.display);
    warnings.push(...d.warnings);
  }
  await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'evm', kind: 'sendCalls', display: { account: from, network: network.name, calls: descriptions, execution: 'One after another (not atomic)' }, warnings });
  const id = p.id ?? `0x${Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  const bundle: CallsBundle = { id, chainId: network.chainId, status: 100, hashes: [] };
  bundles.set(id, bundle);
  const rpc = rpcFor(network);
  const account = await findEvmAccount(from);
  for (const c of p.calls) {
    try {
      const prepared = await prepareTransaction(rpc, { from, ...(c.to ? { to: c.to } : {}), value: c.value ?? 0n, ...(c.data ? { data: c.data } : {}), fees: {} }, { chainId: network.chainId, eip1559: network.eip1559 });
      const sent = await withEvmKey(account, (key) => sendTransaction(rpc, prepared, key, nonceTracker));
      bundle.hashes.push(sent.hash);
      const receipt = await waitForReceipt(rpc, sent.hash, { timeoutMs: 5 * 60_000 });
      if (receipt.status !== 'success') {
        bundle.status = bundle.hashes.length > 1 ? 600 : 500;
        return { id };
      }
    } catch {
      bundle.status = bundle.hashes.length > 0 ? 600 : 400;
      return { id };
    }
  }
  bundle.status = 200;
  return { id };
}

async function callsStatus(id: string): Promise<unknown> {
  const b = bundles.get(id);
  if (!b) throw providerError(5730, 'Unknown bundle id');
  const network = await networkById(b.chainId);
  const receipts = network
    ? await Promise.all(b.hashes.map((h) => rpcFor(network).request('eth_getTransactionReceipt', [h]).catch(() => null)))
    : [];
  return { version: '2.0.0', id: b.id, chainId: hexChain(b.chainId), status: b.status, atomic: false, receipts: receipts.filter(Boolean) };
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
      return permittedAccounts(ctx.origin);
    case 'eth_coinbase':
      return (await permittedAccounts(ctx.origin))[0] ?? null;
    case 'eth_requestAccounts':
      return connect(ctx);
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
    case 'wallet_watchAsset': {
      const o = req.params.options;
      const chainId = o.chainId ?? network.chainId;
      await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'evm', kind: 'watchAsset', display: { token: o.address, symbol: o.symbol, decimals: o.decimals, network: chainId } });
      await watchToken(chainId, { address: o.address, symbol: o.symbol, decimals: o.decimals, ...(o.image ? { image: o.image } : {}) });
      return true;
    }
    case 'personal_sign': {
      const parsed = parsePersonalSign(req.params, { origin: ctx.origin, chainId: network.chainId });
      await requirePermitted(ctx.origin, parsed.address);
      const display: Record<string, unknown> = { account: parsed.address, network: network.name, message: parsed.display.kind === 'text' ? parsed.display.text : `${parsed.display.hex} (${parsed.display.byteLength} bytes)` };
      if (parsed.siwe) display.signIn = { domain: parsed.siwe.domain, uri: parsed.siwe.uri, chainId: parsed.siwe.chainId };
      await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'evm', kind: 'signMessage', display, warnings: [...(parsed.warnings as RiskWarning[]), ...(assessRisk({ origin: ctx.origin, chainFamily: 'evm', kind: 'sign' }) as RiskWarning[])] });
      const account = await findEvmAccount(parsed.address);
      return withEvmKey(account, (key) => signPersonalMessage(parsed.message, key));
    }
    case 'eth_signTypedData_v4': {
      const { address, typedData } = parseSignTypedDataParams(req.params, { activeChainId: network.chainId });
      await requirePermitted(ctx.origin, address);
      const warnings: RiskWarning[] = typedData.permits.map((p) => ({ code: p.unlimited ? 'UNLIMITED_APPROVAL' : 'PERMIT', severity: p.unlimited ? 'danger' : 'warning', params: { spender: p.spender } }));
      await requestApproval({
        origin: ctx.origin,
        requestId: ctx.requestId,
        family: 'evm',
        kind: 'signTypedData',
        display: { account: address, network: network.name, primaryType: typedData.primaryType, domain: typedData.domain, message: JSON.parse(JSON.stringify(typedData.message, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as unknown },
        warnings,
      });
      const account = await findEvmAccount(address);
      return withEvmKey(account, (key) => signTypedDataV4(typedData, key));
    }
    case 'eth_sendTransaction': {
      const accounts = await requirePermitted(ctx.origin);
      const tx = normalizeDappTransaction(req.params, { chainId: network.chainId, accounts });
      return approveAndSend(ctx, network, tx);
    }
    case 'wallet_sendCalls':
      return sendCalls(ctx, req.params);
    case 'wallet_getCallsStatus':
      await requirePermitted(ctx.origin);
      return callsStatus(req.params.id);
    case 'wallet_showCallsStatus':
      await requirePermitted(ctx.origin);
      await callsStatus(req.params.id);
      return null;
    case 'wallet_getCapabilities': {
      await requirePermitted(ctx.origin, req.params.address);
      const ids = req.params.chainIds ?? [network.chainId];
      return Object.fromEntries(ids.map((id) => [hexChain(id), { atomic: { status: 'unsupported' } }]));
    }
    case 'eth_subscribe':
    case 'eth_unsubscribe':
      throw unsupportedMethodError(req.method);
  }
  throw unsupportedMethodError((req as { method: string }).method);
}

export const evmHandler: FamilyHandler = {
  family: 'evm',
  async handle(ctx, method, params) {
    if (method === 'wallet_getProviderState') {
      const network = await activeNetwork();
      return { chainId: network.chainIdHex, accounts: await permittedAccounts(ctx.origin) };
    }
    const req = validateEvmParams(method, params);
    return handleValidated(ctx, req);
  },
};
