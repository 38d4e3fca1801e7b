/**
 * The popup's send on Aptos: APT (0x1::aptos_account::transfer, which creates a recipient account
 * that does not exist yet: allowed and explained), a fungible asset (primary_fungible_store::
 * transfer) or a legacy coin (aptos_account::transfer_coins). Gas comes from the node's simulation
 * and is shown before signing; 'max' leaves the maximum fee. The plan stays in the closure.
 */
import type { FamilyContext, PreparedSend, SendRequestGeneric } from '../../types';
import { aptTransfer, coinTransfer, fungibleAssetTransfer } from '../core/build.ts';
import { AptosError } from '../core/errors.ts';
import { validateAptosAddress } from '../core/address.ts';
import { APT_DECIMALS, APT_SYMBOL } from '../core/networks.ts';
import { longAddress } from '../core/typeTag.ts';
import { formatUnits, parseUnits } from '../core/units.ts';
import { heldAssets } from './assets.ts';
import { nodeFor } from './node.ts';
import { signAndSubmit, simulate } from './submit.ts';

export async function prepareAptosSend(ctx: FamilyContext, req: SendRequestGeneric): Promise<PreparedSend> {
  const valid = validateAptosAddress(req.to);
  if (!valid.ok) throw new AptosError('MALFORMED', valid.message);
  const to = longAddress(req.to);
  const node = await nodeFor(ctx);
  const { assets, exists } = await heldAssets(ctx, node.client, node.network.id);
  if (!exists) throw new AptosError('INSUFFICIENT_FUNDS', 'This account does not exist on chain yet: it needs to receive APT before it can send');
  const apt = assets[0]!;
  const held = req.token ? assets.find((a) => a.token !== null && (a.token === req.token || (a.kind === 'fa' && req.token && /^0x[0-9a-fA-F]+$/.test(req.token) && a.token === longAddress(req.token)))) : apt;
  if (!held) throw new AptosError('MALFORMED', 'This account holds no such asset on this network');
  const isApt = held.kind === 'apt';
  const max = req.amount === 'max';
  let amount = max ? held.raw : parseUnits(req.amount, held.decimals);
  if (!max && amount === 0n) throw new AptosError('MALFORMED', 'Enter an amount greater than zero');
  const build = (v: bigint) => (isApt ? aptTransfer(to, v) : held.kind === 'fa' ? fungibleAssetTransfer(held.token!, to, v) : coinTransfer(held.token!, to, v));
  const pk = await ctx.withKey(async (k) => k.publicKey);
  // Simulate with an amount the account can pay so the gas estimate is the transfer's.
  const sim = await simulate(node, ctx.address, pk, build(max || amount > held.raw ? 1n : amount), apt.raw);
  if (!sim.facts.success) throw new AptosError('SIMULATION_FAILED', `The node's simulation failed: ${sim.facts.vmStatus.slice(0, 200)}`);
  const fee = sim.gasUsed * sim.gasUnitPrice;
  const maxFee = sim.maxGasAmount * sim.gasUnitPrice;
  if (isApt && max) amount = held.raw - maxFee;
  if (amount <= 0n) throw new AptosError('INSUFFICIENT_FUNDS', 'Not enough APT to pay the network fee');
  if (amount > held.raw || (isApt ? amount + maxFee > held.raw : maxFee > apt.raw)) {
    throw new AptosError('INSUFFICIENT_FUNDS', `Not enough ${isApt ? APT_SYMBOL : held.symbol}: the transfer and a network fee of up to ${formatUnits(maxFee, APT_DECIMALS)} APT`);
  }
  const newAccount = (await node.client.account(to)) === null;
  const payload = build(amount);
  const gas = { maxGasAmount: sim.maxGasAmount, gasUnitPrice: sim.gasUnitPrice };
  const details: Record<string, string> = {
    aptos_gas: `${sim.gasUsed} × ${sim.gasUnitPrice}`,
    aptos_max_fee: `${formatUnits(maxFee, APT_DECIMALS)} APT`,
    aptos_expires: '60 s',
    aptos_function: isApt ? '0x1::aptos_account::transfer' : held.kind === 'fa' ? '0x1::primary_fungible_store::transfer' : `0x1::aptos_account::transfer_coins<${held.token}>`,
  };
  return {
    preview: { from: ctx.address, to, amount: formatUnits(amount, held.decimals), symbol: held.symbol, fee: formatUnits(fee, APT_DECIMALS), feeSymbol: APT_SYMBOL, details },
    facts: { kind: 'transfer', amount: { value: formatUnits(amount, held.decimals), symbol: held.symbol, balance: held.formatted ?? undefined }, recipient: to, ...(held.token ? { tokenContract: held.token } : {}) } as PreparedSend['facts'],
    ...(newAccount ? { warnings: [{ code: 'APTOS_NEW_ACCOUNT', severity: 'info' as const, params: {} }] } : {}),
    record: { value: amount.toString(), decimals: held.decimals },
    async confirm() {
      const sent = await signAndSubmit(ctx, node, payload, gas);
      return { hash: sent.hash, explorer: ctx.network.explorerTx?.(sent.hash) ?? null, settled: sent.settled };
    },
  };
}
