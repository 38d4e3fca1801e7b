/** The sats-connect WBIP004 methods (prefixed 'wbip:' by the inpage provider, which wraps results in JSON-RPC envelopes). */
import { bytesToHex } from '../../../core/derive/bytes';
import type { WalletAddress } from '../core/hdAccount';
import { bip322MessageHash, bitcoinMessageHash, type MessageSignatureType } from '../core/message';
import { type SignPsbtOptions, type ToSignInput } from '../core/psbt';
import { bitcoinState, type BitcoinState } from './state';
import type { DappContext } from '../../../background/dapp/router';
import { invalidParams, ProviderError, unauthorized, unsupported } from '../../../background/dapp/providerError';
import { MAX_MESSAGE_CHARS, ADDRESS_TYPE, wbipNetwork, obj, str, requirePermitted, connect, disconnect, balance, signMessage } from './dappCommon';
import { approveAndSignPsbt, pushPsbt, sendBitcoin, amountOf } from './dappPsbt';

// ---------------------------------------------------------------------------------------------
// sats-connect (WBIP004) methods

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

export async function handleWbip(ctx: DappContext, method: string, params: unknown): Promise<unknown> {
  const p = obj(params, 'params');
  switch (method) {
    case 'getInfo':
      return { version: '0.1.0', platform: 'web', methods: [...WBIP_METHODS], supports: [] };
    case 'getAccounts': {
      const { address } = await connect(ctx, typeof p.message === 'string' ? p.message : undefined);
      return wbipAddresses(address, purposesOf(p, 'purposes'));
    }
    case 'getAddresses': {
      const { state, address } = await connect(ctx, typeof p.message === 'string' ? p.message : undefined);
      return { addresses: wbipAddresses(address, purposesOf(p, 'purposes')), network: wbipNetwork(state.network) };
    }
    case 'wallet_connect': {
      const { state, address } = await connect(ctx, typeof p.message === 'string' ? p.message : undefined);
      return accountResult(ctx.origin, state, address, purposesOf(p, 'addresses'));
    }
    case 'wallet_getAccount': {
      const { state, address } = await requirePermitted(ctx.origin);
      return accountResult(ctx.origin, state, address, ['payment', 'ordinals']);
    }
    case 'wallet_disconnect':
    case 'wallet_renouncePermissions':
      await disconnect(ctx.origin);
      return null;
    case 'wallet_getNetwork':
      return wbipNetwork((await bitcoinState()).network);
    case 'wallet_getWalletType':
      return 'software';
    case 'getBalance': {
      const { state, address } = await requirePermitted(ctx.origin);
      const b = await balance(state, address);
      return { confirmed: String(b.confirmed), unconfirmed: String(b.unconfirmed), total: String(b.total) };
    }
    case 'signMessage': {
      const message = typeof p.message === 'string' && p.message.length <= MAX_MESSAGE_CHARS ? p.message : undefined;
      if (message === undefined) throw invalidParams('message must be a string');
      const { address } = await requirePermitted(ctx.origin);
      if (p.address !== undefined && p.address !== address.address) throw unauthorized();
      const protocol = p.protocol ?? (address.scheme === 'p2tr' ? 'BIP322' : 'ECDSA');
      if (protocol !== 'ECDSA' && protocol !== 'BIP322') throw invalidParams('protocol must be "ECDSA" or "BIP322"');
      const type: MessageSignatureType = protocol === 'BIP322' && address.scheme !== 'p2pkh' ? 'bip322-simple' : 'ecdsa';
      const r = await signMessage(ctx, message, type);
      const hash = type === 'ecdsa' ? bitcoinMessageHash(message) : bip322MessageHash(message);
      return { signature: r.signature, messageHash: bytesToHex(hash), address: r.address.address, protocol: type === 'ecdsa' ? 'ECDSA' : 'BIP322' };
    }
    case 'signPsbt': {
      const psbt = str(p.psbt, 'psbt');
      const { address } = await requirePermitted(ctx.origin);
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
      const signed = await approveAndSignPsbt(ctx, ctx.requestId, psbt, opts);
      if (p.broadcast === true) {
        const txid = await pushPsbt(ctx, signed.hex);
        return { psbt: signed.base64, txid };
      }
      return { psbt: signed.base64 };
    }
    case 'sendTransfer': {
      if (!Array.isArray(p.recipients) || p.recipients.length === 0 || p.recipients.length > 100) throw invalidParams('recipients must be a non-empty array');
      const recipients = p.recipients.map((r, i) => {
        const o = obj(r, `recipients[${i}]`);
        return { address: str(o.address, `recipients[${i}].address`, 200), amount: amountOf(o.amount, `recipients[${i}].amount`) };
      });
      return { txid: await sendBitcoin(ctx, recipients, undefined) };
    }
  }
  throw unsupported(method);
}
