/**
 * The one dApp pipeline of the family modules. A family declares its methods with a gate each
 * (src/families/types.ts: safe / connect / account / approval); this file enforces, for every family
 * alike: the site's grant (and its expiry), the lock (the popup opens to unlock), the connect prompt,
 * the approval window with the shared risk engine's warnings, the "account changed" refusal (the key
 * lent to `run` must still be the account the user saw) and error mapping. The router in front of it
 * already refused blocked sites, bounded floods, ran copies once, and hides account data from
 * strangers. Optional members (src/families/types.ts) let a family refuse early (`check`), answer
 * some params without a window (`safeWhen`), stop a locked validation before its node calls
 * (`validating`), state several sets of risk facts (`factsList`) and word its errors (`mapError`),
 * let the connect prompt pick several accounts (`choosesAccounts`), unconnected sites ask for
 * what uses no account (`strangersMayAsk`: EVM's chain switch) and a safe method answer from who
 * asks alone, without the family context (`answer`: EVM's chain id and node reads).
 * Names no family.
 */
import type { Family } from '../../families/ids';
import type { DappApproval, DappCall, DappMethod, DappPrepared, DappSite, FamilyContext, RiskFacts } from '../../families/types';
import { assessRisk } from '../../core/risk';
import type { ApprovalDecision, RiskWarning } from '../../protocol/approvals';
import { recentTransferTimes, riskSettings } from '../activity';
import { awaitUnlock, requestApproval } from '../approvals';
import { WalletError } from '../errors';
import { keyring } from '../keyring';
import { allPermissions, grant, grantOf } from '../permissions';
import { onSelectionChanged } from '../selection';
import { backgroundOf, familyContext, isModular, modularFamilies, networkContext, networkIdOf } from '../families/modules';
import { ProviderError, invalidParams, toProviderError, unauthorized, unsupported } from './providerError';
import { emitToOrigin, type DappContext, type FamilyHandler } from './router';

const warningsOf = (ws: ReturnType<typeof assessRisk>): RiskWarning[] =>
  ws.map((w) => ({
    code: w.code,
    severity: w.severity,
    ...(w.params ? { params: Object.fromEntries(Object.entries(w.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number> } : {}),
  }));

/** Shared risk warnings for what a site asks: the origin (http), and the facts the family stated. */
async function riskFor(family: Family, origin: string, address: string, facts: RiskFacts | undefined): Promise<RiskWarning[]> {
  if (!facts) return warningsOf(assessRisk({ origin, chainFamily: family, kind: 'sign' }).filter((w) => w.code === 'INSECURE_ORIGIN'));
  const settings = await riskSettings();
  return warningsOf(
    assessRisk({
      ...facts,
      origin,
      chainFamily: family,
      userThresholds: settings.thresholds,
      recentTransfers: address ? await recentTransferTimes(address) : [],
      knownAddresses: settings.knownAddresses,
    }),
  );
}

/** Who asks: the origin the router took from the browser, its page, and its events. */
function siteOf(family: Family, ctx: DappContext): DappSite {
  return {
    origin: ctx.origin,
    emit: (event, data) => emitToOrigin(ctx.origin, family, event, data),
    ...(ctx.connectionId !== undefined ? { connectionId: ctx.connectionId } : {}),
  };
}

function callOf(ctx: DappContext, fc: FamilyContext, wasConnected?: boolean): DappCall {
  return { ...fc, ...siteOf(fc.family, ctx), ...(wasConnected !== undefined ? { wasConnected } : {}) };
}

/** Grants the site these accounts and tells its pages, in the form the family's sites receive them. */
async function grantSite(family: Family, origin: string, accounts: string[]): Promise<void> {
  await grant(origin, family, accounts);
  const bg = await backgroundOf(family);
  emitToOrigin(origin, family, 'accountsChanged', bg.dappAccounts ? bg.dappAccounts(accounts) : accounts);
}

/**
 * The user's answer to a connect prompt for this family, granted on approval: the family's dApp
 * address, or (DappMethod.choosesAccounts) the accounts the user picked in the prompt.
 */
async function connectSite(family: Family, ctx: DappContext, fc: FamilyContext, m: DappMethod, extra: Record<string, unknown> = {}): Promise<void> {
  const decision = await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family,
    kind: 'connect',
    exclusive: true,
    display: { account: fc.address, network: fc.network.name, ...extra },
    warnings: await riskFor(family, ctx.origin, fc.address, undefined),
  });
  const picked = m.choosesAccounts ? decision.edits?.accounts : undefined;
  await grantSite(family, ctx.origin, picked?.length ? [...picked] : [fc.address]);
}

/** The family context a site's call sees: its address is the family's dApp address when it has one. */
async function siteContext(family: Family): Promise<FamilyContext> {
  const fc = await familyContext(family);
  if (!keyring.unlocked) return fc;
  const bg = await backgroundOf(family);
  return bg.dappAddress ? { ...fc, address: await bg.dappAddress(fc) } : fc;
}

/** The unlocked context; `withoutAccount`: a wallet with no account of the family gets the network's. */
async function unlocked(family: Family, withoutAccount = false): Promise<FamilyContext> {
  await awaitUnlock(() => keyring.unlocked);
  const fc = await siteContext(family).catch((err: unknown) => {
    if (withoutAccount) return networkContext(family);
    throw err;
  });
  if (!fc.address && !withoutAccount) throw new WalletError('LOCKED', 'The wallet is locked');
  return fc;
}

/** The facts' warnings, each shown once (several sets of facts may find the same one). */
async function riskOfApproval(family: Family, origin: string, address: string, a: DappApproval): Promise<RiskWarning[]> {
  const sets = a.factsList ?? [a.facts];
  const found = [...(a.warnings ?? [])];
  for (const f of sets) found.push(...(await riskFor(family, origin, address, f)));
  const seen = new Set<string>();
  return found.filter((w) => {
    const key = `${w.code}:${JSON.stringify(w.params)}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/**
 * One approval window for what a family prepared, with the shared risk warnings: the pipeline's
 * own step, and a family's for a request that is not a site's call (a payment link opened in the
 * popup: `origin` is who asks).
 */
export async function showApproval(family: Family, origin: string, requestId: string, a: DappApproval, address: string, display = a.display): Promise<ApprovalDecision> {
  const warnings = await riskOfApproval(family, origin, address, a);
  return requestApproval({ origin, requestId, family, kind: a.kind, display, warnings, ...(a.exclusive ? { exclusive: true } : {}) });
}

/** The approval windows `prepare` asked for, one after another; the first decision goes to `run`. */
async function approve(family: Family, ctx: DappContext, m: DappMethod, prepared: DappPrepared, fc: FamilyContext, granted: boolean): Promise<ApprovalDecision | undefined> {
  if (prepared.approval === null) return undefined;
  const list = prepared.approvals ?? (prepared.approval ? [prepared.approval] : []);
  if (list.length === 0) throw new Error(`A method with the approval gate must show an approval (${family})`);
  let first: ApprovalDecision | undefined;
  for (const [i, a] of list.entries()) {
    // Approving a sign-in also connects the site: the window says so.
    const display = !granted && m.connects ? { ...a.display, connects: 'Approving also connects this site to your account' } : a.display;
    // Several windows for one request: each has its own id (`#n`, see executions.markApproved).
    const requestId = prepared.approvals ? `${ctx.requestId}#${i}` : ctx.requestId;
    const decision = await showApproval(family, ctx.origin, requestId, a, fc.address, display);
    first ??= decision;
  }
  return first;
}

/**
 * While the wallet is locked, a malformed request must fail before the unlock window opens (a
 * site must not be able to pop windows with garbage): `prepare` is run once on the locked context
 * — the address the site was granted stands in for the one the keyring will derive — and only its
 * invalid-params refusal (-32602) counts. Anything else (a node call that needs the unlocked
 * account…) is left to the real `prepare` after the unlock; the approval is never asked here.
 */
async function validateWhileLocked(family: Family, m: DappMethod, ctx: DappContext, params: unknown, grantedAddress: string | undefined): Promise<void> {
  if (keyring.unlocked) return;
  const fc = await familyContext(family).catch(() => null);
  if (!fc) return;
  try {
    await m.prepare({ ...callOf(ctx, { ...fc, address: grantedAddress ?? fc.address }), validating: true }, params);
  } catch (err) {
    if (err instanceof ProviderError && err.code === -32602) throw err;
  }
}

async function run(family: Family, m: DappMethod, ctx: DappContext, params: unknown): Promise<unknown> {
  await m.check?.(ctx.origin, params);
  // The hot path (eth_chainId, node reads): a safe method that answers from who asks alone is
  // answered before any family context or grant is read.
  if (m.gate === 'safe' && m.answer) return m.answer(siteOf(family, ctx), params);
  if (m.gate === 'safe' || (await m.safeWhen?.(params))) {
    // A method that needs no account still answers when the wallet has none of the family (withoutAccount).
    const fc = await siteContext(family).catch(() => (m.withoutAccount ? networkContext(family) : null));
    if (!fc) throw new ProviderError(4900, 'The wallet has no account yet.');
    // A safe method answers anyone: while locked it does not even see the remembered address.
    const open = keyring.unlocked ? fc : { ...fc, address: '' };
    return (await m.prepare(callOf(ctx, open, !!(await grantOf(ctx.origin, family))), params)).run();
  }
  if ('whileLocked' in m && !keyring.unlocked) return m.whileLocked;
  if (m.gate === 'connect') {
    await validateWhileLocked(family, m, ctx, params, (await grantOf(ctx.origin, family))?.accounts[0]);
    const fc = await unlocked(family);
    const wasConnected = !!(await grantOf(ctx.origin, family));
    if (!wasConnected) await connectSite(family, ctx, fc, m, await m.connectDisplay?.(params));
    return (await m.prepare(callOf(ctx, fc, wasConnected), params)).run();
  }
  const grantNow = await grantOf(ctx.origin, family);
  const granted = !!grantNow;
  if ('stranger' in m && m.gate === 'account' && (!granted || !keyring.unlocked)) return m.stranger;
  if (!granted && !(m.gate === 'approval' && (m.connects || m.strangersMayAsk?.(params)))) throw unauthorized();
  // Validation first: malformed params fail here, before any window opens (the unlock window too).
  await validateWhileLocked(family, m, ctx, params, grantNow?.accounts[0]);
  const fc = await unlocked(family, !!m.withoutAccount);
  const prepared = await m.prepare(callOf(ctx, fc, granted), params);
  if (m.gate === 'account') return prepared.run();
  const decision = await approve(family, ctx, m, prepared, fc, granted);
  if (!granted && m.connects) await grantSite(family, ctx.origin, [fc.address]);
  return prepared.run(decision);
}

/** The router's handler of a module family: its method table behind the shared gates. */
export function moduleHandler(family: Family): FamilyHandler {
  return {
    family,
    async handle(ctx, method, params) {
      const bg = await backgroundOf(family);
      const m = bg.dapp && Object.prototype.hasOwnProperty.call(bg.dapp, method) ? bg.dapp[method] : undefined;
      if (!m) throw bg.unsupportedMethod ? bg.unsupportedMethod(method) : unsupported(method);
      try {
        if (params !== undefined && params !== null && typeof params !== 'object') throw invalidParams('params must be an object or an array');
        return await run(family, m, ctx, params);
      } catch (err) {
        // The family's own error mapping (FamilyBackground.mapError), then the method's legacy answer
        // for a refusal (DappMethod.answerRefusal) when it resolves where others reject.
        const mapped = bg.mapError ? bg.mapError(err) : err;
        if (m.answerRefusal) return m.answerRefusal(toProviderError(mapped));
        throw mapped;
      }
    },
  };
}

/** Tells a module family's connected sites what changed (its own events, or the default pair). */
async function announce(family: Family, what: 'account' | 'network'): Promise<void> {
  if (!isModular(family) || !keyring.unlocked) return;
  const bg = await backgroundOf(family);
  // A family with its own events (onChange) hears of every change, even with no site connected.
  if (!bg.dapp && !bg.onChange) return;
  const fc = await siteContext(family);
  const sites = Object.entries(await allPermissions()).filter(([, s]) => s[family]);
  if (sites.length === 0 && !bg.onChange) return;
  const emit = (origin: string | null, event: string, data: unknown): void => {
    for (const [o] of sites) if (origin === null || origin === o) emitToOrigin(o, family, event, data);
  };
  if (bg.onChange) await bg.onChange(fc, what, emit);
  else if (sites.length === 0) return;
  else if (what === 'account') emit(null, 'accountsChanged', [fc.address]);
  else emit(null, 'networkChanged', networkIdOf(fc.network.ref));
}

export function announceModuleNetwork(family: Family): Promise<void> {
  return announce(family, 'network');
}

// A module family's sites follow the popup's selected account, like Bitcoin, Solana and TRON.
onSelectionChanged(async () => {
  for (const f of modularFamilies()) await announce(f, 'account').catch(() => undefined);
});
