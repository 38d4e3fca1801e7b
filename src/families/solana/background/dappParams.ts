/**
 * What the Solana dApp methods check and how their failures read to a site: the params' shapes
 * (bytes travel as base64), the request's chain against the active cluster, the account it names
 * against the connected one, send options, and the mapping of core / RPC / wallet errors to
 * ProviderErrors (`mapError` of the family's background; the shared pipeline applies it).
 */
import { base58, base64 } from '@scure/base';
import { SolanaRpcError, SolanaWalletError } from '../core/errors';
import { chainOfCluster, isSolanaChain, type SolanaChain } from '../core/networks';
import { MAX_SIGN_MESSAGE_BYTES } from '../core/sign';
import type { Commitment, SendOptions } from '../core/rpc';
import type { FamilyContext } from '../../types';
import { WalletError } from '../../../background/errors';
import { errorGuard, invalidParams, optionalObject, ProviderError } from '../../../background/dapp/providerError';
import { networkIdOf } from '../../../background/families/modules';
import type { SolanaClusterId } from './state';

export const MAX_TRANSACTIONS = 20;
/** base64 of a transaction is ~1.65 KiB at most (1232 bytes); anything far larger is refused unparsed. */
export const MAX_TX_BASE64 = 8 * 1024;
export const MAX_MESSAGE_BASE64 = Math.ceil((MAX_SIGN_MESSAGE_BYTES + 1) / 3) * 4 + 8;

/** An account as the page's Wallet Standard wallet builds its WalletAccount from. */
export interface SolanaDappAccount {
  address: string;
  /** base64 of the 32-byte ed25519 public key. */
  publicKey: string;
}

export interface SolanaDappState {
  accounts: SolanaDappAccount[];
  chain: SolanaChain;
}

/** Core and RPC failures become dApp errors with their (key-free) message. */
export function asProviderError(err: unknown): unknown {
  if (err instanceof SolanaWalletError) return new ProviderError(err.providerCode, err.message, { reason: err.code });
  if (err instanceof WalletError) {
    // No Solana key in the selected wallet, locked…: a clear message, never key material.
    return new ProviderError(err.code === 'WRONG_FAMILY' || err.code === 'UNKNOWN_WALLET' ? 4100 : -32603, err.message, { reason: err.code });
  }
  if (err instanceof SolanaRpcError) return new ProviderError(-32603, `Solana RPC error: ${err.message.slice(0, 500)}`, err.code !== undefined ? { rpcCode: err.code } : undefined);
  return err;
}

/** For checks whose refusal must be a ProviderError at once (the pipeline's locked validation counts only -32602). */
export const guard = errorGuard(asProviderError);

export const obj = optionalObject;

export function bytesOf(v: unknown, what: string, maxBase64: number): Uint8Array {
  if (typeof v !== 'string' || v.length === 0) throw invalidParams(`${what} must be non-empty bytes`);
  if (v.length > maxBase64) throw invalidParams(`${what} is too large`);
  try {
    return base64.decode(v);
  } catch {
    throw invalidParams(`${what} is not valid base64`);
  }
}

export function accountOf(address: string): SolanaDappAccount {
  return { address, publicKey: base64.encode(base58.decode(address)) };
}

/** The cluster of the family's active network ('localnet'). */
export const clusterOf = (ctx: Pick<FamilyContext, 'network'>): SolanaClusterId => networkIdOf(ctx.network.ref) as SolanaClusterId;

/** The Wallet Standard chain of the active network ('solana:mainnet' for mainnet-beta). */
export const chainOf = (ctx: Pick<FamilyContext, 'network'>): SolanaChain => chainOfCluster(clusterOf(ctx));

/** The network as the approval window names it: 'Solana Localnet (solana:localnet)'. */
export const networkLabel = (ctx: Pick<FamilyContext, 'network'>): string => `${ctx.network.name} (${chainOf(ctx)})`;

/** The request's chain must be the active cluster's (absent = the active one). */
export function checkChain(chain: unknown, active: SolanaChain): void {
  if (chain === undefined || chain === null) return;
  if (!isSolanaChain(chain)) throw invalidParams(`unsupported chain ${JSON.stringify(String(chain).slice(0, 40))}; this wallet serves solana:mainnet, solana:devnet, solana:testnet and solana:localnet`);
  if (chain !== active) throw new ProviderError(-32602, `Invalid params: the request is for ${chain} but the wallet is on ${active}. Switch the wallet's Solana network first.`, { reason: 'CHAIN_MISMATCH', active });
}

/** The account named by the request must be the connected one. */
export function checkAccount(v: unknown, address: string): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'string') throw invalidParams('account must be an address');
  if (v !== address) throw new ProviderError(4100, `The account ${v.slice(0, 60)} is not the connected account.`);
}

const COMMITMENTS: readonly string[] = ['processed', 'confirmed', 'finalized'];

export function sendOptionsOf(v: unknown): SendOptions {
  const o = obj(v, 'options');
  const out: SendOptions = {};
  if (o.skipPreflight !== undefined) out.skipPreflight = o.skipPreflight === true;
  const pc = o.preflightCommitment ?? o.commitment;
  if (pc !== undefined) {
    if (typeof pc !== 'string' || !COMMITMENTS.includes(pc)) throw invalidParams('commitment must be processed, confirmed or finalized');
    out.preflightCommitment = pc as Commitment;
  }
  if (o.maxRetries !== undefined) {
    if (typeof o.maxRetries !== 'number' || !Number.isSafeInteger(o.maxRetries) || o.maxRetries < 0) throw invalidParams('maxRetries must be a non-negative integer');
    out.maxRetries = o.maxRetries;
  }
  if (o.minContextSlot !== undefined) {
    if (typeof o.minContextSlot !== 'number' || !Number.isSafeInteger(o.minContextSlot) || o.minContextSlot < 0) throw invalidParams('minContextSlot must be a non-negative integer');
    out.minContextSlot = o.minContextSlot;
  }
  return out;
}
