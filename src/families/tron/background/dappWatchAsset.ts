/**
 * TronLink's `wallet_watchAsset` (tronWeb.request / window.tron.request) for TRC-20 tokens:
 * `{ type: 'trc20', options: { address } }`. The token's symbol and decimals are read from the
 * contract (a contract that does not answer like a TRC-20 is refused before any window; a dApp
 * stating other decimals is refused too, since amounts would be shown wrong), the user approves,
 * and the token joins the popup's watched tokens on the active TRON network.
 */
import { readTrc20Metadata } from '../core/transaction';
import { checkTronAddress } from '../core/addressInput';
import type { DappMethod } from '../../types';
import { resolvedTronState, tronApiFor, watchTronToken } from './state';
import { WalletError } from '../../../background/errors';
import { invalidParams, ProviderError } from '../../../background/dapp/providerError';
import { guard, NETWORK_NAMES } from './dappUtil';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads `{ type, options: { address, symbol?, decimals? } }` (also wrapped in a one-element array). */
function readParams(params: unknown): { contract: string; symbol?: string; decimals?: number } {
  const p = Array.isArray(params) && params.length === 1 ? params[0] : params;
  if (!isObject(p) || !isObject(p.options)) throw invalidParams('wallet_watchAsset expects { type: "trc20", options: { address } }');
  const type = typeof p.type === 'string' ? p.type.toLowerCase() : '';
  if (type !== 'trc20') throw invalidParams(`asset type ${JSON.stringify(String(p.type).slice(0, 20))} is not supported (only "trc20")`);
  const o = p.options;
  const c = typeof o.address === 'string' ? checkTronAddress(o.address, { acceptHex: true }) : undefined;
  if (!c?.ok) throw invalidParams(`options.address is not a TRON contract address${c && !c.ok ? `: ${c.message}` : ''}`);
  if (o.decimals !== undefined && (typeof o.decimals !== 'number' || !Number.isInteger(o.decimals) || o.decimals < 0 || o.decimals > 36)) throw invalidParams('options.decimals must be an integer from 0 to 36');
  if (o.symbol !== undefined && typeof o.symbol !== 'string') throw invalidParams('options.symbol must be a string');
  return { contract: c.address, ...(typeof o.symbol === 'string' ? { symbol: o.symbol } : {}), ...(typeof o.decimals === 'number' ? { decimals: o.decimals } : {}) };
}

export const watchTrc20: DappMethod = {
  gate: 'approval',
  async prepare(call, params) {
    const asked = readParams(params);
    const state = await resolvedTronState();
    const meta = await guard(() => readTrc20Metadata(tronApiFor(state), call.address, asked.contract));
    if (asked.decimals !== undefined && asked.decimals !== meta.decimals) throw invalidParams(`the contract reports ${meta.decimals} decimals, not ${asked.decimals}`);
    return {
      approval: {
        kind: 'watchAsset',
        display: { token: asked.contract, symbol: meta.symbol, decimals: meta.decimals, network: NETWORK_NAMES[state.network], ...(asked.symbol !== undefined && asked.symbol !== meta.symbol ? { 'symbol the site gave': asked.symbol.slice(0, 40) } : {}) },
      },
      async run() {
        try {
          await watchTronToken(state.network, { address: asked.contract, symbol: meta.symbol, decimals: meta.decimals });
        } catch (err) {
          // The watch list is full (50 per network): say so rather than "Internal error".
          if (err instanceof WalletError) throw new ProviderError(-32603, err.message, { reason: err.code });
          throw err;
        }
        return true;
      },
    };
  },
};
