/**
 * Which accounts a key controls. `/v1/chain/get_accounts_by_authorizers` lists the permissions that
 * name the key; when a node lacks that endpoint the user types an account name, and the account's
 * own permissions (get_account) must name the key, directly, at a weight that meets the threshold.
 * Keys are compared by their bytes, so PUB_K1_… and legacy EOS… spellings match.
 */
import { validateEosPublicKey, eosLegacyPublicKey } from './keyString.ts';

export interface ControlledPermission {
  account: string;
  permission: string;
}

const sameKey = (a: string, b: string): boolean => {
  if (!validateEosPublicKey(a).ok || !validateEosPublicKey(b).ok) return false;
  return eosLegacyPublicKey(a) === eosLegacyPublicKey(b);
};

interface AuthorizerRow {
  account_name?: unknown;
  permission_name?: unknown;
  authorizing_key?: unknown;
  weight?: unknown;
  threshold?: unknown;
}

/** Rows of get_accounts_by_authorizers where `key` alone satisfies the permission. */
export function accountsFromAuthorizers(response: unknown, key: string): ControlledPermission[] {
  const rows = ((response as { accounts?: unknown })?.accounts ?? []) as AuthorizerRow[];
  if (!Array.isArray(rows)) return [];
  const out: ControlledPermission[] = [];
  for (const r of rows) {
    if (typeof r.account_name !== 'string' || typeof r.permission_name !== 'string' || typeof r.authorizing_key !== 'string') continue;
    if (!sameKey(r.authorizing_key, key)) continue;
    if (Number(r.weight) < Number(r.threshold)) continue;
    out.push({ account: r.account_name, permission: r.permission_name });
  }
  return out;
}

interface PermissionRow {
  perm_name?: unknown;
  required_auth?: { threshold?: unknown; keys?: { key?: unknown; weight?: unknown }[] };
}

/** The permissions of a get_account response that `key` satisfies alone. */
export function permissionsForKey(account: unknown, key: string): string[] {
  const perms = ((account as { permissions?: unknown })?.permissions ?? []) as PermissionRow[];
  if (!Array.isArray(perms)) return [];
  return perms
    .filter((p) => {
      const threshold = Number(p.required_auth?.threshold ?? Infinity);
      const w = (p.required_auth?.keys ?? []).filter((k) => typeof k.key === 'string' && sameKey(k.key, key)).reduce((s, k) => s + Number(k.weight ?? 0), 0);
      return typeof p.perm_name === 'string' && w >= threshold;
    })
    .map((p) => String(p.perm_name));
}

/** active first (the default), then owner, then custom permissions. */
export function orderPermissions(perms: readonly string[]): string[] {
  const rank = (p: string): number => (p === 'active' ? 0 : p === 'owner' ? 1 : 2);
  return [...new Set(perms)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
