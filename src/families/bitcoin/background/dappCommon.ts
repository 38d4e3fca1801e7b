/**
 * What the Bitcoin dApp methods share: the networks' names in UniSat's and sats-connect's terms, the
 * params' checks and error mapping, the site's connection (permission, connect prompt, network
 * switch and its announcement), the balance and message signing.
 */
import { BitcoinError } from '../core/errors';
import { EsploraError } from '../core/esplora';
import type { WalletAddress } from '../core/hdAccount';
import { signBitcoinMessage, type EcdsaMessageOptions, type MessageSignatureType } from '../core/message';
import { type SignPsbtOptions, type ToSignInput } from '../core/psbt';
import { assessRisk } from '../../../core/risk';
import type { RiskWarning } from '../../../protocol/approvals';
import { awaitUnlock, requestApproval } from '../../../background/approvals';
import { keyring } from '../../../background/keyring';
import { allPermissions, grant, grantOf, revoke } from '../../../background/permissions';
import { bitcoinState, currentAddress, esploraFor, setBitcoinNetwork, withBitcoinSigner, type BitcoinState, type DappBitcoinNetwork } from './state';
import { emitToOrigin, type DappContext } from '../../../background/dapp/router';
import { onSelectionChanged } from '../../../background/selection';
import { invalidParams, ProviderError, unauthorized, errorGuard, optionalObject } from '../../../background/dapp/providerError';

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
// Permissions

export async function isConnected(origin: string): Promise<boolean> {
  return keyring.unlocked && !!(await grantOf(origin, 'bitcoin'));
}

export async function accountsFor(origin: string): Promise<string[]> {
  if (!(await isConnected(origin))) return [];
  return [(await currentAddress((await bitcoinState()).network)).address];
}

/** The connected account, unlocking first when the site is connected but the wallet locked. */
export async function requirePermitted(origin: string): Promise<{ state: BitcoinState; address: WalletAddress }> {
  if (!(await grantOf(origin, 'bitcoin'))) throw unauthorized();
  await awaitUnlock(() => keyring.unlocked);
  const state = await bitcoinState();
  return { state, address: await currentAddress(state.network) };
}

export function insecureWarnings(origin: string): RiskWarning[] {
  return assessRisk({ origin, chainFamily: 'bitcoin', kind: 'sign' }).filter((w) => w.code === 'INSECURE_ORIGIN') as RiskWarning[];
}

export async function connect(ctx: DappContext, message?: string): Promise<{ state: BitcoinState; address: WalletAddress }> {
  await awaitUnlock(() => keyring.unlocked);
  const state = await bitcoinState();
  const address = await currentAddress(state.network);
  if (await grantOf(ctx.origin, 'bitcoin')) return { state, address };
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'bitcoin',
    kind: 'connect',
    exclusive: true,
    display: {
      account: address.address,
      network: CHAIN_INFO[state.network].name,
      permissions: 'See your Bitcoin address, public key and balance, and request approval for signatures and transactions',
      ...(message ? { message: message.slice(0, 80) } : {}),
    },
    warnings: insecureWarnings(ctx.origin),
  });
  await grant(ctx.origin, 'bitcoin', [address.address]);
  emitToOrigin(ctx.origin, 'bitcoin', 'accountsChanged', [address.address]);
  return { state, address };
}

export async function disconnect(origin: string): Promise<void> {
  await revoke(origin, 'bitcoin');
  emitToOrigin(origin, 'bitcoin', 'accountsChanged', []);
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

// The dApp account follows the popup's selected account: connected sites learn the new address.
onSelectionChanged(async () => {
  if (!keyring.unlocked) return;
  const { network } = await bitcoinState();
  const address = (await currentAddress(network)).address;
  for (const [origin, site] of Object.entries(await allPermissions())) if (site.bitcoin) emitToOrigin(origin, 'bitcoin', 'accountsChanged', [address]);
});

export async function switchNetwork(ctx: DappContext, target: DappBitcoinNetwork): Promise<void> {
  await requirePermitted(ctx.origin);
  const state = await bitcoinState();
  if (state.network === target) return;
  await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'bitcoin', kind: 'switchChain', exclusive: true, display: { from: CHAIN_INFO[state.network].name, to: CHAIN_INFO[target].name } });
  await setBitcoinNetwork(target);
  await announceNetwork(target);
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

export async function signMessage(ctx: DappContext, message: string, type: MessageSignatureType, opts: EcdsaMessageOptions = {}): Promise<{ signature: string; address: WalletAddress }> {
  const { state, address } = await requirePermitted(ctx.origin);
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'bitcoin',
    kind: 'signMessage',
    display: { account: address.address, network: CHAIN_INFO[state.network].name, type: type === 'ecdsa' || address.scheme === 'p2pkh' ? 'ECDSA (legacy)' : 'BIP-322 simple', message },
    warnings: insecureWarnings(ctx.origin),
  });
  const signature = await guard(() => withBitcoinSigner(state.network, (s) => signBitcoinMessage(message, s.address, s.keys, type, opts)));
  return { signature, address };
}
