/**
 * What the Bitcoin dApp methods share: the networks' names in UniSat's and sats-connect's terms, the
 * params' checks and error mapping, the site's account (the shared pipeline checked the grant and
 * the lock), the network switch and its announcement, the balance and message signing.
 */
import { BitcoinError } from '../core/errors';
import { EsploraError } from '../core/esplora';
import type { WalletAddress } from '../core/hdAccount';
import { signBitcoinMessage, type EcdsaMessageOptions, type MessageSignatureType } from '../core/message';
import { type SignPsbtOptions, type ToSignInput } from '../core/psbt';
import type { DappApproval, DappCall, DappPrepared } from '../../types';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import { allPermissions, revoke } from '../../../background/permissions';
import { bitcoinState, currentAddress, esploraFor, setBitcoinNetwork, withBitcoinSigner, type BitcoinSigner, type BitcoinState, type DappBitcoinNetwork } from './state';
import { emitToOrigin } from '../../../background/dapp/router';
import { invalidParams, ProviderError, errorGuard, optionalObject } from '../../../background/dapp/providerError';

export const MAX_MESSAGE_CHARS = 64 * 1024;
export const MAX_PSBTS = 20;

// ---------------------------------------------------------------------------------------------
// Network names

export const UNISAT_NETWORK: Record<DappBitcoinNetwork, string> = { mainnet: 'livenet', testnet: 'testnet', regtest: 'regtest' };
export const CHAIN_INFO: Record<DappBitcoinNetwork, { enum: string; name: string; network: string }> = {
  mainnet: { enum: 'BITCOIN_MAINNET', name: 'Bitcoin Mainnet', network: 'livenet' },
  testnet: { enum: 'BITCOIN_TESTNET', name: 'Bitcoin Testnet', network: 'testnet' },
  regtest: { enum: 'BITCOIN_REGTEST', name: 'Bitcoin Regtest', network: 'regtest' },
};
export const WBIP_NETWORK: Record<DappBitcoinNetwork, string> = { mainnet: 'Mainnet', testnet: 'Testnet', regtest: 'Regtest' };
export const ADDRESS_TYPE: Record<WalletAddress['scheme'], string> = { p2wpkh: 'p2wpkh', p2tr: 'p2tr', 'p2sh-p2wpkh': 'p2sh', p2pkh: 'p2pkh' };

export function wbipNetwork(network: DappBitcoinNetwork): unknown {
  return { bitcoin: { name: WBIP_NETWORK[network] }, stacks: { name: 'mainnet' }, spark: { name: 'mainnet' } };
}

// ---------------------------------------------------------------------------------------------
// Errors and params

/** Core and Esplora failures become dApp errors with their (key-free) message. */
function asProviderError(err: unknown): unknown {
  if (err instanceof BitcoinError) return new ProviderError(-32602, err.message, { reason: err.code });
  if (err instanceof EsploraError) return new ProviderError(-32603, `Bitcoin API error: ${err.body ? err.body.slice(0, 300) : err.message}`);
  return err;
}

export const guard = errorGuard(asProviderError);

/** A method's answer with no window to ask. */
export const ready = (run: () => Promise<unknown>): DappPrepared => ({ run });

export function args(params: unknown): unknown[] {
  if (params === undefined || params === null) return [];
  if (!Array.isArray(params)) throw invalidParams('expected an array of arguments');
  return params;
}

export const obj = optionalObject;

export function str(v: unknown, what: string, max = 1_000_000): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw invalidParams(`${what} must be a non-empty string`);
  return v;
}

export function toSignInputsOf(v: unknown): ToSignInput[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length > 1000) throw invalidParams('toSignInputs must be an array');
  return v.map((x, i) => {
    const o = obj(x, `toSignInputs[${i}]`);
    if (typeof o.index !== 'number' || !Number.isInteger(o.index)) throw invalidParams(`toSignInputs[${i}].index must be an integer`);
    const t: ToSignInput = { index: o.index };
    if (o.address !== undefined) t.address = str(o.address, `toSignInputs[${i}].address`, 200);
    if (o.publicKey !== undefined) t.publicKey = str(o.publicKey, `toSignInputs[${i}].publicKey`, 200);
    if (o.sighashTypes !== undefined) {
      if (!Array.isArray(o.sighashTypes) || !o.sighashTypes.every((n) => typeof n === 'number')) throw invalidParams(`toSignInputs[${i}].sighashTypes must be numbers`);
      t.sighashTypes = o.sighashTypes as number[];
    }
    if (o.disableTweakSigner !== undefined) t.disableTweakSigner = o.disableTweakSigner === true;
    if (o.useTweakedSigner !== undefined) t.useTweakedSigner = o.useTweakedSigner !== false;
    return t;
  });
}

export function signOptionsOf(v: unknown): SignPsbtOptions {
  const o = obj(v, 'options');
  const out: SignPsbtOptions = {};
  if (o.autoFinalized !== undefined) out.autoFinalized = o.autoFinalized !== false;
  const t = toSignInputsOf(o.toSignInputs);
  if (t) out.toSignInputs = t;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The site's account (the pipeline checked its grant and the lock; src/background/dapp/pipeline.ts)

export interface SiteAccount {
  state: BitcoinState;
  address: WalletAddress;
}

/** The account a connected site sees: the selected address type's address on the active network. */
export async function siteAccount(): Promise<SiteAccount> {
  const state = await bitcoinState();
  return { state, address: await currentAddress(state.network) };
}

/**
 * Signs with the site's account, or nothing: the key is the selected account's now, so a selection
 * changed after the window was shown is refused (what the user approved is what gets signed).
 */
export function signAs<T>(call: DappCall, network: DappBitcoinNetwork, fn: (s: BitcoinSigner) => T | Promise<T>): Promise<T> {
  return guard(() =>
    withBitcoinSigner(network, (s) => {
      if (s.address.address !== call.address) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed after the request was shown; nothing was signed');
      return fn(s);
    }),
  );
}

/** The connect prompt's extra rows: what the site may do, and the message a sats-connect site sends. */
export function connectDisplay(message?: unknown): Record<string, unknown> {
  return {
    permissions: 'See your Bitcoin address, public key and balance, and request approval for signatures and transactions',
    ...(typeof message === 'string' ? { message: message.slice(0, 80) } : {}),
  };
}

export async function disconnect(call: DappCall): Promise<null> {
  await revoke(call.origin, 'bitcoin');
  call.emit('accountsChanged', []);
  return null;
}

/** After a network switch: every connected origin learns its (new) address. */
export async function announceNetwork(network: DappBitcoinNetwork): Promise<void> {
  emitToOrigin(null, 'bitcoin', 'networkChanged', UNISAT_NETWORK[network]);
  emitToOrigin(null, 'bitcoin', 'chainChanged', CHAIN_INFO[network]);
  const perms = await allPermissions();
  const address = keyring.unlocked ? (await currentAddress(network)).address : undefined;
  for (const [origin, site] of Object.entries(perms)) {
    if (site.bitcoin && address) emitToOrigin(origin, 'bitcoin', 'accountsChanged', [address]);
  }
}

/** A network switch asked by a site: one exclusive window, none when it is already active. */
export async function switchPrepared<T>(target: DappBitcoinNetwork, answer: T): Promise<DappPrepared> {
  const state = await bitcoinState();
  const run = async (): Promise<T> => {
    if (state.network !== target) {
      await setBitcoinNetwork(target);
      await announceNetwork(target);
    }
    return answer;
  };
  if (state.network === target) return { approval: null, run };
  return { approval: { kind: 'switchChain', exclusive: true, display: { from: CHAIN_INFO[state.network].name, to: CHAIN_INFO[target].name } }, run };
}

// ---------------------------------------------------------------------------------------------
// Balance

export async function balance(state: BitcoinState, address: WalletAddress): Promise<{ confirmed: number; unconfirmed: number; total: number }> {
  const info = await guard(() => esploraFor(state).getAddress(address.address));
  const confirmed = info.chain.fundedTxoSum - info.chain.spentTxoSum;
  const unconfirmed = info.mempool.fundedTxoSum - info.mempool.spentTxoSum;
  return { confirmed, unconfirmed, total: confirmed + unconfirmed };
}

// ---------------------------------------------------------------------------------------------
// Messages

/** The approval of a message signature and the signing after it. */
export async function messagePrepared(call: DappCall, message: string, type: MessageSignatureType, opts: EcdsaMessageOptions = {}): Promise<{ approval: DappApproval; sign(): Promise<{ signature: string; address: WalletAddress }> }> {
  const { state, address } = await siteAccount();
  return {
    approval: {
      kind: 'signMessage',
      display: { account: address.address, network: CHAIN_INFO[state.network].name, type: type === 'ecdsa' || address.scheme === 'p2pkh' ? 'ECDSA (legacy)' : 'BIP-322 simple', message },
    },
    sign: async () => ({ signature: await signAs(call, state.network, (s) => signBitcoinMessage(message, s.address, s.keys, type, opts)), address }),
  };
}
