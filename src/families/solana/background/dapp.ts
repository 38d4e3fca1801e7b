/**
 * The Solana family's dApp methods, one table on the shared dApp pipeline
 * (src/background/dapp/pipeline.ts enforces the grant, the lock, the connect prompt, the approval
 * window with the shared risk engine's warnings, the account-changed refusal and error mapping),
 * behind the Wallet Standard wallet of src/families/solana/inpage/provider.ts: connect (silent or with
 * approval), disconnect, state, signTransaction (one or many, one approval), signAndSendTransaction,
 * signMessage and signIn (SIWS). Bytes travel as base64. Decoding, simulation, SIWS and signing come
 * from src/families/solana/core. Malformed input, a transaction the wallet's key need not sign, a
 * chain other than the active cluster, an over-long message or a SIWS domain that is not the
 * requesting site are refused before any window opens.
 */
import { base64 } from '@scure/base';
import { MAX_SIGN_MESSAGE_BYTES, prepareSignMessage, signInWithSolana, signSolanaMessage } from '../core/sign';
import { prepareSignIn } from '../core/siws';
import type { DappCall, DappMethod, DappPrepared } from '../../types';
import { grantOf, revoke } from '../../../background/permissions';
import { ProviderError } from '../../../background/dapp/providerError';
import { currentSolanaAddress } from './state';
import { toApprovalWarnings } from './display';
import { accountOf, bytesOf, chainOf, checkAccount, guard, MAX_MESSAGE_BASE64, networkLabel, obj, type SolanaDappState } from './dappParams';
import { sendParams, signAndSendPrepared, signatureForPage, signTransactionsPrepared } from './dappTransactions';

/** A method's answer with no window to ask. */
const ready = (run: () => Promise<unknown>): DappPrepared => ({ run });
/** What `prepare` returns while the pipeline only validates a locked request: nothing runs. */
const VALIDATED: DappPrepared = { approval: null, run: async () => undefined };
/** Stands in for the account while only the sign-in's binding (domain, uri) is checked. */
const STAND_IN = '11111111111111111111111111111111';

/**
 * The page's view (Wallet Standard `state`, silent connect): the site's account when it is connected
 * — while locked, the account it was last told (the cached public address, else the one it was
 * granted) — and the active chain.
 */
async function siteState(call: DappCall): Promise<SolanaDappState> {
  const chain = chainOf(call);
  const g = await grantOf(call.origin, 'solana');
  if (!g) return { accounts: [], chain };
  // Unlocked (the pipeline's call has an address): the selected account, kept in the public address
  // cache; locked: that cache, else the granted account (both already disclosed to this site).
  const address = call.address ? await currentSolanaAddress() : await currentSolanaAddress().catch(() => g.accounts[0]);
  return { accounts: address ? [accountOf(address)] : [], chain };
}

function signInInput(params: unknown): unknown {
  return obj(params, 'params').input ?? {};
}

const connect: DappMethod = {
  gate: 'connect',
  check: (_origin, params) => void obj(params, 'params'),
  safeWhen: (params) => (params as { silent?: unknown } | null | undefined)?.silent === true,
  // A silent connect, `state` and `disconnect` answer before any wallet exists, as before the table.
  withoutAccount: true,
  connectDisplay: () => ({ permissions: 'See your Solana address and public key, and request approval for signatures and transactions' }),
  prepare: async (call, params) =>
    ready(async () => (obj(params, 'params').silent === true ? siteState(call) : { accounts: [accountOf(call.address)], chain: chainOf(call) })),
};

const disconnect: DappMethod = {
  gate: 'safe',
  withoutAccount: true,
  prepare: async (call) =>
    ready(async () => {
      await revoke(call.origin, 'solana');
      call.emit('accountsChanged', []);
      return null;
    }),
};

const signTransaction: DappMethod = {
  gate: 'approval',
  check: (_origin, params) => void obj(params, 'params'),
  prepare: (call, params) => signTransactionsPrepared(call, params),
};

const signAndSendTransaction: DappMethod = {
  gate: 'approval',
  check: (_origin, params) => void obj(params, 'params'),
  async prepare(call, params) {
    const { bytes, options } = await sendParams(call, params);
    if (call.validating) return VALIDATED;
    const { approval, run } = await signAndSendPrepared(call, bytes, options);
    return { approval, run: async () => ({ signature: signatureForPage(await run()) }) };
  },
};

const signMessage: DappMethod = {
  gate: 'approval',
  check(_origin, params) {
    const p = obj(params, 'params');
    if (typeof p.message === 'string' && p.message.length > MAX_MESSAGE_BASE64) {
      throw new ProviderError(-32602, `Invalid params: the message is larger than ${MAX_SIGN_MESSAGE_BYTES} bytes; at most ${MAX_SIGN_MESSAGE_BYTES} can be signed`, { reason: 'MESSAGE_TOO_LONG' });
    }
  },
  async prepare(call, params) {
    const p = obj(params, 'params');
    if (!call.validating) checkAccount(p.account, call.address);
    const message = bytesOf(p.message, 'message', MAX_MESSAGE_BASE64);
    if (call.validating) return VALIDATED;
    const req = await guard(() => prepareSignMessage(message, { origin: call.origin, address: call.address, chain: chainOf(call) }));
    const display: Record<string, unknown> = { account: call.address, network: networkLabel(call) };
    if (req.siws) display.type = 'Sign-In With Solana';
    if (req.display.kind === 'text') display.message = req.display.text;
    else display['message (hex)'] = `${req.display.hex} (${req.display.byteLength} bytes)`;
    return {
      approval: { kind: 'signMessage', display, warnings: toApprovalWarnings(req.warnings) },
      run: async () => {
        const r = await call.withKey(async (k) => signSolanaMessage(req.message, k.secretKey));
        return { signedMessage: base64.encode(r.signedMessage), signature: base64.encode(r.signature) };
      },
    };
  },
};

const signIn: DappMethod = {
  gate: 'approval',
  // Approving a sign-in connects the site (the pipeline grants it after the approval).
  connects: true,
  // The binding first: a foreign domain or uri is refused without unlocking or a window.
  async check(origin, params) {
    const input = signInInput(params);
    const named = (input as { address?: unknown }).address;
    await prepareSignIn(input, { origin, address: typeof named === 'string' ? named : STAND_IN });
  },
  async prepare(call, params) {
    const input = signInInput(params);
    if (call.validating) return VALIDATED;
    const ctxSiws = { origin: call.origin, address: call.address, chain: chainOf(call) };
    const prepared = await guard(() => prepareSignIn(input, ctxSiws));
    return {
      approval: {
        kind: 'signInSolana',
        display: { account: call.address, network: networkLabel(call), domain: prepared.fields.domain, message: prepared.text },
        warnings: toApprovalWarnings(prepared.warnings),
      },
      run: async () => {
        const r = await call.withKey(async (k) => signInWithSolana(input, ctxSiws, k.secretKey));
        return { account: accountOf(call.address), signedMessage: base64.encode(r.signedMessage), signature: base64.encode(r.signature) };
      },
    };
  },
};

export const SOLANA_DAPP: Readonly<Record<string, DappMethod>> = {
  connect,
  disconnect,
  state: { gate: 'safe', withoutAccount: true, prepare: async (call) => ready(() => siteState(call)) },
  signTransaction,
  signAndSendTransaction,
  signMessage,
  signIn,
};
