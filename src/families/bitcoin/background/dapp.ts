/**
 * The Bitcoin family's dApp handler: UniSat-style methods (window.unisat) and the sats-connect
 * WBIP004 methods (prefixed 'wbip:' by the inpage provider, which wraps results in JSON-RPC
 * envelopes). PSBT analysis/signing, message signing and send planning come from
 * src/families/bitcoin/core; this module adds permissions, the active network, the approval and
 * the keys. Only the wallet's own inputs are ever signed; a request naming a foreign input is
 * refused before any window opens.
 */
import type { FamilyHandler } from '../../../background/dapp/router';
import { handleUnisat } from './dappUnisat';
import { handleWbip } from './dappWbip';

export const bitcoinHandler: FamilyHandler = {
  family: 'bitcoin',
  async handle(ctx, method, params) {
    if (method.startsWith('wbip:')) return handleWbip(ctx, method.slice(5), params);
    return handleUnisat(ctx, method, params);
  },
};
