/**
 * TRON signing for dApps, as DappMethods on the shared pipeline (which checks the grant, unlocks,
 * shows the approval with the shared risk warnings and lends the key only if the selected account
 * is still the one the window showed):
 *   tron_signTransaction   trx.sign(tx): txID = sha256(raw_data_hex), JSON = bytes, one contract,
 *                          owner = the connected account, not expired, reference block on the
 *                          selected network (src/families/tron/core/message.ts)
 *   tron_multiSign         trx.multiSign(tx, _, permissionId): same integrity checks; the account must
 *                          be a key of that permission of the owner (read from the node)
 *   tron_signMessageV2 / tron_signMessage   TIP-191 V2 and the legacy hex-string trx.sign
 * Every refusal of a malformed, tampered, foreign or oversized request happens in `prepare`, before
 * any window. What the window shows of a transaction: dappDescribe.ts.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import type { TronApi, TronTransaction } from '../core/api';
import { TronWalletError } from '../core/errors';
import { checkTransactionIntegrity, signDigest } from '../core/transaction';
import { networkWarnings, prepareDappTransaction, prepareMessageV2, signDappTransaction, signMessageV1Hex, signMessageV2, transactionWarnings, type TronMessageDisplay } from '../core/message';
import type { RiskWarning } from '../../../protocol/approvals';
import type { DappMethod } from '../../types';
import { invalidParams, ProviderError } from '../../../background/dapp/providerError';
import { resolvedTronState, tronApiFor, tronChainIdOf } from './state';
import { describeTransaction, txWarnings } from './dappDescribe';
import { remember } from './dappNode';
import { args, asProviderError, guard, NETWORK_NAMES } from './dappUtil';

interface NodePermission {
  id?: number;
  threshold?: number;
  keys?: Array<{ address?: string; weight?: number }>;
}

/** Whether `address` holds a key of the owner's permission `id` (0 = owner, ≥ 2 = active). */
async function isPermissionKey(api: TronApi, owner: string, id: number, address: string): Promise<boolean> {
  const account = (await api.post('/wallet/getaccount', { address: owner })) as { owner_permission?: NodePermission; active_permission?: NodePermission[] };
  if (id === 0) {
    const p = account.owner_permission;
    if (!p?.keys) return owner === address;
    return p.keys.some((k) => k.address === address);
  }
  const p = (account.active_permission ?? []).find((x) => (x.id ?? 0) === id);
  return !!p?.keys?.some((k) => k.address === address);
}

function messageDisplay(d: TronMessageDisplay): Record<string, unknown> {
  return d.kind === 'text' ? { message: d.text } : { message: `0x${d.hex}`, bytes: d.byteLength };
}

const signTransaction: DappMethod = {
  gate: 'approval',
  async prepare(call, params) {
    const tx = args(params)[0];
    const state = await resolvedTronState();
    const api = tronApiFor(state);
    const prepared = await guard(() => prepareDappTransaction(tx, { address: call.address, api }));
    const summary = await describeTransaction(api, state, call.address, prepared.decoded, prepared.transaction.txID);
    return {
      approval: { kind: 'signTronTransaction', display: summary.display, warnings: txWarnings(prepared.warnings) },
      async run() {
        const signed = await call.withKey(async (k) => signDappTransaction(prepared.transaction, k.secretKey));
        remember(signed.txID, call.origin, call.address, tronChainIdOf(state), summary.activity);
        return signed;
      },
    };
  },
};

const multiSign: DappMethod = {
  gate: 'approval',
  async prepare(call, params) {
    const a = args(params);
    const { transaction, decoded } = await guard(() => checkTransactionIntegrity(a[0]));
    if (decoded.contracts.length !== 1) throw invalidParams('a TRON transaction carries exactly one contract');
    const c = decoded.contracts[0]!;
    const requested = a[1] === undefined || a[1] === null ? c.permissionId : a[1];
    if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 0 || requested > 255) throw invalidParams('permissionId must be a small integer');
    if (requested !== c.permissionId) {
      throw invalidParams(`the transaction uses Permission_id ${c.permissionId}, not ${requested}; build it with the permission id (the wallet does not rewrite transactions)`);
    }
    const owner = 'owner' in c.value ? c.value.owner : undefined;
    if (!owner) throw invalidParams('the transaction names no owner');
    if (BigInt(Date.now()) >= decoded.expiration) throw asProviderError(new TronWalletError('TRANSACTION_EXPIRED', 'The transaction has expired; ask the site to create it again'));
    const state = await resolvedTronState();
    const api = tronApiFor(state);
    const allowed = await guard(() => isPermissionKey(api, owner, requested, call.address));
    if (!allowed) throw new ProviderError(4100, `The connected account ${call.address} is not a key of permission ${requested} of ${owner}`, { reason: 'WRONG_OWNER' });
    // The same content and network checks as trx.sign: a transaction for another network is refused,
    // permission updates, approvals, TRC-10 sent with a call… are warned about.
    const contentWarnings = [...transactionWarnings(decoded, BigInt(Date.now())), ...(await guard(() => networkWarnings(api, decoded)))];
    const summary = await describeTransaction(api, state, call.address, decoded, transaction.txID);
    const warnings: RiskWarning[] = txWarnings(contentWarnings);
    if (owner !== call.address) warnings.push({ code: 'TRON_MULTISIG_OTHER_OWNER', severity: 'warning', params: { owner, permission: requested } });
    return {
      approval: {
        kind: 'signTronTransaction',
        display: { ...summary.display, owner, permission: requested, 'signatures already present': transaction.signature?.length ?? 0 },
        warnings,
      },
      async run() {
        const signature = await call.withKey(async (k) => signDigest(hexToBytes(transaction.txID), k.secretKey));
        return { ...(transaction as TronTransaction), txID: transaction.txID.toLowerCase(), signature: [...(transaction.signature ?? []), signature] };
      },
    };
  },
};

const signV2: DappMethod = {
  gate: 'approval',
  async prepare(call, params) {
    const prepared = await guard(() => prepareMessageV2(args(params)[0]));
    const state = await resolvedTronState();
    return {
      approval: {
        kind: 'signMessage',
        display: { account: call.address, network: NETWORK_NAMES[state.network], standard: 'TIP-191 signMessageV2', ...messageDisplay(prepared.display) },
        warnings: prepared.warnings as RiskWarning[],
      },
      run: () => call.withKey(async (k) => signMessageV2(prepared.bytes, k.secretKey)),
    };
  },
};

const signLegacy: DappMethod = {
  gate: 'approval',
  async prepare(call, params) {
    const hex = args(params)[0];
    if (typeof hex !== 'string') throw invalidParams('trx.sign expects a transaction object or a hex string');
    const h = hex.replace(/^0x/, '');
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(h)) throw invalidParams('trx.sign expects a hex string message');
    // Same bounds as V2 (and the same refusal text) before any window.
    await guard(() => prepareMessageV2(hexToBytes(h)));
    const state = await resolvedTronState();
    return {
      approval: {
        kind: 'signMessage',
        display: { account: call.address, network: NETWORK_NAMES[state.network], standard: 'TRON legacy message (trx.sign of a hex string)', message: `0x${h.length > 2000 ? `${h.slice(0, 2000)}…` : h}`, bytes: h.length / 2 },
        warnings: [{ code: 'TRON_LEGACY_MESSAGE', severity: 'warning' }],
      },
      run: () => call.withKey(async (k) => signMessageV1Hex(h, k.secretKey)),
    };
  },
};

export const TRON_SIGN_DAPP: Readonly<Record<string, DappMethod>> = {
  tron_signTransaction: signTransaction,
  tron_multiSign: multiSign,
  tron_signMessageV2: signV2,
  tron_signMessage: signLegacy,
};
