/**
 * The Scatter protocol's methods (what src/families/eos/inpage/scatter.ts forwards), each behind
 * the shared pipeline's gate:
 * - getOrRequestIdentity (approval, connects): the account + permission the key acts as; the
 *   approval window shows them, approving connects the site (revocable: forgetIdentity, Settings).
 * - identityFromPermissions (safe): the identity of a connected site, else null (no window).
 * - forgetIdentity (safe): revokes this origin's EOS grant.
 * - requestSignature (approval): the dApp's own serialized transaction, for this network's chain id
 *   only, decoded with the ABIs the chain serves; every action shown; actions that need another
 *   actor's authority, unknown chain ids, malformed bytes and missing ABIs are refused before any
 *   window. Returns `{ signatures }` (the wallet never broadcasts what a dApp asks it to sign).
 * - requestArbitrarySignature (approval): sha256 of the text, with the identity's key only; data
 *   that could be a transaction digest or preimage is refused before any window.
 * - addToken (approval): a token (contract + symbol) joins the balances on this network.
 * - requestAddNetwork / hasAccountFor / getVersion (safe).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '../../../core/derive/bytes';
import { revoke, grantOf } from '../../../background/permissions';
import { ProviderError, errorGuard, invalidParams } from '../../../background/dapp/providerError';
import type { DappCall, DappMethod, DappPrepared } from '../../types';
import type { RiskWarning } from '../../../protocol/approvals';
import { EosError } from '../core/errors';
import { contractsOf, decodeTransaction, hexToBytes, parseTransaction } from '../core/decode';
import { permissionWarnings, unknownContractWarnings } from '../core/risk';
import { arbitraryDataRefusal, publicKeyOf, signArbitrary, signTransaction } from '../core/sign';
import { eosLegacyPublicKey } from '../core/keyString';
import { resolveActor, type EosActor } from './account';
import { addToken, apiOf, rememberContracts, usedContracts } from './util';
import { isValidEosAccountName } from '../core/accountName';
import { checkSymbolCode } from '../core/asset';
import type { ABI } from '@wharfkit/antelope';

export const SCATTER_VERSION = '12.1.1';

/** EosError → the dApp error: bad input is -32602 with the specific reason, a node failure -32603. */
const guard = errorGuard((err) => {
  if (err instanceof EosError) return err.reason === 'node' || err.reason === 'resources' ? new ProviderError(-32603, err.message) : invalidParams(err.message);
  return err;
});

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

interface Identity {
  hash: string;
  publicKey: string;
  name: string;
  kyc: false;
  accounts: { name: string; authority: string; publicKey: string; blockchain: 'eos'; chainId: string; isHardware: false }[];
}

function identityOf(actor: EosActor, key: string, chainId: string): Identity {
  const legacy = eosLegacyPublicKey(key);
  return {
    hash: bytesToHex(sha256(utf8ToBytes(`${legacy}|${chainId}`))),
    publicKey: legacy,
    name: 'MultichainWallet',
    kyc: false,
    accounts: [{ name: actor.account, authority: actor.permission, publicKey: legacy, blockchain: 'eos', chainId, isHardware: false }],
  };
}

/** The chain id a request names must be the active network's (the one the wallet signs for). */
function checkRequestedChain(requested: unknown, chainId: string, networkName: string): void {
  if (requested === undefined || requested === null || requested === '') return;
  if (typeof requested !== 'string' || requested.toLowerCase() !== chainId) {
    throw new EosError('unknown-chain', `The request is for chain ${String(requested).slice(0, 16)}…, but the wallet is on ${networkName} (${chainId.slice(0, 12)}…). Switch networks in the wallet first.`);
  }
}

async function identityFor(call: DappCall): Promise<{ identity: Identity; actor: EosActor; chainId: string }> {
  const api = apiOf(call);
  const info = await api.info();
  const actor = await resolveActor(call, api);
  return { identity: identityOf(actor, call.address, info.chain_id), actor, chainId: info.chain_id };
}

const safe = (run: (call: DappCall, params: unknown) => Promise<unknown>): DappMethod => ({
  gate: 'safe',
  prepare: (call, params) => guard(async () => ({ run: () => guard(() => run(call, params)) })),
});

export const eosDappMethods: Readonly<Record<string, DappMethod>> = {
  getVersion: safe(async () => SCATTER_VERSION),

  getOrRequestIdentity: {
    gate: 'approval',
    connects: true,
    prepare: (call, params) =>
      guard(async (): Promise<DappPrepared> => {
        const asked = (obj(obj(params).fields).accounts as unknown[] | undefined) ?? [];
        const { identity, actor, chainId } = await identityFor(call);
        for (const n of Array.isArray(asked) ? asked : []) checkRequestedChain(obj(n).chainId, chainId, call.network.name);
        return {
          approval: { kind: 'eos:identity', display: { eos_account: `${actor.account}@${actor.permission}`, eos_publicKey: identity.publicKey, eos_network: call.network.name } },
          run: async () => identity,
        };
      }),
  },

  identityFromPermissions: safe(async (call) => {
    if (!call.address || !(await grantOf(call.origin, 'eos'))) return null;
    return (await identityFor(call)).identity;
  }),

  forgetIdentity: safe(async (call) => {
    await revoke(call.origin, 'eos');
    return true;
  }),

  requestAddNetwork: safe(async (call, params) => {
    const chainId = (await apiOf(call).info()).chain_id;
    checkRequestedChain(obj(obj(params).network).chainId, chainId, call.network.name);
    return true;
  }),

  hasAccountFor: safe(async (call, params) => {
    const chainId = (await apiOf(call).info()).chain_id;
    const asked = obj(obj(params).network).chainId;
    return typeof asked === 'string' && asked.toLowerCase() === chainId;
  }),

  // Scatter's addToken: the user approves adding a token (contract + symbol) to the wallet's balances.
  addToken: {
    gate: 'approval',
    prepare: (call, params) =>
      guard(async (): Promise<DappPrepared> => {
        const t = obj(obj(params).token);
        const contract = typeof t.contract === 'string' ? t.contract : '';
        const symbol = typeof t.symbol === 'string' ? t.symbol : '';
        if (!isValidEosAccountName(contract)) throw new EosError('invalid-params', `token.contract is not an account name: "${contract.slice(0, 20)}"`);
        checkSymbolCode(symbol);
        const api = apiOf(call);
        const info = await api.info();
        checkRequestedChain(obj(obj(params).network).chainId, info.chain_id, call.network.name);
        if (!(await api.abi(contract))) throw new EosError('missing-abi', `${contract} has no contract on ${call.network.name}`);
        return {
          approval: { kind: 'eos:addToken', display: { eos_tokenContract: contract, eos_tokenSymbol: symbol, eos_network: call.network.name } },
          run: async () => {
            await addToken(call, { contract, symbol, ...(typeof t.decimals === 'number' && Number.isInteger(t.decimals) && t.decimals >= 0 && t.decimals <= 18 ? { precision: t.decimals } : {}) });
            return true;
          },
        };
      }),
  },

  requestSignature: {
    gate: 'approval',
    prepare: (call, params) =>
      guard(async (): Promise<DappPrepared> => {
        const p = obj(params);
        const t = obj(p.transaction);
        if (typeof t.serializedTransaction !== 'string') throw new EosError('invalid-params', 'transaction.serializedTransaction (hex) is required');
        if (t.serializedContextFreeData) throw new EosError('malformed-transaction', 'Context-free data is not supported');
        const tx = parseTransaction(hexToBytes(t.serializedTransaction));
        const api = apiOf(call);
        const info = await api.info();
        checkRequestedChain(t.chainId, info.chain_id, call.network.name);
        checkRequestedChain(obj(p.network).chainId, info.chain_id, call.network.name);
        const abis = new Map<string, ABI>();
        for (const c of contractsOf(tx)) {
          const abi = await api.abi(c).catch(() => null);
          if (abi) abis.set(c, abi);
        }
        const decoded = decodeTransaction(tx, abis);
        const actor = await resolveActor(call, api);
        for (const a of decoded.actions) {
          for (const l of a.authorization) {
            if (l.actor !== actor.account) throw new EosError('invalid-params', `Action ${a.account}::${a.name} needs the authority of ${l.actor}@${l.permission}, which this wallet does not hold`);
          }
        }
        const expiresMs = Date.parse(`${decoded.expiration}Z`);
        if (!Number.isFinite(expiresMs) || expiresMs < Date.now()) throw new EosError('malformed-transaction', `The transaction expired at ${decoded.expiration}`);
        const warnings: RiskWarning[] = [...permissionWarnings(decoded.actions), ...unknownContractWarnings(decoded.actions, await usedContracts(call))].map((w) => ({
          code: w.code,
          severity: w.severity,
          params: Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v])) as Record<string, string | number>,
        }));
        const transfer = decoded.actions.find((a) => a.name === 'transfer' && typeof a.data.quantity === 'string');
        return {
          approval: {
            kind: 'eos:signTransaction',
            display: {
              eos_account: `${actor.account}@${actor.permission}`,
              eos_network: call.network.name,
              eos_actions: decoded.actions.map((a) => ({ contract: a.account, action: a.name, authorization: a.authorization.map((l) => `${l.actor}@${l.permission}`).join(', '), data: a.data })),
              eos_expiration: decoded.expiration,
              eos_transactionId: decoded.id,
            },
            ...(transfer ? { facts: { kind: 'transfer' as const, recipient: String(transfer.data.to ?? ''), amount: { value: String(transfer.data.quantity).split(' ')[0]!, symbol: String(transfer.data.quantity).split(' ')[1] ?? '' } } } : {}),
            warnings,
          },
          run: async () => {
            const signature = await call.withKey(async (k) => {
              if (publicKeyOf(k.secretKey) !== call.address) throw new EosError('invalid-params', 'The key changed after the request was shown; nothing was signed');
              return signTransaction(tx, info.chain_id, k.secretKey);
            });
            await rememberContracts(call, contractsOf(tx));
            return { signatures: [signature], returnedFields: {} };
          },
        };
      }),
  },

  requestArbitrarySignature: {
    gate: 'approval',
    prepare: (call, params) =>
      guard(async (): Promise<DappPrepared> => {
        const p = obj(params);
        const data = p.data;
        if (typeof data !== 'string') throw new EosError('invalid-params', 'data must be a string');
        if (data.length > 4096) throw new EosError('invalid-params', 'data is longer than 4096 characters');
        if (typeof p.publicKey !== 'string') throw new EosError('invalid-params', 'publicKey is required');
        let mine = false;
        try {
          mine = eosLegacyPublicKey(p.publicKey) === eosLegacyPublicKey(call.address);
        } catch {
          throw new EosError('invalid-params', `Not an EOS public key: ${p.publicKey.slice(0, 60)}`);
        }
        if (!mine) throw new EosError('invalid-params', 'The public key is not the key of the connected account');
        const chainId = (await apiOf(call).info()).chain_id;
        const why = arbitraryDataRefusal(data, [chainId]);
        if (why) throw new EosError('refused-digest', `Refused to sign: ${why}`);
        return {
          approval: { kind: 'eos:signArbitrary', display: { eos_publicKey: eosLegacyPublicKey(call.address), eos_data: data } },
          run: () => guard(() => call.withKey(async (k) => signArbitrary(data, k.secretKey, [chainId]))),
        };
      }),
  },
};
