/**
 * The dApp side of the family contract: the gates, what a method's `prepare` returns, what it sees,
 * and the method itself (enforced by src/background/dapp/pipeline.ts). Split from types.ts, which
 * re-exports it, to keep each file readable.
 */
import type { ApprovalDecision, ApprovalKind, RiskWarning } from '../protocol/approvals';
import type { ProviderErrorShape } from '../protocol/dapp';
import type { FamilyContext, RiskFacts } from './types';

/** One gate per dApp method; one pipeline enforces lock, permission (+ expiry), queue, risk, errors. */
export type Gate =
  /** Anyone may call it (version, chain id); no account data in the answer. */
  | 'safe'
  /** Asks the user to connect the site when it is not (approval kind 'connect'), then runs. */
  | 'connect'
  /** Needs a connected site and an unlocked wallet; no window. */
  | 'account'
  /** Needs a connected site (unless `connects`), then the user's approval of what `prepare` shows. */
  | 'approval';

export interface DappApproval {
  /** `<family>:<what>` (a title `approval_<kind>` in the family's messages) or a shared kind. */
  kind: ApprovalKind;
  /** Display-ready, public values; keys are labels (message keys of the family's dictionary). */
  display: Record<string, unknown>;
  facts?: RiskFacts;
  /**
   * Optional, instead of `facts`: one request that moves several things (a transaction with a coin
   * and a token transfer, a batch) states the facts of each; every set is judged by the shared engine.
   */
  factsList?: readonly RiskFacts[];
  warnings?: RiskWarning[];
  /** Optional: only one such request per site at a time (network switches, like the connect prompt). */
  exclusive?: boolean;
}

export interface DappPrepared {
  /**
   * What the user approves (gate 'approval'). Optional `null`: there is nothing to ask this time
   * (a switch to the network already active); `undefined` with that gate is a bug and refused.
   */
  approval?: DappApproval | null;
  /**
   * Optional, instead of `approval`: several windows asked one after another (UniSat's signPsbts
   * asks once per PSBT); `run` gets the first decision and runs only when every one was approved.
   */
  approvals?: readonly DappApproval[];
  run(decision?: ApprovalDecision): Promise<unknown>;
}

/** Who asks: the call's origin (from the browser) and its page; all a method's `answer` sees. */
export interface DappSite {
  origin: string;
  /** Sends an event to this site's pages of this family (account data only if connected). */
  emit(event: string, data: unknown): void;
  /**
   * Optional: the page's connection (one port per frame), for answers that live as long as that
   * page (EIP-1193 subscriptions: eth_subscribe's events go to that page only and end with it).
   */
  connectionId?: number;
}

/** What a family's dApp method sees: who asks (DappSite) and the family context. */
export interface DappCall extends FamilyContext, DappSite {
  /**
   * Optional: whether the site held a grant for the family when the call arrived, before any
   * connect prompt of this call (set by the pipeline for every gate). A 'safe' method uses it to
   * show account data to connected sites only; a connect method to tell "already connected" apart.
   */
  wasConnected?: boolean;
  /**
   * Set while the pipeline only validates a request that arrived while the wallet is locked (its
   * result is discarded): `prepare` may stop after the checks that need no node and no account —
   * `address` is then only a stand-in (the address the site was granted, perhaps not the selected one).
   */
  validating?: true;
}

export interface DappMethod {
  gate: Gate;
  /** With gate 'approval': approving also connects the site (sign-in). */
  connects?: boolean;
  /**
   * Optional, with gate 'account': the answer to a site that is not connected, or while the wallet
   * is locked, instead of 4100 and the unlock window (UniSat's getAccounts and EIP-1193's
   * eth_accounts answer [] there).
   */
  stranger?: unknown;
  /**
   * Optional: checks that need no account, no node and no unlock (the params' shape, a size limit, a
   * sign-in's domain against the requesting origin). Run first, before the grant check, the lock and
   * any window; what it throws is the answer (a site that is not connected learns its mistake too).
   */
  check?(origin: string, params: unknown): void | Promise<void>;
  /**
   * Optional: for these params the method is answered as if its gate were 'safe' (no window, no
   * unlock): Wallet Standard's `connect({ silent: true })` only reports an existing connection;
   * EIP-3326's switch to the chain already active changes nothing. May read storage (no node).
   */
  safeWhen?(params: unknown): boolean | Promise<boolean>;
  /**
   * Optional, with gate 'connect': the user may pick several accounts in the connect prompt (its
   * decision's `edits.accounts`); they are granted instead of the one dApp address (EIP-1193
   * sites see several accounts).
   */
  choosesAccounts?: boolean;
  /**
   * Optional, with gate 'approval': for these params a site that is not connected may ask too, and
   * approving does not connect it (a chain switch or an added network, a token to watch: nothing
   * of the account is shown or used).
   */
  strangersMayAsk?(params: unknown): boolean;
  /** Optional, with gate 'connect': extra rows of the connect prompt (what the site may do, its message). */
  connectDisplay?(params: unknown): Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * Optional, with a gate other than 'safe': the answer while the wallet is locked, given at once
   * instead of opening the unlock window (TronLink's legacy connect answers null while locked).
   */
  whileLocked?: unknown;
  /**
   * Optional, with gate 'safe' (or `safeWhen`): the method answers even when the wallet has no account of the family
   * (none yet, or an imported key of another chain), with address '' and no key, instead of 4900
   * (TRON's chain id, node reads and provider state do not need an account). With gate 'approval':
   * the approval is shown with the network's context when the wallet has no account of the family
   * (EVM's chain switch, an ERC-20 to watch: they use no account).
   */
  withoutAccount?: boolean;
  /**
   * Optional: turns a refusal of this method (any error, after the family's `mapError`) into an
   * answer, for a legacy API that resolves where others reject (TronLink's tron_requestAccounts
   * resolves `{ code: 4001, … }` when the user refuses). Throw to keep it an error.
   */
  answerRefusal?(error: ProviderErrorShape): unknown;
  /** Throws ProviderError -32602 before any window opens; `run` executes after the gate (and approval) passed. */
  prepare(call: DappCall, params: unknown): Promise<DappPrepared>;
  /**
   * Optional, with gate 'safe': the answer from who asks and the params alone, used by the pipeline
   * instead of `prepare`. It builds no family context and reads no grant for it (no selected
   * account, no node URL, no site record: storage reads that would cost every eth_chainId a few
   * times a bare message's round trip). Only for a method whose answer needs neither the account
   * nor `wasConnected`; one that shows account data reads the grant itself (EVM's eth_accounts).
   * `prepare` stays the same method for a caller that holds a full DappCall.
   */
  answer?(site: DappSite, params: unknown): Promise<unknown>;
}
