/**
 * The popup's EOS send: `<token contract>::transfer` with a memo from the account the key acts as.
 * Everything is checked before the review screen: the recipient exists, the balance covers the
 * amount, the account has the CPU and NET a transfer needs (a shortfall is explained instead of
 * letting the node refuse it), and the memo warning for exchange deposit accounts. Confirm builds
 * the transaction with TAPoS from the head block at that moment, signs it with the lent key and
 * pushes it; `settled` follows it until the node reports it irreversible.
 */
import { Serializer } from '@wharfkit/antelope';
import type { FamilyContext, PreparedSend, SendRequestGeneric } from '../../types';
import type { RiskWarning } from '../../../protocol/approvals';
import { isValidEosAccountName } from '../core/accountName';
import { formatUnits, parseAsset, parseUnits } from '../core/asset';
import { EosError } from '../core/errors';
import { resourceShortfall, resourcesOf } from '../core/resources';
import { memoWarnings, newLookalikeWarnings, ownerPermissionWarnings } from '../core/risk';
import { publicKeyOf, signTransaction } from '../core/sign';
import { buildTransaction, DEFAULT_EXPIRE_SECONDS, taposHeader, transferAction } from '../core/transaction';
import { resolveActor } from './account';
import { followIrreversible } from './status';
import { apiOf, knownRecipients, networkId, rememberContracts, rememberRecipient, tokensOf } from './util';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export async function eosPrepareSend(ctx: FamilyContext, req: SendRequestGeneric): Promise<PreparedSend> {
  const extra = req.extra ?? {};
  const memo = typeof extra.memo === 'string' ? extra.memo : '';
  const to = req.to.trim();
  if (!isValidEosAccountName(to)) throw new EosError('invalid-account', `Not a valid EOS account name: "${to}" (a–z, 1–5 and ".", up to 12 characters)`);

  let contract = 'eosio.token';
  let symbolCode = 'EOS';
  if (req.token) {
    const [c, s] = req.token.split(':');
    const known = (await tokensOf(ctx)).find((t) => t.contract === c && t.symbol === s);
    if (!known) throw new EosError('invalid-params', `Unknown token ${req.token}: add it first`);
    contract = known.contract;
    symbolCode = known.symbol;
  }

  const api = apiOf(ctx);
  await api.info();
  const actor = await resolveActor(ctx, api, { ...(text(extra.account) ? { account: text(extra.account)! } : {}), ...(text(extra.permission) ? { permission: text(extra.permission)! } : {}) });
  if (actor.account === to) throw new EosError('invalid-account', 'Sender and recipient are the same account');
  const [balanceText, recipient, fromAccount] = await Promise.all([api.balance(contract, actor.account, symbolCode), api.accountOrNull(to), api.account(actor.account)]);
  if (!balanceText) throw new EosError('invalid-amount', `${actor.account} holds no ${symbolCode} (${contract})`);
  const balance = parseAsset(balanceText);
  const units = req.amount === 'max' ? balance.units : parseUnits(req.amount, balance.symbol.precision);
  if (units <= 0n) throw new EosError('invalid-amount', 'The amount must be greater than zero');
  if (units > balance.units) throw new EosError('invalid-amount', `Insufficient balance: ${actor.account} has ${balanceText}`);
  if (!recipient) throw new EosError('invalid-account', `The account ${to} does not exist on ${ctx.network.name}`);
  const res = resourcesOf(fromAccount);
  const short = resourceShortfall(res);
  if (short) {
    const what = short.resource === 'cpu' ? `CPU: a transfer needs about ${short.needed} µs and ${actor.account} has ${short.available} µs available` : `NET: a transfer needs about ${short.needed} bytes and ${actor.account} has ${short.available} bytes available`;
    throw new EosError('resources', `Not enough ${what}. Stake EOS for ${short.resource.toUpperCase()} (or rent it with PowerUp) and try again.`, { resource: short.resource.toUpperCase(), needed: short.needed, available: short.available, account: actor.account, unit: short.resource === 'cpu' ? 'µs' : 'bytes' });
  }
  const action = transferAction({ contract, from: actor.account, permission: actor.permission, to, units, symbol: balance.symbol, memo });

  const createdMs = typeof recipient.created === 'string' ? Date.parse(`${recipient.created.replace(/Z$/, '')}Z`) : NaN;
  const known = [...new Set([...(await knownRecipients(ctx)), ...actor.controlled.map((c) => c.account)])];
  const warnings: RiskWarning[] = [...memoWarnings(to, memo), ...newLookalikeWarnings(to, Number.isFinite(createdMs) ? createdMs : null, known), ...ownerPermissionWarnings(actor.permission)].map((w) => ({
    code: w.code,
    severity: w.severity,
    params: Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v])) as Record<string, string | number>,
  }));
  const amount = formatUnits(units, balance.symbol.precision);
  const custom = networkId(ctx) === 'custom';

  return {
    preview: {
      from: actor.account,
      to,
      amount,
      symbol: symbolCode,
      fee: '0',
      feeSymbol: 'EOS',
      details: {
        eosPermission: `${actor.account}@${actor.permission}`,
        eosContract: contract,
        eosMemo: memo === '' ? '—' : memo,
        eosCpu: `${res.cpu.available} µs available`,
        eosNet: `${res.net.available} bytes available`,
        eosExpiration: `${DEFAULT_EXPIRE_SECONDS} s`,
      },
    },
    facts: { kind: 'transfer', amount: { value: amount, symbol: symbolCode, balance: formatUnits(balance.units, balance.symbol.precision) }, recipient: to, ...(contract !== 'eosio.token' ? { tokenContract: contract } : {}) },
    warnings,
    record: { value: units.toString(), decimals: balance.symbol.precision },
    async confirm() {
      // TAPoS from the head block now, not when the form was filled in.
      const info = await api.info();
      const tx = buildTransaction(taposHeader(info), [action]);
      const signature = await ctx.withKey(async (k) => {
        if (publicKeyOf(k.secretKey) !== ctx.address) throw new EosError('invalid-params', 'The key changed after the transfer was reviewed; nothing was signed');
        return signTransaction(tx, info.chain_id, k.secretKey);
      });
      const r = await api.pushTransaction([signature], Serializer.encode({ object: tx }).hexString);
      const id = String(r.transaction_id ?? tx.id);
      await Promise.all([rememberContracts(ctx, [contract]), rememberRecipient(ctx, to)]);
      return { hash: id, explorer: custom ? null : ctx.network.explorerTx?.(id) ?? null, settled: followIrreversible(api, id, Date.parse(`${tx.expiration.toString()}Z`)) };
    },
  };
}
