/**
 * The popup's Send flow for EVM (native and watched ERC-20): validate the recipient and the
 * amount, prepare gas and fees (user edits applied), check funds BEFORE anything is signed, judge
 * the risk, and keep the prepared transaction here until the user confirms the review screen.
 * Signing and broadcasting reuse the dApp path (evm/broadcast.ts).
 */
import { formatUnits, getAddress, type Address } from 'viem';
import { validateAddress } from '../../../core';
import { parseTokenAmount, readTokenBalance } from '../core/erc20';
import { applyOverrides, buildTransfer, checkSufficientFunds, maxNetworkFee, prepareTransaction, type PreparedTransaction, type TxOverrides } from '../core/transaction';
import { explorerUrl, type EvmNetwork } from '../core/networks';
import { assessRisk, type KnownAddress } from '../../../core/risk';
import type { ActivityView, SendFees, SendPreview, SendRequest } from '../../../protocol/ui';
import { recentTransferTimes, riskSettings } from '../../../background/activity';
import { allActivity } from '../../../background/incoming/store';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import { signAndBroadcast, followReceipt, type ActivityDisplay } from './broadcast';
import { activeNetwork, allNetworks, evmState, networkById, rpcFor, selectedEvmAccount } from './state';
import { toWalletError } from './uiErrors';
import { listAddressBook } from '../../../background/wallet/addressBook';
import { onLocked } from '../../../background/session';

interface PendingSend {
  prepared: PreparedTransaction;
  chainId: number;
  display: ActivityDisplay;
  expires: number;
}

const PENDING_TTL_MS = 10 * 60_000;
/** Prepared sends waiting for the review screen; memory only (a worker restart asks to prepare again). */
const pending = new Map<string, PendingSend>();
onLocked(() => pending.clear());

function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function checkRecipient(to: unknown): Address {
  if (typeof to !== 'string' || to.trim() === '') throw new WalletError('INVALID_ADDRESS', 'A recipient is required');
  const v = validateAddress('evm', to.trim());
  if (!v.ok) throw new WalletError(v.reason === 'checksum' ? 'ADDRESS_CHECKSUM' : v.reason === 'network' ? 'ADDRESS_NETWORK' : 'INVALID_ADDRESS', v.message);
  return getAddress(to.trim());
}

function parseAmount(text: unknown, decimals: number): bigint {
  if (typeof text !== 'string' || text.trim() === '') throw new WalletError('INVALID_AMOUNT', 'An amount is required');
  let v: bigint;
  try {
    v = parseTokenAmount(text, decimals);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('Too many decimal')) throw new WalletError('TOO_MANY_DECIMALS', err.message, undefined, { decimals });
    throw new WalletError('INVALID_AMOUNT', 'Not a valid amount');
  }
  if (v <= 0n) throw new WalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  return v;
}

function overrides(fees: SendFees | undefined): TxOverrides {
  const o: TxOverrides = {};
  if (!fees) return o;
  const num = (v: string | undefined, field: string): bigint | undefined => {
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || !/^\d{1,40}$/.test(v)) throw new WalletError('INVALID_FEE', `${field} must be a whole number`);
    return BigInt(v);
  };
  const gas = num(fees.gas, 'Gas limit');
  const maxFeePerGas = num(fees.maxFeePerGas, 'Max fee');
  const maxPriorityFeePerGas = num(fees.maxPriorityFeePerGas, 'Priority fee');
  const gasPrice = num(fees.gasPrice, 'Gas price');
  if (gas !== undefined) o.gas = gas;
  if (maxFeePerGas !== undefined) o.maxFeePerGas = maxFeePerGas;
  if (maxPriorityFeePerGas !== undefined) o.maxPriorityFeePerGas = maxPriorityFeePerGas;
  if (gasPrice !== undefined) o.gasPrice = gasPrice;
  return o;
}

async function knownAddresses(): Promise<KnownAddress[]> {
  const [{ knownAddresses: history }, book] = await Promise.all([riskSettings(), listAddressBook()]);
  return [...history, ...book.entries.filter((e) => e.family === 'evm').map((e) => ({ address: e.address, source: 'addressBook' as const, label: e.name }))];
}

export async function prepareSend(req: SendRequest): Promise<SendPreview> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  if (!req || typeof req !== 'object') throw new WalletError('INVALID_INPUT', 'A send request is required');
  const to = checkRecipient(req.to);
  const [network, account, state] = await Promise.all([activeNetwork(), selectedEvmAccount(), evmState()]);
  let token: { address: Address; symbol: string; decimals: number } | undefined;
  if (req.token !== undefined) {
    token = (state.tokens[String(network.chainId)] ?? []).find((t) => t.address.toLowerCase() === String(req.token).toLowerCase());
    if (!token) throw new WalletError('UNKNOWN_TOKEN', 'That token is not watched on this network');
  }
  const symbol = token?.symbol ?? network.nativeCurrency.symbol;
  const decimals = token?.decimals ?? network.nativeCurrency.decimals;
  const rpc = rpcFor(network);
  const isMax = req.amount === 'max';
  const o = overrides(req.fees);
  try {
    let amount: bigint;
    if (isMax && token) {
      amount = await readTokenBalance(rpc, token.address, account.address);
      if (amount <= 0n) throw new WalletError('NOTHING_TO_SEND', 'The balance is zero');
    } else amount = isMax ? 1n : parseAmount(req.amount, decimals);
    let prepared = applyOverrides(
      await prepareTransaction(rpc, buildTransfer({ from: account.address, to, amount, ...(token ? { token } : {}) }), { chainId: network.chainId, eip1559: network.eip1559 }),
      o,
    );
    if (isMax && !token) {
      // Everything minus the most the network fee can cost.
      const balance = BigInt(await rpc.request<string>('eth_getBalance', [account.address, 'pending']));
      amount = balance - maxNetworkFee(prepared);
      if (amount <= 0n) throw new WalletError('INSUFFICIENT_FUNDS', 'The balance does not cover the network fee', undefined, { symbol, required: formatUnits(maxNetworkFee(prepared), decimals), available: formatUnits(balance, decimals), shortfall: formatUnits(-amount, decimals) });
      prepared = { ...prepared, value: amount };
    }
    await checkSufficientFunds(rpc, prepared, { native: network.nativeCurrency, ...(token ? { token: { ...token, amount } } : {}) });
    const settings = await riskSettings();
    const warnings = assessRisk({
      origin: null,
      chainFamily: 'evm',
      kind: 'transfer',
      recipient: to,
      ...(token ? { tokenContract: token.address } : {}),
      amount: { value: formatUnits(amount, decimals), symbol },
      userThresholds: settings.thresholds,
      recentTransfers: await recentTransferTimes(account.address),
      knownAddresses: await knownAddresses(),
    });
    const id = newId();
    pending.set(id, { prepared, chainId: network.chainId, display: { to, value: amount, symbol, decimals }, expires: Date.now() + PENDING_TTL_MS });
    const fee = prepared.fee;
    return {
      id,
      chainId: network.chainId,
      networkName: network.name,
      from: account.address,
      to,
      amount: formatUnits(amount, decimals),
      symbol,
      feeType: fee.type,
      gas: prepared.gas.toString(),
      ...(fee.type === 'eip1559' ? { maxFeePerGas: fee.maxFeePerGas.toString(), maxPriorityFeePerGas: fee.maxPriorityFeePerGas.toString() } : { gasPrice: fee.gasPrice.toString() }),
      maxNetworkFee: formatUnits(maxNetworkFee(prepared), network.nativeCurrency.decimals),
      nativeSymbol: network.nativeCurrency.symbol,
      warnings: warnings.map((w) => ({ code: w.code, severity: w.severity, params: w.params })),
    };
  } catch (err) {
    throw toWalletError(err);
  }
}

export async function confirmSend(id: unknown): Promise<{ hash: string; explorer: string | null }> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  if (typeof id !== 'string') throw new WalletError('INVALID_INPUT', 'A send id is required');
  const p = pending.get(id);
  pending.delete(id);
  if (!p || p.expires < Date.now()) throw new WalletError('SEND_EXPIRED', 'This send was prepared too long ago; review it again');
  const network = await networkById(p.chainId);
  if (!network) throw new WalletError('UNKNOWN_CHAIN', 'The network was removed');
  try {
    return await signAndBroadcast(network, p.prepared, null, p.display);
  } catch (err) {
    throw toWalletError(err);
  }
}

/** The activity for the popup, sent and incoming; pending EVM sends are followed again (e.g. after a worker restart). */
export async function activityView(): Promise<ActivityView[]> {
  const [items, networks] = await Promise.all([allActivity(), allNetworks()]);
  const byId = new Map<number, EvmNetwork>(networks.map((n) => [n.chainId, n]));
  return items.map((i) => {
    const n = i.family === 'evm' ? byId.get(Number(i.chainId)) : undefined;
    if (n && i.status === 'pending' && i.direction !== 'in') followReceipt(n, i.hash as `0x${string}`);
    let amount: string;
    try {
      amount = formatUnits(BigInt(i.value), i.decimals);
    } catch {
      amount = i.value;
    }
    return {
      hash: i.hash,
      family: i.family,
      chainId: i.chainId,
      networkName: n?.name ?? String(i.chainId),
      from: i.from,
      to: i.to,
      amount,
      symbol: i.symbol,
      origin: i.origin,
      explorer: i.explorer ?? (n ? (explorerUrl(n, 'tx', i.hash) ?? null) : null),
      status: i.status,
      time: i.time,
      direction: i.direction ?? 'out',
    };
  });
}
