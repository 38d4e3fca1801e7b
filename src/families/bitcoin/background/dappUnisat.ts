/**
 * The UniSat-style methods (window.unisat) as a method table on the shared dApp pipeline
 * (src/background/dapp/pipeline.ts: lock, grant, connect prompt, approval window, risk, errors).
 * Params arrive as UniSat's positional arguments; every check runs in `prepare`, before any window.
 */
import type { DappMethod } from '../../types';
import { bitcoinState, type DappBitcoinNetwork } from './state';
import { inscriptionsPage } from './inscriptions';
import { invalidParams } from '../../../background/dapp/providerError';
import { MAX_MESSAGE_CHARS, MAX_PSBTS, UNISAT_NETWORK, CHAIN_INFO, args, obj, ready, str, signOptionsOf, siteAccount, connectDisplay, disconnect, switchPrepared, balance, messagePrepared } from './dappCommon';
import { psbtPrepared, type PsbtPrepared, pushRaw, pushPsbt, sendPrepared, amountOf, feeRateOf } from './dappPsbt';

export const UNISAT_DAPP: Readonly<Record<string, DappMethod>> = {
  requestAccounts: { gate: 'connect', connectDisplay: () => connectDisplay(), prepare: async (call) => ready(async () => [call.address]) },
  // A site that is not connected (or asks while the wallet is locked) gets no account.
  getAccounts: { gate: 'account', stranger: [], prepare: async (call) => ready(async () => [call.address]) },
  disconnect: { gate: 'safe', prepare: async (call) => ready(() => disconnect(call)) },
  getNetwork: { gate: 'safe', prepare: async () => ready(async () => UNISAT_NETWORK[(await bitcoinState()).network]) },
  getChain: { gate: 'safe', prepare: async () => ready(async () => CHAIN_INFO[(await bitcoinState()).network]) },
  switchNetwork: {
    gate: 'approval',
    async prepare(_call, params) {
      const n = args(params)[0];
      if (n !== 'livenet' && n !== 'testnet' && n !== 'regtest') throw invalidParams('network must be "livenet" or "testnet"');
      const target: DappBitcoinNetwork = n === 'livenet' ? 'mainnet' : n;
      return switchPrepared(target, UNISAT_NETWORK[target]);
    },
  },
  switchChain: {
    gate: 'approval',
    async prepare(_call, params) {
      const e = args(params)[0];
      const target = (Object.keys(CHAIN_INFO) as DappBitcoinNetwork[]).find((k) => CHAIN_INFO[k].enum === e);
      if (!target) throw invalidParams(`unsupported chain ${String(e).slice(0, 40)}`);
      return switchPrepared(target, CHAIN_INFO[target]);
    },
  },
  getPublicKey: { gate: 'account', prepare: async () => ready(async () => (await siteAccount()).address.publicKey) },
  getBalance: {
    gate: 'account',
    prepare: async () =>
      ready(async () => {
        const { state, address } = await siteAccount();
        return balance(state, address);
      }),
  },
  getBalanceV2: {
    gate: 'account',
    prepare: async () =>
      ready(async () => {
        const { state, address } = await siteAccount();
        const b = await balance(state, address);
        return { available: b.confirmed, unavailable: b.unconfirmed, total: b.total };
      }),
  },
  signMessage: {
    gate: 'approval',
    async prepare(call, params) {
      const a = args(params);
      const message = typeof a[0] === 'string' && a[0].length <= MAX_MESSAGE_CHARS ? a[0] : undefined;
      if (message === undefined) throw invalidParams('message must be a string');
      const type = a[1] ?? 'ecdsa';
      if (type !== 'ecdsa' && type !== 'bip322-simple') throw invalidParams('type must be "ecdsa" or "bip322-simple"');
      // UniSat answers 'ecdsa' with the compressed-P2PKH header (31-34) whatever the address type;
      // bitcore-lib based verifiers reject the BIP-137 segwit headers.
      const m = await messagePrepared(call, message, type, { headerStyle: 'p2pkh' });
      return { approval: m.approval, run: async () => (await m.sign()).signature };
    },
  },
  getInscriptions: {
    gate: 'account',
    async prepare(_call, params) {
      const a = args(params);
      const page = inscriptionsPage(a[0], a[1]);
      return ready(async () => page);
    },
  },
  signPsbt: {
    gate: 'approval',
    async prepare(call, params) {
      const a = args(params);
      const p = await psbtPrepared(call, str(a[0], 'psbtHex'), signOptionsOf(a[1]));
      return { approval: p.approval, run: async () => (await p.sign()).hex };
    },
  },
  signPsbts: {
    gate: 'approval',
    async prepare(call, params) {
      const a = args(params);
      const list = a[0];
      if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PSBTS) throw invalidParams(`psbtHexs must be an array of 1 … ${MAX_PSBTS} PSBTs`);
      const optsList = a[1] === undefined ? [] : a[1];
      if (!Array.isArray(optsList)) throw invalidParams('options must be an array');
      const psbts = list.map((p, i) => str(p, `psbtHexs[${i}]`));
      const opts = psbts.map((_, i) => signOptionsOf(optsList[i]));
      const prepared: PsbtPrepared[] = [];
      for (let i = 0; i < psbts.length; i++) prepared.push(await psbtPrepared(call, psbts[i]!, opts[i]!));
      // One review per PSBT, as UniSat does; signed only when every one was approved.
      return {
        approvals: prepared.map((p) => p.approval),
        run: async () => {
          const out: string[] = [];
          for (const p of prepared) out.push((await p.sign()).hex);
          return out;
        },
      };
    },
  },
  pushPsbt: {
    gate: 'account',
    async prepare(_call, params) {
      const psbt = str(args(params)[0], 'psbtHex');
      return ready(() => pushPsbt(psbt));
    },
  },
  pushTx: {
    gate: 'account',
    async prepare(_call, params) {
      const raw = str(obj(args(params)[0], 'options').rawtx, 'rawtx');
      if (!/^(?:[0-9a-fA-F]{2})+$/.test(raw)) throw invalidParams('rawtx must be hex');
      return ready(async () => pushRaw((await siteAccount()).state, raw.toLowerCase()));
    },
  },
  sendBitcoin: {
    gate: 'approval',
    async prepare(call, params) {
      const a = args(params);
      const to = str(a[0], 'toAddress', 200);
      const amount = amountOf(a[1], 'satoshis');
      const feeRate = feeRateOf(obj(a[2], 'options').feeRate);
      return sendPrepared(call, [{ address: to, amount }], feeRate);
    },
  },
};
