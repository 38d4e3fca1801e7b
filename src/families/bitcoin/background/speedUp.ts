/**
 * Speed-up (BIP125 replace-by-fee) of one of this wallet's pending Bitcoin sends at a higher fee
 * rate: the same recipient and amount, the same coins (plus confirmed ones when the fee needs
 * them), change back to the account. Prepared and confirmed like a send; the shared send service
 * marks the replaced entry.
 */
import { Transaction as BtcTransaction } from '@scure/btc-signer';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { ActivityItem } from '../../../background/activity';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import type { FamilyContext, PreparedSend } from '../../types';
import { planSpeedUp, resolveSpentCoins } from '../core/speedUp';
import { btc, planPreview, sendPlan } from './send';
import { chainOf, esploraGuard, scanBitcoin } from './wallet';

function txidOfHex(hex: string): string {
  try {
    return BtcTransaction.fromRaw(hexToBytes(hex.trim()), { allowUnknownOutputs: true, allowUnknownInputs: true, disableScriptCheck: true }).id;
  } catch {
    return '';
  }
}

export async function prepareSpeedUp(ctx: FamilyContext, item: ActivityItem, params: unknown): Promise<PreparedSend> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  const feeRate = (params as { feeRate?: unknown } | null)?.feeRate;
  if (typeof feeRate !== 'number' || !Number.isFinite(feeRate) || feeRate <= 0) throw new WalletError('INVALID_FEE', 'Enter a fee rate in sat/vB');
  const hash = item.hash;
  if (item.status !== 'pending' || item.direction === 'in') throw new WalletError('NOT_REPLACEABLE', 'Only a pending Bitcoin transfer of this wallet can be sped up');
  const { network, client } = chainOf(ctx);
  if (item.chainId !== network) throw new WalletError('WRONG_NETWORK', 'Switch to the network of this transaction first');
  const { plan, view } = await esploraGuard(async () => {
    const [view, txHex] = await Promise.all([scanBitcoin(network, client), client.getTxHex(hash)]);
    // The API could answer another transaction than the one asked for: only ours is replaced.
    if (txidOfHex(txHex) !== hash) throw new WalletError('INVALID_TRANSACTION', 'The Bitcoin API answered a different transaction than the one to speed up');
    const spentCoins = await resolveSpentCoins(client, txHex, view.addresses);
    const extraUtxos = view.utxos.filter((u) => u.confirmed && !spentCoins.some((c) => c.txid === u.txid && c.vout === u.vout));
    const plan = planSpeedUp({ network, txHex, spentCoins, walletAddresses: view.addresses, feeRate, extraUtxos, changeAddress: view.change });
    // The replacement pays exactly what the recorded transfer paid, to the same recipient.
    const paid = plan.outputs.filter((o) => !o.isChange);
    if (paid.length !== 1 || paid[0]!.address !== item.to || String(paid[0]!.value) !== item.value) {
      throw new WalletError('NOT_REPLACEABLE', 'This transaction does not match the transfer in the activity list; it is not replaced');
    }
    return { plan, view };
  });
  const to = plan.outputs.find((o) => !o.isChange)?.address ?? item.to ?? '';
  return {
    preview: planPreview(
      view.receive.address,
      to,
      plan,
      { replaces: hash, inputsSpent: plan.inputs.map((i) => `${i.address} ${btc(i.value)}`).join(', ') },
      plan.replaces ? { previousFee: btc(plan.replaces.fee) } : {},
    ),
    // No risk facts: the recipient and amount are the ones already sent (the old preview showed no warnings).
    facts: { kind: 'sign' },
    record: { value: String(plan.amount), decimals: 8, replaces: hash },
    confirm: () => sendPlan(ctx, plan),
  };
}
