/**
 * The Bitcoin family's dApp handler: UniSat-style methods (window.unisat) and the sats-connect
 * WBIP004 methods (prefixed 'wbip:' by the inpage provider, which wraps results in JSON-RPC
 * envelopes). PSBT analysis/signing, message signing and send planning come from
 * src/families/bitcoin/core; this module adds permissions, the active network, the approval and
 * the keys. Only the wallet's own inputs are ever signed; a request naming a foreign input is
 * refused before any window opens.
 */
import { bytesToHex } from '../../../core/derive/bytes';
import { BitcoinError } from '../core/errors';
import { EsploraError } from '../core/esplora';
import { fetchFeeRates } from '../core/fees';
import type { WalletAddress } from '../core/hdAccount';
import { bip322MessageHash, bitcoinMessageHash, signBitcoinMessage, type EcdsaMessageOptions, type MessageSignatureType } from '../core/message';
import { analyzePsbt, extractPsbtTransaction, signPsbt, type PsbtAnalysis, type PsbtWallet, type SignPsbtOptions, type ToSignInput } from '../core/psbt';
import { fetchWalletUtxos } from '../core/scan';
import { broadcastTransaction, planSend, signPlan } from '../core/send';
import { assessRisk } from '../../../core/risk';
import type { RiskWarning } from '../../../protocol/approvals';
import { recordActivity } from '../../../background/activity';
import { awaitUnlock, requestApproval } from '../../../background/approvals';
import { keyring } from '../../../background/keyring';
import { allPermissions, grant, grantOf, revoke } from '../../../background/permissions';
import { bitcoinState, currentAddress, esploraFor, setBitcoinNetwork, withBitcoinSigner, type BitcoinState, type DappBitcoinNetwork } from './state';
import { emitToOrigin, type DappContext, type FamilyHandler } from '../../../background/dapp/router';
import { onSelectionChanged } from '../../../background/selection';
import { inscriptionsPage } from './inscriptions';
import { invalidParams, ProviderError, unauthorized, unsupported, errorGuard, optionalObject } from '../../../background/dapp/providerError';

const MAX_MESSAGE_CHARS = 64 * 1024;
const MAX_PSBTS = 20;

// ---------------------------------------------------------------------------------------------
// Network names

const UNISAT_NETWORK: Record<DappBitcoinNetwork, string> = { mainnet: 'livenet', testnet: 'testnet', regtest: 'regtest' };
const CHAIN_INFO: Record<DappBitcoinNetwork, { enum: string; name: string; network: string }> = {
  mainnet: { enum: 'BITCOIN_MAINNET', name: 'Bitcoin Mainnet', network: 'livenet' },
  testnet: { enum: 'BITCOIN_TESTNET', name: 'Bitcoin Testnet', network: 'testnet' },
  regtest: { enum: 'BITCOIN_REGTEST', name: 'Bitcoin Regtest', network: 'regtest' },
};
const WBIP_NETWORK: Record<DappBitcoinNetwork, string> = { mainnet: 'Mainnet', testnet: 'Testnet', regtest: 'Regtest' };
const ADDRESS_TYPE: Record<WalletAddress['scheme'], string> = { p2wpkh: 'p2wpkh', p2tr: 'p2tr', 'p2sh-p2wpkh': 'p2sh', p2pkh: 'p2pkh' };

function wbipNetwork(network: DappBitcoinNetwork): unknown {
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

const guard = errorGuard(asProviderError);

function args(params: unknown): unknown[] {
  if (params === undefined || params === null) return [];
  if (!Array.isArray(params)) throw invalidParams('expected an array of arguments');
  return params;
}

const obj = optionalObject;

function str(v: unknown, what: string, max = 1_000_000): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw invalidParams(`${what} must be a non-empty string`);
  return v;
}

function toSignInputsOf(v: unknown): ToSignInput[] | undefined {
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

function signOptionsOf(v: unknown): SignPsbtOptions {
  const o = obj(v, 'options');
  const out: SignPsbtOptions = {};
  if (o.autoFinalized !== undefined) out.autoFinalized = o.autoFinalized !== false;
  const t = toSignInputsOf(o.toSignInputs);
  if (t) out.toSignInputs = t;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Permissions

async function isConnected(origin: string): Promise<boolean> {
  return keyring.unlocked && !!(await grantOf(origin, 'bitcoin'));
}

async function accountsFor(origin: string): Promise<string[]> {
  if (!(await isConnected(origin))) return [];
  return [(await currentAddress((await bitcoinState()).network)).address];
}

/** The connected account, unlocking first when the site is connected but the wallet locked. */
async function requirePermitted(origin: string): Promise<{ state: BitcoinState; address: WalletAddress }> {
  if (!(await grantOf(origin, 'bitcoin'))) throw unauthorized();
  await awaitUnlock(() => keyring.unlocked);
  const state = await bitcoinState();
  return { state, address: await currentAddress(state.network) };
}

function insecureWarnings(origin: string): RiskWarning[] {
  return assessRisk({ origin, chainFamily: 'bitcoin', kind: 'sign' }).filter((w) => w.code === 'INSECURE_ORIGIN') as RiskWarning[];
}

async function connect(ctx: DappContext, message?: string): Promise<{ state: BitcoinState; address: WalletAddress }> {
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

async function disconnect(origin: string): Promise<void> {
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

async function switchNetwork(ctx: DappContext, target: DappBitcoinNetwork): Promise<void> {
  await requirePermitted(ctx.origin);
  const state = await bitcoinState();
  if (state.network === target) return;
  await requestApproval({ origin: ctx.origin, requestId: ctx.requestId, family: 'bitcoin', kind: 'switchChain', exclusive: true, display: { from: CHAIN_INFO[state.network].name, to: CHAIN_INFO[target].name } });
  await setBitcoinNetwork(target);
  await announceNetwork(target);
}

// ---------------------------------------------------------------------------------------------
// Balance

async function balance(state: BitcoinState, address: WalletAddress): Promise<{ confirmed: number; unconfirmed: number; total: number }> {
  const info = await guard(() => esploraFor(state).getAddress(address.address));
  const confirmed = info.chain.fundedTxoSum - info.chain.spentTxoSum;
  const unconfirmed = info.mempool.fundedTxoSum - info.mempool.spentTxoSum;
  return { confirmed, unconfirmed, total: confirmed + unconfirmed };
}

// ---------------------------------------------------------------------------------------------
// Messages

async function signMessage(ctx: DappContext, message: string, type: MessageSignatureType, opts: EcdsaMessageOptions = {}): Promise<{ signature: string; address: WalletAddress }> {
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

// ---------------------------------------------------------------------------------------------
// PSBTs

const sats = (n: number | undefined): string => (n === undefined ? 'unknown' : `${n} sats (${(n / 1e8).toFixed(8)} BTC)`);

function psbtDisplay(a: PsbtAnalysis, address: WalletAddress, state: BitcoinState, toSign: readonly number[]): Record<string, unknown> {
  return {
    account: address.address,
    network: CHAIN_INFO[state.network].name,
    'you spend': sats(a.spend),
    'you receive': sats(a.receive),
    'net change': `${a.net} sats`,
    fee: a.fee === undefined ? 'unknown' : `${sats(a.fee)}${a.feeRate !== undefined ? `, ~${a.feeRate} sat/vB` : ''}`,
    'inputs to sign': toSign.join(', '),
    inputs: a.inputs.map((i) => ({
      index: i.index,
      outpoint: `${i.txid}:${i.vout}`,
      address: i.address ?? 'unknown script',
      value: i.value ?? 'unknown',
      yours: i.ours,
      sighash: i.sighashFlagged ? `${i.sighashName} (flagged)` : i.sighashName,
    })),
    outputs: a.outputs.map((o) => ({ index: o.index, address: o.address ?? `script ${o.script.slice(0, 40)}`, value: o.value, yours: o.ours })),
  };
}

function psbtWarnings(a: PsbtAnalysis): RiskWarning[] {
  return a.warnings.map((w) => ({ code: `BTC_${w.code}`, severity: w.code === 'SIGHASH_NOT_ALL' || w.code === 'UTXO_MISMATCH' ? 'danger' : 'warning', params: { input: w.input ?? '' } }));
}

class DryRun extends Error {}

/**
 * Validates a signing request without keys: toSignInputs must name only our inputs, in range, with
 * matching address/publicKey. Returns the input indexes that will be signed. Refusals happen here,
 * before any approval window opens.
 */
function checkSignable(psbt: string, wallet: PsbtWallet, opts: SignPsbtOptions, analysis: PsbtAnalysis): number[] {
  try {
    signPsbt(psbt, wallet, () => {
      throw new DryRun();
    }, opts);
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  if (opts.toSignInputs?.length) return [...new Set(opts.toSignInputs.map((t) => t.index))];
  return analysis.inputs.filter((i) => i.ours && !i.finalized).map((i) => i.index);
}

async function approveAndSignPsbt(ctx: DappContext, requestId: string, psbt: string, opts: SignPsbtOptions): Promise<{ hex: string; base64: string; complete: boolean }> {
  const { state, address } = await requirePermitted(ctx.origin);
  const wallet: PsbtWallet = { network: state.network, addresses: [address] };
  const analysis = await guard(() => analyzePsbt(psbt, wallet));
  const toSign = await guard(() => checkSignable(psbt, wallet, opts, analysis));
  await requestApproval({
    origin: ctx.origin,
    requestId,
    family: 'bitcoin',
    kind: 'signPsbt',
    display: psbtDisplay(analysis, address, state, toSign),
    warnings: [...psbtWarnings(analysis), ...insecureWarnings(ctx.origin)],
  });
  return guard(() => withBitcoinSigner(state.network, (s) => signPsbt(psbt, { network: state.network, addresses: [s.address] }, s.keys, opts)));
}

async function pushRaw(state: BitcoinState, hex: string, txid?: string): Promise<string> {
  return guard(async () => {
    const client = esploraFor(state);
    if (txid) return broadcastTransaction(client, { hex, txid });
    return client.broadcast(hex);
  });
}

async function pushPsbt(ctx: DappContext, psbt: string): Promise<string> {
  const { state } = await requirePermitted(ctx.origin);
  const tx = await guard(() => extractPsbtTransaction(psbt));
  return pushRaw(state, tx.hex, tx.txid);
}

// ---------------------------------------------------------------------------------------------
// Sending

async function sendBitcoin(ctx: DappContext, recipients: { address: string; amount: number }[], feeRateOpt: number | undefined): Promise<string> {
  const { state, address } = await requirePermitted(ctx.origin);
  const client = esploraFor(state);
  const plan = await guard(async () => {
    const utxos = await fetchWalletUtxos(client, [address]);
    const feeRate = feeRateOpt ?? (await fetchFeeRates(client)).normal;
    return planSend({ network: state.network, recipients, utxos, changeAddress: address, feeRate });
  });
  const to = recipients.map((r) => r.address).join(', ');
  await requestApproval({
    origin: ctx.origin,
    requestId: ctx.requestId,
    family: 'bitcoin',
    kind: 'sendBitcoin',
    display: {
      account: address.address,
      network: CHAIN_INFO[state.network].name,
      to,
      amount: sats(plan.amount),
      fee: sats(plan.fee),
      feeRate: `${plan.feeRate} sat/vB (effective ${plan.effectiveFeeRate})`,
      vsize: `${plan.vsize} vB`,
      change: sats(plan.change),
      inputs: plan.inputs.length,
      rbf: plan.rbf ? 'yes' : 'no',
    },
    warnings: insecureWarnings(ctx.origin),
  });
  const signed = await guard(() => withBitcoinSigner(state.network, (s) => signPlan(plan, s.keys)));
  const txid = await guard(() => broadcastTransaction(client, signed));
  await recordActivity({
    hash: txid,
    family: 'bitcoin',
    chainId: state.network,
    from: address.address,
    to: recipients[0]!.address,
    value: String(plan.amount),
    symbol: 'BTC',
    decimals: 8,
    origin: ctx.origin,
    explorer: null,
  });
  return txid;
}

function amountOf(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw invalidParams(`${what} must be a positive integer number of satoshis`);
  return v;
}

function feeRateOf(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw invalidParams('feeRate must be a positive number (sat/vB)');
  return v;
}

// ---------------------------------------------------------------------------------------------
// UniSat methods

async function handleUnisat(ctx: DappContext, method: string, params: unknown): Promise<unknown> {
  const a = args(params);
  switch (method) {
    case 'requestAccounts':
      return [(await connect(ctx)).address.address];
    case 'getAccounts':
      return accountsFor(ctx.origin);
    case 'disconnect':
      await disconnect(ctx.origin);
      return null;
    case 'getNetwork':
      return UNISAT_NETWORK[(await bitcoinState()).network];
    case 'getChain':
      return CHAIN_INFO[(await bitcoinState()).network];
    case 'switchNetwork': {
      const n = a[0];
      if (n !== 'livenet' && n !== 'testnet' && n !== 'regtest') throw invalidParams('network must be "livenet" or "testnet"');
      const target: DappBitcoinNetwork = n === 'livenet' ? 'mainnet' : n;
      await switchNetwork(ctx, target);
      return UNISAT_NETWORK[target];
    }
    case 'switchChain': {
      const e = a[0];
      const target = (Object.keys(CHAIN_INFO) as DappBitcoinNetwork[]).find((k) => CHAIN_INFO[k].enum === e);
      if (!target) throw invalidParams(`unsupported chain ${String(e).slice(0, 40)}`);
      await switchNetwork(ctx, target);
      return CHAIN_INFO[target];
    }
    case 'getPublicKey':
      return (await requirePermitted(ctx.origin)).address.publicKey;
    case 'getBalance': {
      const { state, address } = await requirePermitted(ctx.origin);
      return balance(state, address);
    }
    case 'getBalanceV2': {
      const { state, address } = await requirePermitted(ctx.origin);
      const b = await balance(state, address);
      return { available: b.confirmed, unavailable: b.unconfirmed, total: b.total };
    }
    case 'signMessage': {
      const message = typeof a[0] === 'string' && a[0].length <= MAX_MESSAGE_CHARS ? a[0] : undefined;
      if (message === undefined) throw invalidParams('message must be a string');
      const type = a[1] ?? 'ecdsa';
      if (type !== 'ecdsa' && type !== 'bip322-simple') throw invalidParams('type must be "ecdsa" or "bip322-simple"');
      // UniSat answers 'ecdsa' with the compressed-P2PKH header (31-34) whatever the address type;
      // bitcore-lib based verifiers reject the BIP-137 segwit headers.
      return (await signMessage(ctx, message, type, { headerStyle: 'p2pkh' })).signature;
    }
    case 'getInscriptions': {
      const page = inscriptionsPage(a[0], a[1]);
      await requirePermitted(ctx.origin);
      return page;
    }
    case 'signPsbt': {
      const psbt = str(a[0], 'psbtHex');
      return (await approveAndSignPsbt(ctx, ctx.requestId, psbt, signOptionsOf(a[1]))).hex;
    }
    case 'signPsbts': {
      const list = a[0];
      if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PSBTS) throw invalidParams(`psbtHexs must be an array of 1 … ${MAX_PSBTS} PSBTs`);
      const optsList = a[1] === undefined ? [] : a[1];
      if (!Array.isArray(optsList)) throw invalidParams('options must be an array');
      const psbts = list.map((p, i) => str(p, `psbtHexs[${i}]`));
      const opts = psbts.map((_, i) => signOptionsOf(optsList[i]));
      const out: string[] = [];
      // One review per PSBT, as UniSat does.
      for (let i = 0; i < psbts.length; i++) out.push((await approveAndSignPsbt(ctx, `${ctx.requestId}#${i}`, psbts[i]!, opts[i]!)).hex);
      return out;
    }
    case 'pushPsbt':
      return pushPsbt(ctx, str(a[0], 'psbtHex'));
    case 'pushTx': {
      const o = obj(a[0], 'options');
      const raw = str(o.rawtx, 'rawtx');
      if (!/^(?:[0-9a-fA-F]{2})+$/.test(raw)) throw invalidParams('rawtx must be hex');
      const { state } = await requirePermitted(ctx.origin);
      return pushRaw(state, raw.toLowerCase());
    }
    case 'sendBitcoin': {
      const to = str(a[0], 'toAddress', 200);
      const amount = amountOf(a[1], 'satoshis');
      const feeRate = feeRateOf(obj(a[2], 'options').feeRate);
      return sendBitcoin(ctx, [{ address: to, amount }], feeRate);
    }
  }
  throw unsupported(method);
}

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

async function handleWbip(ctx: DappContext, method: string, params: unknown): Promise<unknown> {
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

export const bitcoinHandler: FamilyHandler = {
  family: 'bitcoin',
  async handle(ctx, method, params) {
    if (method.startsWith('wbip:')) return handleWbip(ctx, method.slice(5), params);
    return handleUnisat(ctx, method, params);
  },
};
