/** The UniSat-style methods (window.unisat). */
import { bitcoinState, type DappBitcoinNetwork } from './state';
import type { DappContext } from '../../../background/dapp/router';
import { inscriptionsPage } from './inscriptions';
import { invalidParams, unsupported } from '../../../background/dapp/providerError';
import { MAX_MESSAGE_CHARS, MAX_PSBTS, UNISAT_NETWORK, CHAIN_INFO, args, obj, str, signOptionsOf, accountsFor, requirePermitted, connect, disconnect, switchNetwork, balance, signMessage } from './dappCommon';
import { approveAndSignPsbt, pushRaw, pushPsbt, sendBitcoin, amountOf, feeRateOf } from './dappPsbt';

// UniSat methods

export async function handleUnisat(ctx: DappContext, method: string, params: unknown): Promise<unknown> {
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
