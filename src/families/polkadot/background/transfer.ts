/**
 * A native transfer from the wallet's own send screen: balances.transferKeepAlive (or
 * transferAllowDeath when the user chose to empty the account), nonce from the node, a mortal era
 * of 64 blocks from the best block, no tip. The fee is payment_queryInfo of the very extrinsic that
 * will be sent, with a placeholder signature of the same size, so the fee shown is the fee charged.
 * A send that would leave the account below the existential deposit is refused (keep-alive), as is
 * one the recipient could not receive (a new account needs at least the existential deposit).
 * The plan (payload, fee) stays in the returned closure; `confirm` only signs and submits it.
 */
import { formatUnits } from '../core/amounts.ts';
import { describeCall, type CallView } from '../core/describe.ts';
import { mortalEra } from '../core/era.ts';
import { PolkadotError } from '../core/errors.ts';
import { encodeSignedExtrinsic, signPayload } from '../core/extrinsic.ts';
import { toHex } from '../core/hex.ts';
import { checkSignerPayload, type CheckedPayload, type SignerPayloadJSON } from '../core/payload.ts';
import { ss58Decode } from '../core/ss58.ts';
import type { ChainRuntime, ChainSession } from './chain.ts';

export interface TransferPlan {
  from: string;
  to: string;
  amount: bigint;
  fee: bigint;
  keepAlive: boolean;
  call: CallView;
  era: { period: number; birth: number };
  nonce: number;
  existentialDeposit: bigint;
  /** Whole units, for display. */
  display: { amount: string; fee: string; total: string; symbol: string };
}

export interface PreparedTransfer {
  plan: TransferPlan;
  /** Signs with the lent secret key (64-byte sr25519) and submits; resolves with the extrinsic hash. */
  confirm(secretKey: Uint8Array, onStatus: (status: string, blockHash?: string) => void): Promise<string>;
}

/** The SignerPayloadJSON of a call, as a dApp would send it: the same checks apply to both paths. */
export function payloadFor(rt: ChainRuntime, from: string, method: Uint8Array, nonce: number, block: { number: number; hash: string }): SignerPayloadJSON {
  const hex32 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
  return {
    address: from,
    blockHash: block.hash,
    blockNumber: hex32(block.number),
    era: toHex(mortalEra(block.number, 64)),
    genesisHash: rt.genesisHash,
    method: toHex(method),
    nonce: hex32(nonce),
    specVersion: hex32(rt.specVersion),
    tip: '0x00',
    transactionVersion: hex32(rt.transactionVersion),
    signedExtensions: rt.metadata.extensions.map((e) => e.identifier),
    version: 4,
  };
}

export async function prepareTransfer(session: ChainSession, from: string, to: string, amount: bigint, opts: { keepAlive: boolean }): Promise<PreparedTransfer> {
  const rt = await session.runtime();
  const dest = ss58Decode(to);
  if (!dest.ok) throw new PolkadotError('invalid', `Recipient: ${dest.message}`);
  if (dest.prefix !== rt.network.ss58 && dest.prefix !== 42) throw new PolkadotError('invalid', `Recipient: this address is for another network (SS58 prefix ${dest.prefix}, expected ${rt.network.ss58})`);
  if (amount <= 0n) throw new PolkadotError('invalid', 'The amount must be more than zero');
  const method = rt.metadata.encodeCall('Balances', opts.keepAlive ? 'transfer_keep_alive' : 'transfer_allow_death', { dest: { type: 'Id', value: to }, value: amount });
  const [nonce, block, mine, theirs] = await Promise.all([session.nonce(from), session.bestBlock(), session.balances(from), session.balances(to)]);
  const checked: CheckedPayload = checkSignerPayload(payloadFor(rt, from, method, nonce, block), rt);
  // The fee of this exact extrinsic: a placeholder signature has the same length as the real one.
  const fee = await session.fee(encodeSignedExtrinsic(rt.metadata, checked.accountId, new Uint8Array(64).fill(1), checked.extra, checked.callBytes));
  const { symbol, decimals } = rt.network.native;
  const fmt = (v: bigint): string => `${formatUnits(v, decimals)} ${symbol}`;
  const limit = opts.keepAlive ? mine.keepAliveMax : mine.transferable;
  if (amount + fee > limit) {
    throw new PolkadotError(
      'funds',
      opts.keepAlive && amount + fee <= mine.transferable
        ? `This would leave less than the existential deposit (${fmt(rt.existentialDeposit)}) in the account; at most ${fmt(limit > fee ? limit - fee : 0n)} can be sent while keeping it`
        : `Not enough ${symbol}: ${fmt(amount)} plus the fee ${fmt(fee)} is more than the ${fmt(mine.transferable)} transferable`,
    );
  }
  if (theirs.free + amount < rt.existentialDeposit) {
    throw new PolkadotError('funds', `The recipient holds less than the existential deposit; send at least ${fmt(rt.existentialDeposit - theirs.free)}`);
  }
  const era = checked.era.immortal ? { period: 0, birth: 0 } : { period: checked.era.period, birth: block.number };
  const plan: TransferPlan = {
    from,
    to,
    amount,
    fee,
    keepAlive: opts.keepAlive,
    call: describeCall(checked.call, decimals),
    era,
    nonce,
    existentialDeposit: rt.existentialDeposit,
    display: { amount: formatUnits(amount, decimals), fee: formatUnits(fee, decimals), total: formatUnits(amount + fee, decimals), symbol },
  };
  return {
    plan,
    async confirm(secretKey, onStatus) {
      const signature = signPayload(secretKey, checked.payload);
      return session.submit(encodeSignedExtrinsic(rt.metadata, checked.accountId, signature, checked.extra, checked.callBytes), onStatus);
    },
  };
}
