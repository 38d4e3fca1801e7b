/**
 * Shape check of the vault payload, on the way in (createVault / rewriteVault: INVALID_PAYLOAD)
 * and on the way out after decryption (CORRUPT_VAULT). Returns a fresh object holding exactly
 * the known fields; unknown keys are refused rather than silently dropped, so a field added
 * elsewhere without updating this check fails loudly instead of being lost on the next write.
 */
import { FAMILIES, type Family } from '../types';
import type { VaultPayload, VaultWallet } from './types';

const WALLET_BASE_KEYS = ['id', 'name', 'createdAt', 'kind'];
const MNEMONIC_KEYS = [...WALLET_BASE_KEYS, 'mnemonic', 'passphrase'];
const PRIVATE_KEY_KEYS = [...WALLET_BASE_KEYS, 'family', 'privateKey'];
export const MAX_WALLETS = 1000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasOnly(o: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function checkWallet(w: unknown): VaultWallet | null {
  if (!isRecord(w)) return null;
  const { id, name, createdAt, kind } = w;
  if (!nonEmpty(id) || typeof name !== 'string') return null;
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return null;
  if (kind === 'mnemonic') {
    if (!hasOnly(w, MNEMONIC_KEYS) || !nonEmpty(w.mnemonic)) return null;
    if (w.passphrase !== undefined && typeof w.passphrase !== 'string') return null;
    return w.passphrase === undefined
      ? { id, name, createdAt, kind, mnemonic: w.mnemonic }
      : { id, name, createdAt, kind, mnemonic: w.mnemonic, passphrase: w.passphrase };
  }
  if (kind === 'privateKey') {
    if (!hasOnly(w, PRIVATE_KEY_KEYS) || !nonEmpty(w.privateKey)) return null;
    if (typeof w.family !== 'string' || !(FAMILIES as readonly string[]).includes(w.family)) return null;
    return { id, name, createdAt, kind, family: w.family as Family, privateKey: w.privateKey };
  }
  return null;
}

/** Returns a validated copy, or null when the value is not a VaultPayload. */
export function checkPayload(input: unknown): VaultPayload | null {
  if (!isRecord(input) || !hasOnly(input, ['wallets']) || !Array.isArray(input.wallets)) return null;
  if (input.wallets.length > MAX_WALLETS) return null;
  const wallets: VaultWallet[] = [];
  const ids = new Set<string>();
  for (const w of input.wallets) {
    const checked = checkWallet(w);
    if (!checked || ids.has(checked.id)) return null;
    ids.add(checked.id);
    wallets.push(checked);
  }
  return { wallets };
}
