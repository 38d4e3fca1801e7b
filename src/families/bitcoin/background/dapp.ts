/**
 * The Bitcoin family's dApp methods, one table on the shared dApp pipeline
 * (src/background/dapp/pipeline.ts enforces lock, grant, connect prompt, approval window, risk
 * and error mapping): the UniSat-style methods (window.unisat) and the sats-connect WBIP004
 * methods (prefixed 'wbip:' by the inpage provider, which wraps results in JSON-RPC envelopes).
 * PSBT analysis/signing, message signing and send planning come from src/families/bitcoin/core.
 * Only the wallet's own inputs are ever signed; a request naming a foreign input is refused in
 * `prepare`, before any window opens.
 */
import type { DappMethod } from '../../types';
import { UNISAT_DAPP } from './dappUnisat';
import { WBIP_DAPP } from './dappWbip';

export const BITCOIN_DAPP: Readonly<Record<string, DappMethod>> = { ...UNISAT_DAPP, ...WBIP_DAPP };
