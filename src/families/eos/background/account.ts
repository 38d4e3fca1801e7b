/**
 * Which EOS account (and permission) the selected key acts as on the active network. Found with
 * get_accounts_by_authorizers; when the node has no such endpoint, or the user wants another
 * account, the name the user typed is checked against that account's permissions (the key must
 * satisfy one of them alone). The choice is remembered per network and key (public data).
 * `active` is the default permission; `owner` only when the user picks it (with a warning).
 */
import type { FamilyContext } from '../../types';
import { accountsFromAuthorizers, orderPermissions, permissionsForKey, type ControlledPermission } from '../core/accounts';
import { isValidEosAccountName } from '../core/accountName';
import { EosError } from '../core/errors';
import { networkId } from './util';
import { NodeError, type EosApi } from './api';

export interface EosActor {
  account: string;
  permission: string;
  /** Every account@permission this key controls that the node listed (for the popup's details). */
  controlled: ControlledPermission[];
}

const choiceKey = (ctx: FamilyContext): string => `account:${networkId(ctx)}:${ctx.address}`;

/** Accounts the node lists for the key; [] when it cannot list them (no history/authorizers plugin). */
export async function listControlled(api: EosApi, key: string): Promise<ControlledPermission[]> {
  try {
    return accountsFromAuthorizers(await api.accountsByKey(key), key);
  } catch (e) {
    if (e instanceof NodeError) return [];
    throw e;
  }
}

/** Checks that the key controls `account` (at `permission`, or at any permission) on chain. */
export async function verifyTyped(api: EosApi, key: string, account: string, permission?: string): Promise<string[]> {
  if (!isValidEosAccountName(account)) throw new EosError('invalid-account', `Not a valid EOS account name: "${account}"`);
  const acct = await api.accountOrNull(account);
  if (!acct) throw new EosError('invalid-account', `The account ${account} does not exist on this network`);
  const perms = orderPermissions(permissionsForKey(acct, key));
  if (perms.length === 0) throw new EosError('invalid-account', `This wallet's key does not control ${account}: none of its permissions names the key`);
  if (permission && !perms.includes(permission)) throw new EosError('invalid-account', `This wallet's key does not satisfy ${account}@${permission} (it does: ${perms.join(', ')})`);
  return perms;
}

export async function resolveActor(ctx: FamilyContext, api: EosApi, wanted: { account?: string; permission?: string } = {}): Promise<EosActor> {
  const key = ctx.address;
  if (!key) throw new EosError('invalid-account', 'The wallet is locked');
  const controlled = await listControlled(api, key);
  if (wanted.account) {
    const perms = await verifyTyped(api, key, wanted.account, wanted.permission);
    const permission = wanted.permission ?? perms[0]!;
    await ctx.storage.set(choiceKey(ctx), { account: wanted.account, permission });
    return { account: wanted.account, permission, controlled };
  }
  const stored = await ctx.storage.get<{ account: string; permission: string }>(choiceKey(ctx));
  if (stored && isValidEosAccountName(stored.account)) {
    const permission = wanted.permission ?? stored.permission;
    if (wanted.permission) await verifyTyped(api, key, stored.account, permission);
    return { account: stored.account, permission, controlled };
  }
  if (controlled.length > 0) {
    const first = controlled[0]!.account;
    const perms = orderPermissions(controlled.filter((c) => c.account === first).map((c) => c.permission));
    const permission = wanted.permission ?? perms[0]!;
    if (!perms.includes(permission)) throw new EosError('invalid-account', `This wallet's key does not satisfy ${first}@${permission}`);
    return { account: first, permission, controlled };
  }
  throw new EosError('invalid-account', `No account on ${ctx.network.name} is controlled by this key. Type your account name in "From account" to use it.`);
}
