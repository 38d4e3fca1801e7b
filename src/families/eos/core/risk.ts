/**
 * EOS risk facts: what the shared engine cannot know about an Antelope transaction. Permission
 * changes (eosio::updateauth / deleteauth / linkauth / unlinkauth) on `owner` or `active` hand the
 * account to someone else: always danger. A contract the user never used is flagged; a transfer
 * to an exchange's deposit account without a memo is flagged (the exchange cannot credit it); a
 * recipient created recently whose name imitates a known account is danger. Pure: the background
 * supplies the history and the recipient's creation time.
 */
import type { RiskWarning } from '../../../core/risk/types.ts';

export interface ActionFacts {
  account: string;
  name: string;
  authorization: readonly { actor: string; permission: string }[];
  data: Readonly<Record<string, unknown>>;
}

const PERMISSION_ACTIONS = new Set(['updateauth', 'deleteauth', 'linkauth', 'unlinkauth']);
const CRITICAL = new Set(['owner', 'active']);
/** Contracts every wallet user calls (the system and the core token): not "unknown". */
const SYSTEM_CONTRACTS = new Set(['eosio', 'eosio.token']);

/**
 * Deposit accounts of large exchanges: they credit deposits by memo, so a transfer without one is
 * lost until support finds it.
 */
export const EXCHANGE_DEPOSIT_ACCOUNTS: readonly string[] = ['binancecleos', 'huobideposit', 'okbtothemoon', 'bitfinexdep1', 'krakenkraken', 'gateiowallet', 'kucoinrise11', 'coinbasebase'];

export function permissionWarnings(actions: readonly ActionFacts[]): RiskWarning[] {
  const out: RiskWarning[] = [];
  for (const a of actions) {
    if (a.account !== 'eosio' || !PERMISSION_ACTIONS.has(a.name)) continue;
    const d = a.data;
    const target = String(d.permission ?? d.requirement ?? '');
    const account = String(d.account ?? '');
    const signedBy = a.authorization.map((l) => l.permission);
    const critical = CRITICAL.has(target) || (a.name === 'linkauth' && CRITICAL.has(String(d.requirement ?? ''))) || signedBy.includes('owner');
    out.push({
      code: 'EOS_PERMISSION_CHANGE',
      severity: critical || a.name !== 'linkauth' ? 'danger' : 'warning',
      params: { action: a.name, account, permission: target || '-' },
    });
  }
  return out;
}

/** Contracts in `actions` the user has never interacted with (from the wallet's own history). */
export function unknownContractWarnings(actions: readonly ActionFacts[], usedContracts: ReadonlySet<string>): RiskWarning[] {
  const seen = new Set<string>();
  const out: RiskWarning[] = [];
  for (const a of actions) {
    if (SYSTEM_CONTRACTS.has(a.account) || usedContracts.has(a.account) || seen.has(a.account)) continue;
    seen.add(a.account);
    out.push({ code: 'EOS_UNKNOWN_CONTRACT', severity: 'warning', params: { contract: a.account } });
  }
  return out;
}

export function isExchangeDepositAccount(name: string): boolean {
  return EXCHANGE_DEPOSIT_ACCOUNTS.includes(name);
}

export function memoWarnings(to: string, memo: string): RiskWarning[] {
  if (!isExchangeDepositAccount(to) || memo.trim() !== '') return [];
  return [{ code: 'EOS_MEMO_REQUIRED', severity: 'danger', params: { account: to } }];
}

/** Look-alike skeleton: characters people confuse in account names, dots ignored. */
function skeleton(name: string): string {
  return name.replace(/\./g, '').replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/1/g, 'l').replace(/5/g, 's');
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Known accounts `name` imitates (same skeleton, or one edit away on names of 5+ characters). */
export function lookalikeAccounts(name: string, known: readonly string[]): string[] {
  const s = skeleton(name);
  return known.filter((k) => k !== name && (skeleton(k) === s || (k.length >= 5 && name.length >= 5 && editDistanceAtMostOne(k, name))));
}

export const NEW_ACCOUNT_DAYS = 30;

/** A transfer to an account created in the last NEW_ACCOUNT_DAYS that imitates a known one. */
export function newLookalikeWarnings(to: string, createdMs: number | null, known: readonly string[], now = Date.now()): RiskWarning[] {
  const similar = lookalikeAccounts(to, known);
  if (similar.length === 0) return [];
  const young = createdMs !== null && now - createdMs < NEW_ACCOUNT_DAYS * 86_400_000;
  return similar.map((k) => ({ code: 'EOS_LOOKALIKE_ACCOUNT', severity: young ? 'danger' : 'warning', params: { account: to, similarTo: k, newAccount: young } }));
}

export function ownerPermissionWarnings(permission: string): RiskWarning[] {
  return permission === 'owner' ? [{ code: 'EOS_OWNER_PERMISSION', severity: 'warning', params: {} }] : [];
}
