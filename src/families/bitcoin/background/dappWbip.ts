/**
 * The sats-connect WBIP004 methods as a method table on the shared dApp pipeline, named 'wbip:<method>'
 * (the inpage provider prefixes them and wraps results in JSON-RPC envelopes). Params are one object.
 */
import { bytesToHex } from '../../../core/derive/bytes';
import type { WalletAddress } from '../core/hdAccount';
import { bip322MessageHash, bitcoinMessageHash, type MessageSignatureType } from '../core/message';
import { type SignPsbtOptions, type ToSignInput } from '../core/psbt';
import type { DappCall, DappMethod, DappPrepared } from '../../types';
import { bitcoinState, type BitcoinState } from './state';
import { invalidParams, ProviderError, unauthorized } from '../../../background/dapp/providerError';
import { MAX_MESSAGE_CHARS, ADDRESS_TYPE, wbipNetwork, obj, ready, str, siteAccount, connectDisplay, disconnect, balance, messagePrepared } from './dappCommon';
import { psbtPrepared, pushPsbt, sendPrepared, amountOf } from './dappPsbt';

const WBIP_METHODS = [
  'getInfo',
  'getAccounts',
  'getAddresses',
  'getBalance',
  'signMessage',
  'signPsbt',
  'sendTransfer',
  'wallet_connect',
  'wallet_disconnect',
  'wallet_getAccount',
  'wallet_getNetwork',
  'wallet_getWalletType',
  'wallet_renouncePermissions',
] as const;

function wbipAddresses(address: WalletAddress, purposes: readonly string[]): unknown[] {
  const publicKey = address.scheme === 'p2tr' ? address.publicKey.slice(2) : address.publicKey;
  const wanted = purposes.filter((p) => p === 'payment' || p === 'ordinals');
  return (wanted.length ? [...new Set(wanted)] : ['payment']).map((purpose) => ({ address: address.address, publicKey, purpose, addressType: ADDRESS_TYPE[address.scheme], walletType: 'software' }));
}

function purposesOf(p: Record<string, unknown>, key: string): string[] {
  const v = p[key];
  if (v === undefined) return ['payment'];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw invalidParams(`${key} must be an array of purposes`);
  return v as string[];
}

async function accountResult(origin: string, state: BitcoinState, address: WalletAddress, purposes: string[]): Promise<unknown> {
  return { id: `bitcoin:${origin}`, addresses: wbipAddresses(address, purposes), walletType: 'software', network: wbipNetwork(state.network) };
}

/** A method of one object parameter. */
const wbip = (gate: DappMethod['gate'], prepare: (call: DappCall, p: Record<string, unknown>) => Promise<DappPrepared>, extra: Partial<DappMethod> = {}): DappMethod => ({
  gate,
  ...extra,
  prepare: (call, params) => prepare(call, obj(params, 'params')),
});

/** The connecting methods: the connect prompt shows the site's message. */
const connecting = (answer: (call: DappCall, p: Record<string, unknown>) => Promise<unknown>): DappMethod =>
  wbip('connect', async (call, p) => ready(() => answer(call, p)), { connectDisplay: (params) => connectDisplay(obj(params, 'params').message) });

const SATS_CONNECT: Readonly<Record<(typeof WBIP_METHODS)[number], DappMethod>> = {
  getInfo: wbip('safe', async () => ready(async () => ({ version: '0.1.0', platform: 'web', methods: [...WBIP_METHODS], supports: [] }))),
  getAccounts: connecting(async (_call, p) => wbipAddresses((await siteAccount()).address, purposesOf(p, 'purposes'))),
  getAddresses: connecting(async (_call, p) => {
    const { state, address } = await siteAccount();
    return { addresses: wbipAddresses(address, purposesOf(p, 'purposes')), network: wbipNetwork(state.network) };
  }),
  wallet_connect: connecting(async (call, p) => {
    const { state, address } = await siteAccount();
    return accountResult(call.origin, state, address, purposesOf(p, 'addresses'));
  }),
  wallet_getAccount: wbip('account', async (call) =>
    ready(async () => {
      const { state, address } = await siteAccount();
      return accountResult(call.origin, state, address, ['payment', 'ordinals']);
    }),
  ),
  wallet_disconnect: wbip('safe', async (call) => ready(() => disconnect(call))),
  wallet_renouncePermissions: wbip('safe', async (call) => ready(() => disconnect(call))),
  wallet_getNetwork: wbip('safe', async () => ready(async () => wbipNetwork((await bitcoinState()).network))),
  wallet_getWalletType: wbip('safe', async () => ready(async () => 'software')),
  getBalance: wbip('account', async () =>
    ready(async () => {
      const { state, address } = await siteAccount();
      const b = await balance(state, address);
      return { confirmed: String(b.confirmed), unconfirmed: String(b.unconfirmed), total: String(b.total) };
    }),
  ),
  signMessage: wbip('approval', async (call, p) => {
    const message = typeof p.message === 'string' && p.message.length <= MAX_MESSAGE_CHARS ? p.message : undefined;
    if (message === undefined) throw invalidParams('message must be a string');
    const { address } = await siteAccount();
    if (p.address !== undefined && p.address !== address.address) throw unauthorized();
    const protocol = p.protocol ?? (address.scheme === 'p2tr' ? 'BIP322' : 'ECDSA');
    if (protocol !== 'ECDSA' && protocol !== 'BIP322') throw invalidParams('protocol must be "ECDSA" or "BIP322"');
    const type: MessageSignatureType = protocol === 'BIP322' && address.scheme !== 'p2pkh' ? 'bip322-simple' : 'ecdsa';
    const m = await messagePrepared(call, message, type);
    return {
      approval: m.approval,
      run: async () => {
        const r = await m.sign();
        const hash = type === 'ecdsa' ? bitcoinMessageHash(message) : bip322MessageHash(message);
        return { signature: r.signature, messageHash: bytesToHex(hash), address: r.address.address, protocol: type === 'ecdsa' ? 'ECDSA' : 'BIP322' };
      },
    };
  }),
  signPsbt: wbip('approval', async (call, p) => {
    const psbt = str(p.psbt, 'psbt');
    const { address } = await siteAccount();
    const opts: SignPsbtOptions = { autoFinalized: p.broadcast === true };
    if (p.signInputs !== undefined) {
      const si = obj(p.signInputs, 'signInputs');
      const toSign: ToSignInput[] = [];
      for (const [addr, idxs] of Object.entries(si)) {
        if (!Array.isArray(idxs) || !idxs.every((n) => typeof n === 'number' && Number.isInteger(n))) throw invalidParams('signInputs values must be arrays of input indexes');
        if (addr !== address.address) throw new ProviderError(-32602, `The wallet does not control ${addr.slice(0, 100)}; refusing to sign its inputs`, { reason: 'PSBT_INPUT_NOT_OURS' });
        for (const index of idxs as number[]) toSign.push({ index, address: addr });
      }
      opts.toSignInputs = toSign;
    }
    const prepared = await psbtPrepared(call, psbt, opts);
    return {
      approval: prepared.approval,
      run: async () => {
        const signed = await prepared.sign();
        if (p.broadcast === true) return { psbt: signed.base64, txid: await pushPsbt(signed.hex) };
        return { psbt: signed.base64 };
      },
    };
  }),
  sendTransfer: wbip('approval', async (call, p) => {
    if (!Array.isArray(p.recipients) || p.recipients.length === 0 || p.recipients.length > 100) throw invalidParams('recipients must be a non-empty array');
    const recipients = p.recipients.map((r, i) => {
      const o = obj(r, `recipients[${i}]`);
      return { address: str(o.address, `recipients[${i}].address`, 200), amount: amountOf(o.amount, `recipients[${i}].amount`) };
    });
    return sendPrepared(call, recipients, undefined, (txid) => ({ txid }));
  }),
};

/** The table as the pipeline sees it: 'wbip:getAccounts', … */
export const WBIP_DAPP: Readonly<Record<string, DappMethod>> = Object.fromEntries(Object.entries(SATS_CONNECT).map(([k, m]) => [`wbip:${k}`, m]));
