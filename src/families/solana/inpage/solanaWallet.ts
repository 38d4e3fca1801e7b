/**
 * The Solana provider for dApps: a Wallet Standard wallet (registerWallet, provider-standards §2)
 * with standard:connect / disconnect / events and solana:signTransaction, signAndSendTransaction,
 * signMessage and signIn. It is a thin proxy: transactions and messages travel to the background as
 * base64 and come back the same way; no Solana SDK is loaded in the page and every decision and
 * signature happens in the background. Accounts stay empty until connect succeeds for this origin.
 * Built on the page's first read of the registered wallet's features or accounts
 * (provider.ts registers a stand-in at document_start; lazy.ts).
 */
import type { IdentifierArray, IdentifierString, Wallet, WalletAccount } from '@wallet-standard/base';
import type { StandardEventsListeners, StandardEventsNames } from '@wallet-standard/features';
import type {
  SolanaSignAndSendTransactionInput,
  SolanaSignAndSendTransactionOutput,
  SolanaSignInInput,
  SolanaSignInOutput,
  SolanaSignMessageInput,
  SolanaSignMessageOutput,
  SolanaSignTransactionInput,
  SolanaSignTransactionOutput,
} from '@solana/wallet-standard-features';
import { request, onEvent, ProviderRpcError } from '../../../inpage/bridge';
import type { StandardWalletParts } from '../../../inpage/lazy';
import { CHAINS, FEATURES } from './chains';

const ACCOUNT_FEATURES = ['solana:signAndSendTransaction', 'solana:signTransaction', 'solana:signMessage', 'solana:signIn'] as const;
const MAX_MESSAGE_BYTES = 64 * 1024;

interface AccountData {
  address: string;
  publicKey: string;
}
interface StateData {
  accounts: AccountData[];
  chain: IdentifierString;
}

const b64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const unb64 = (text: unknown): Uint8Array => Uint8Array.from(atob(String(text)), (c) => c.charCodeAt(0));
const invalid = (why: string): ProviderRpcError => new ProviderRpcError({ code: -32602, message: `Invalid params: ${why}` });

function bytesIn(v: unknown, what: string): Uint8Array {
  if (!(v instanceof Uint8Array)) throw invalid(`${what} must be a Uint8Array`);
  return v;
}

class Account implements WalletAccount {
  readonly address: string;
  readonly publicKey: Uint8Array;
  readonly chains: IdentifierArray;
  readonly features: IdentifierArray = ACCOUNT_FEATURES;
  constructor(a: AccountData, chain: IdentifierString) {
    this.address = a.address;
    this.publicKey = unb64(a.publicKey);
    this.chains = [chain];
    Object.freeze(this);
  }
}

/** The real wallet behind the registered stand-in (provider.ts), which carries version, name, icon and chains. */
export class SolanaWallet implements StandardWalletParts {
  #accounts: Account[] = [];
  #listeners: StandardEventsListeners['change'][] = [];

  get accounts(): readonly WalletAccount[] {
    return this.#accounts.slice();
  }

  get features(): Wallet['features'] {
    const f = FEATURES;
    return {
      'standard:connect': { ...f['standard:connect'].early, connect: this.#connect },
      'standard:disconnect': { ...f['standard:disconnect'].early, disconnect: this.#disconnect },
      'standard:events': { ...f['standard:events'].early, on: this.#on },
      'solana:signTransaction': { ...f['solana:signTransaction'].early, signTransaction: this.#signTransaction },
      'solana:signAndSendTransaction': { ...f['solana:signAndSendTransaction'].early, signAndSendTransaction: this.#signAndSendTransaction },
      'solana:signMessage': { ...f['solana:signMessage'].early, signMessage: this.#signMessage },
      'solana:signIn': { ...f['solana:signIn'].early, signIn: this.#signIn },
    };
  }

  constructor() {
    onEvent('solana', (event, data) => {
      if (event === 'accountsChanged' && Array.isArray(data) && data.length === 0) this.#set({ accounts: [], chain: CHAINS[0] });
      // Anything else: ask for this origin's state (accounts only when it is connected).
      else if (event === 'accountsChanged' || event === 'chainChanged') void (request('solana', 'state') as Promise<StateData>).then((s) => this.#set(s, true), () => undefined);
    });
  }

  /** Replaces the accounts; `onlyIfConnected` ignores state updates before this page connected. */
  #set(s: StateData, onlyIfConnected = false): void {
    if (onlyIfConnected && this.#accounts.length === 0) return;
    const next = s.accounts.map((a) => new Account(a, s.chain));
    const key = (l: Account[]): string => l.map((a) => `${a.address}@${a.chains.join()}`).join();
    if (key(next) === key(this.#accounts)) return;
    this.#accounts = next;
    for (const l of this.#listeners.slice()) {
      try {
        l({ accounts: this.accounts });
      } catch (err) {
        setTimeout(() => {
          throw err;
        });
      }
    }
  }

  #account(a: WalletAccount | undefined): string {
    const address = a?.address;
    if (!this.#accounts.some((x) => x.address === address)) throw new ProviderRpcError({ code: 4100, message: 'The account is not connected.' });
    return address!;
  }

  #on = <E extends StandardEventsNames>(event: E, listener: StandardEventsListeners[E]): (() => void) => {
    if (event !== 'change' || typeof listener !== 'function') return () => undefined;
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  };

  #connect = async (input?: { silent?: boolean }): Promise<{ accounts: readonly WalletAccount[] }> => {
    const s = (await request('solana', 'connect', { silent: input?.silent === true })) as StateData;
    this.#set(s);
    return { accounts: this.accounts };
  };

  #disconnect = async (): Promise<void> => {
    await request('solana', 'disconnect');
    this.#set({ accounts: [], chain: CHAINS[0] });
  };

  #signTransaction = async (...inputs: readonly SolanaSignTransactionInput[]): Promise<readonly SolanaSignTransactionOutput[]> => {
    if (inputs.length === 0) return [];
    const transactions = inputs.map((i) => ({ account: this.#account(i?.account), transaction: b64(bytesIn(i.transaction, 'transaction')), ...(i.chain !== undefined ? { chain: i.chain } : {}) }));
    const r = (await request('solana', 'signTransaction', { transactions })) as { signedTransactions: string[] };
    return r.signedTransactions.map((t) => ({ signedTransaction: unb64(t) }));
  };

  #signAndSendTransaction = async (...inputs: readonly SolanaSignAndSendTransactionInput[]): Promise<readonly SolanaSignAndSendTransactionOutput[]> => {
    const out: SolanaSignAndSendTransactionOutput[] = [];
    for (const i of inputs) {
      const params = { account: this.#account(i?.account), transaction: b64(bytesIn(i.transaction, 'transaction')), chain: i.chain, options: i.options ?? {} };
      const r = (await request('solana', 'signAndSendTransaction', params)) as { signature: string };
      out.push({ signature: unb64(r.signature) });
    }
    return out;
  };

  #signMessage = async (...inputs: readonly SolanaSignMessageInput[]): Promise<readonly SolanaSignMessageOutput[]> => {
    const out: SolanaSignMessageOutput[] = [];
    for (const i of inputs) {
      const account = this.#account(i?.account);
      const message = bytesIn(i.message, 'message');
      if (message.length > MAX_MESSAGE_BYTES) throw invalid(`the message is ${message.length} bytes; at most ${MAX_MESSAGE_BYTES} can be signed`);
      const r = (await request('solana', 'signMessage', { account, message: b64(message) })) as { signedMessage: string; signature: string };
      out.push({ signedMessage: unb64(r.signedMessage), signature: unb64(r.signature), signatureType: 'ed25519' });
    }
    return out;
  };

  #signIn = async (...inputs: readonly SolanaSignInInput[]): Promise<readonly SolanaSignInOutput[]> => {
    const out: SolanaSignInOutput[] = [];
    for (const input of inputs.length ? inputs : [{}]) {
      const r = (await request('solana', 'signIn', { input: input ?? {} })) as { account: AccountData; signedMessage: string; signature: string };
      const chain = this.#accounts[0]?.chains[0] ?? ((await request('solana', 'state')) as StateData).chain;
      if (!this.#accounts.some((a) => a.address === r.account.address)) this.#set({ accounts: [r.account], chain });
      const account = this.#accounts.find((a) => a.address === r.account.address) ?? new Account(r.account, chain);
      out.push({ account, signedMessage: unb64(r.signedMessage), signature: unb64(r.signature), signatureType: 'ed25519' });
    }
    return out;
  };
}
