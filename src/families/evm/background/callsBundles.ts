/**
 * EIP-5792 wallet_sendCalls / wallet_getCallsStatus: calls executed one by one after one approval.
 * Bundle status is kept in storage.session (memory-only, survives a service-worker restart, gone
 * when the browser closes), each record bound to the origin that sent it.
 */
import type { Address, Hex } from 'viem';
import { providerError, type SendCallsParams } from '../core/methods';
import { prepareTransaction } from '../core/transaction';
import { sendTransaction, waitForReceipt } from '../core/txSubmit';
import type { RiskWarning } from '../../../protocol/approvals';
import type { DappCall, DappPrepared } from '../../types';
import { describeTx } from './describeTx';
import { requirePermitted } from './dappAccounts';
import { activeNetwork, findEvmAccount, networkById, nonceTracker, rpcFor, withEvmKey } from './state';
import { sessionArea } from '../../../background/storageCache';

interface CallsBundle {
  id: string;
  origin: string;
  chainId: number;
  status: number;
  hashes: Hex[];
}

const KEY = 'evmCallBundles';
const MAX_BUNDLES = 200;
const hexChain = (id: number): Hex => `0x${id.toString(16)}`;

async function loadAll(): Promise<Record<string, CallsBundle>> {
  return ((await sessionArea.get(KEY))[KEY] as Record<string, CallsBundle> | undefined) ?? {};
}

// Writes are serialised so concurrent bundles never overwrite each other's updates.
let writing: Promise<unknown> = Promise.resolve();
function save(b: CallsBundle): Promise<void> {
  const next = writing.then(async () => {
    const all = await loadAll();
    all[b.id] = { ...b, hashes: [...b.hashes] };
    const ids = Object.keys(all);
    for (const old of ids.slice(0, Math.max(0, ids.length - MAX_BUNDLES))) delete all[old];
    await sessionArea.set({ [KEY]: all });
  });
  writing = next.catch(() => undefined);
  return next;
}

/** What a bundle is refused for before the grant check and the unlock (as before the pipeline). */
export async function checkSendCalls(p: SendCallsParams): Promise<void> {
  const network = await activeNetwork();
  if (p.chainId !== network.chainId) throw providerError(5710, `Chain ${hexChain(p.chainId)} is not the active chain`);
  if (p.atomicRequired) throw providerError(5760, 'Atomic execution is not supported by this wallet');
}

/**
 * Checks a bundle (-32602 / 5710 / 5760 / 5720 before any window), describes each call for the one
 * approval the pipeline shows, and runs the calls one by one once approved.
 */
export async function prepareSendCalls(call: DappCall, p: SendCallsParams): Promise<DappPrepared> {
  const network = await activeNetwork();
  await checkSendCalls(p);
  // While locked the pipeline only validates: no account and no node are asked yet.
  if (call.validating) return { approval: { kind: 'sendCalls', display: {} }, run: () => Promise.resolve(null) };
  const accounts = await requirePermitted(call.origin, p.from);
  const account = await findEvmAccount(p.from ?? accounts[0]!);
  const from: Address = account.address;
  if (p.id !== undefined && (await loadAll())[p.id]) throw providerError(5720, 'A bundle with this id already exists');
  const descriptions = [];
  const warnings: RiskWarning[] = [];
  for (const c of p.calls) {
    const d = await describeTx(call, network, { from, ...(c.to ? { to: c.to } : {}), value: c.value ?? 0n, ...(c.data ? { data: c.data } : {}), fees: {} });
    descriptions.push(d.display);
    warnings.push(...d.warnings);
  }
  return {
    approval: { kind: 'sendCalls', display: { account: from, network: network.name, calls: descriptions, execution: 'One after another (not atomic)' }, warnings },
    run: () => runCalls(call.origin, network, account, p),
  };
}

async function runCalls(origin: string, network: Awaited<ReturnType<typeof activeNetwork>>, account: Awaited<ReturnType<typeof findEvmAccount>>, p: SendCallsParams): Promise<{ id: string }> {
  const from: Address = account.address;
  const id = p.id ?? `0x${Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  const bundle: CallsBundle = { id, origin, chainId: network.chainId, status: 100, hashes: [] };
  await save(bundle);
  const rpc = rpcFor(network);
  for (const c of p.calls) {
    try {
      const prepared = await prepareTransaction(rpc, { from, ...(c.to ? { to: c.to } : {}), value: c.value ?? 0n, ...(c.data ? { data: c.data } : {}), fees: {} }, { chainId: network.chainId, eip1559: network.eip1559 });
      const sent = await withEvmKey(account, (key) => sendTransaction(rpc, prepared, key, nonceTracker));
      bundle.hashes.push(sent.hash);
      await save(bundle);
      const receipt = await waitForReceipt(rpc, sent.hash, { timeoutMs: 5 * 60_000 });
      if (receipt.status !== 'success') {
        bundle.status = bundle.hashes.length > 1 ? 600 : 500;
        await save(bundle);
        return { id };
      }
    } catch {
      bundle.status = bundle.hashes.length > 0 ? 600 : 400;
      await save(bundle);
      return { id };
    }
  }
  bundle.status = 200;
  await save(bundle);
  return { id };
}

/** EIP-5792 status (version 2.0.0 shape); only the origin that sent the bundle may read it. */
export async function callsStatus(origin: string, id: string): Promise<unknown> {
  const b = (await loadAll())[id];
  if (!b || b.origin !== origin) throw providerError(5730, 'Unknown bundle id');
  const network = await networkById(b.chainId);
  const receipts = network ? await Promise.all(b.hashes.map((h) => rpcFor(network).request('eth_getTransactionReceipt', [h]).catch(() => null))) : [];
  return { version: '2.0.0', id: b.id, chainId: hexChain(b.chainId), status: b.status, atomic: false, receipts: receipts.filter(Boolean) };
}
