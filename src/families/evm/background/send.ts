/**
 * The popup's Send for EVM (native and watched ERC-20) as a prepared send of the shared pipeline:
 * validate the recipient and the amount, prepare gas and fees (the user's edits from the review
 * screen arrive in `extra`), check funds BEFORE anything is signed, and state the risk facts. The
 * prepared transaction stays in the returned closure; confirming signs with the lent key.
 */
import { formatUnits, getAddress, type Address } from 'viem';
import { validateAddress } from '../../../core';
import { parseTokenAmount, readTokenBalance } from '../core/erc20';
import { buildTransfer, prepareTransaction, type PreparedTransaction } from '../core/transaction';
import { applyOverrides, checkSufficientFunds, maxNetworkFee, sendTransaction, waitForReceipt, type TxOverrides } from '../core/txSubmit';
import { explorerUrl } from '../core/networks';
import type { FamilyContext, PreparedSend, SendRequestGeneric } from '../../types';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import { evmState, nonceTracker, rpcFor } from './state';
import { toWalletError } from './uiErrors';
import { networkOf } from './balances';

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

/** The fee edits of the review screen (gas units and wei per gas, decimal strings), from `extra`. */
export function feeOverrides(extra: SendRequestGeneric['extra']): TxOverrides {
  const o: TxOverrides = {};
  if (!extra) return o;
  const num = (key: string, field: string): bigint | undefined => {
    const v = extra[key];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || !/^\d{1,40}$/.test(v)) throw new WalletError('INVALID_FEE', `${field} must be a whole number`);
    return BigInt(v);
  };
  const gas = num('gas', 'Gas limit');
  const maxFeePerGas = num('maxFeePerGas', 'Max fee');
  const maxPriorityFeePerGas = num('maxPriorityFeePerGas', 'Priority fee');
  const gasPrice = num('gasPrice', 'Gas price');
  if (gas !== undefined) o.gas = gas;
  if (maxFeePerGas !== undefined) o.maxFeePerGas = maxFeePerGas;
  if (maxPriorityFeePerGas !== undefined) o.maxPriorityFeePerGas = maxPriorityFeePerGas;
  if (gasPrice !== undefined) o.gasPrice = gasPrice;
  return o;
}

export async function prepareEvmSend(ctx: FamilyContext, req: SendRequestGeneric): Promise<PreparedSend> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  const to = checkRecipient(req.to);
  const [network, state] = await Promise.all([networkOf(ctx), evmState()]);
  const from = ctx.address as Address;
  let token: { address: Address; symbol: string; decimals: number } | undefined;
  if (req.token !== undefined) {
    token = (state.tokens[String(network.chainId)] ?? []).find((t) => t.address.toLowerCase() === String(req.token).toLowerCase());
    if (!token) throw new WalletError('UNKNOWN_TOKEN', 'That token is not watched on this network');
  }
  const symbol = token?.symbol ?? network.nativeCurrency.symbol;
  const decimals = token?.decimals ?? network.nativeCurrency.decimals;
  const rpc = rpcFor(network);
  const isMax = req.amount === 'max';
  const o = feeOverrides(req.extra);
  try {
    let amount: bigint;
    if (isMax && token) {
      amount = await readTokenBalance(rpc, token.address, from);
      if (amount <= 0n) throw new WalletError('NOTHING_TO_SEND', 'The balance is zero');
    } else amount = isMax ? 1n : parseAmount(req.amount, decimals);
    let prepared: PreparedTransaction = applyOverrides(
      await prepareTransaction(rpc, buildTransfer({ from, to, amount, ...(token ? { token } : {}) }), { chainId: network.chainId, eip1559: network.eip1559 }),
      o,
    );
    if (isMax && !token) {
      // Everything minus the most the network fee can cost.
      const balance = BigInt(await rpc.request<string>('eth_getBalance', [from, 'pending']));
      amount = balance - maxNetworkFee(prepared);
      if (amount <= 0n) throw new WalletError('INSUFFICIENT_FUNDS', 'The balance does not cover the network fee', undefined, { symbol, required: formatUnits(maxNetworkFee(prepared), decimals), available: formatUnits(balance, decimals), shortfall: formatUnits(-amount, decimals) });
      prepared = { ...prepared, value: amount };
    }
    await checkSufficientFunds(rpc, prepared, { native: network.nativeCurrency, ...(token ? { token: { ...token, amount } } : {}) });
    const fee = prepared.fee;
    const plan = prepared;
    return {
      preview: {
        from,
        to,
        amount: formatUnits(amount, decimals),
        symbol,
        fee: formatUnits(maxNetworkFee(prepared), network.nativeCurrency.decimals),
        feeSymbol: network.nativeCurrency.symbol,
        feeLabel: 'maxNetworkFee',
        details: {},
        reviewData: {
          feeType: fee.type,
          gas: prepared.gas.toString(),
          ...(fee.type === 'eip1559' ? { maxFeePerGas: fee.maxFeePerGas.toString(), maxPriorityFeePerGas: fee.maxPriorityFeePerGas.toString() } : { gasPrice: fee.gasPrice.toString() }),
        },
      },
      facts: { kind: 'transfer', recipient: to, ...(token ? { tokenContract: token.address } : {}), amount: { value: formatUnits(amount, decimals), symbol } },
      record: { value: amount.toString(), decimals },
      async confirm() {
        try {
          // The key is lent for this one account and refused if the selected account changed.
          await keyring.prepare(ctx.sel.walletId);
          const sent = await ctx.withKey((k) => sendTransaction(rpc, plan, k.secretKey, nonceTracker));
          const settled = waitForReceipt(rpc, sent.hash, { timeoutMs: 10 * 60_000 }).then((r) => r.status === 'success');
          return { hash: sent.hash, explorer: explorerUrl(network, 'tx', sent.hash) ?? null, settled };
        } catch (err) {
          throw toWalletError(err);
        }
      },
    };
  } catch (err) {
    throw toWalletError(err);
  }
}
