/** Pending approval records shared by the background (which queues them) and the approval window. */
import type { DappFamily } from './dapp';
import type { Family } from '../families/ids';

export type ApprovalKind =
  | 'connect'
  | 'signMessage'
  | 'signTypedData'
  | 'sendTransaction'
  | 'sendCalls'
  | 'switchChain'
  | 'addChain'
  | 'watchAsset'
  | 'signPsbt'
  | 'sendBitcoin'
  | 'signTronTransaction'
  | 'signSolanaTransaction'
  | 'sendSolanaTransaction'
  | 'signInSolana'
  /** A family module's own kinds ('aptos:signTransaction'), titled by `approval_<kind>` in its messages. */
  | `${Family}:${string}`;

export interface RiskWarning {
  code: string;
  severity: 'info' | 'warning' | 'danger';
  params?: Record<string, string | number>;
}

export interface ApprovalRecord {
  id: string;
  /** origin + the page's request id: a request re-sent after a worker restart joins its record. */
  key: string;
  /** From the port's sender, never from the page. */
  origin: string;
  family: DappFamily;
  kind: ApprovalKind;
  /** Public, display-ready details (addresses, amounts, decoded calls, message text). */
  display: Record<string, unknown>;
  warnings: RiskWarning[];
  createdAt: number;
}

/** What the user may change before approving (gas/fees for transactions). */
export interface ApprovalEdits {
  gas?: string;
  maxFeePerGas?: string;
  maxPriorityFeePerGas?: string;
  gasPrice?: string;
  /** The accounts the user chose to connect. */
  accounts?: string[];
}

export interface ApprovalDecision {
  approved: boolean;
  edits?: ApprovalEdits;
  /** The user ticked "I understand the risk" (required to approve a request with a danger warning). */
  acknowledgedRisk?: boolean;
}

/** An approval the user gave despite a danger warning (kept in the activity log). */
export interface RiskOverride {
  origin: string;
  family: DappFamily;
  kind: ApprovalKind;
  codes: string[];
  time: number;
}
