/**
 * BIP32 account-level keys for gap-limit Bitcoin wallets: the account node
 * m/purpose'/coin'/account' (purpose by scheme as in networks.ts, coin 0 on mainnet and 1
 * elsewhere) with its receive (0) and change (1) chains. keys.ts derives "account i" as
 * m/purpose'/coin'/0'/0/i, which is this module's account 0, receive chain, index i.
 *
 * Scanning needs only the public account node (xpub); secrets leave an account only through a
 * SecretKeyProvider, which checks every key against the public key the caller expects.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey, type Versions } from '@scure/bip32';
import { p2pkh, p2sh, p2tr, p2wpkh } from '@scure/btc-signer';
import { bytesToHex, equalBytes, hexToBytes } from '../../../core/derive/bytes.ts';
import { mnemonicToSeed } from '../../../core/derive/mnemonic.ts';
import { BitcoinError } from './errors.ts';
import { PURPOSE, btcNetwork, isBitcoinScheme, type BitcoinScheme } from './networks.ts';
import { isBitcoinNetwork, type BitcoinNetworkName } from './script.ts';

/** BIP44 chain: 0 receive (external), 1 change (internal). */
export type AddressChain = 0 | 1;

/** One wallet address with everything a signer or a PSBT matcher needs. */
export interface WalletAddress {
  address: string;
  scheme: BitcoinScheme;
  network: BitcoinNetworkName;
  /** BIP44 account number (0 for an imported key). */
  account: number;
  chain: AddressChain;
  index: number;
  /** Full derivation path, or 'imported'. */
  path: string;
  /** 33-byte compressed public key, hex (for p2tr: the untweaked internal key's compressed form). */
  publicKey: string;
  /** scriptPubKey, hex. */
  script: string;
}

export interface BitcoinAccount {
  readonly network: BitcoinNetworkName;
  readonly scheme: BitcoinScheme;
  readonly account: number;
  /** m/purpose'/coin'/account' */
  readonly path: string;
  /** Account-level extended public key (xpub on mainnet, tpub elsewhere; no SLIP-132 prefixes). */
  readonly xpub: string;
  address(chain: AddressChain, index: number): WalletAddress;
}

export interface BitcoinSigningAccount extends BitcoinAccount {
  /** A fresh copy of the secret key at chain/index; the caller wipes it after use. */
  secretKey(chain: AddressChain, index: number): Uint8Array;
  /** Overwrites the account node's secret; the account is unusable for signing afterwards. */
  wipe(): void;
}

/** Returns the secret key for one of the wallet's addresses (a copy the caller may wipe). */
export type SecretKeyProvider = (address: WalletAddress) => Uint8Array;

export interface BitcoinAccountOptions {
  network: string;
  scheme: BitcoinScheme | string;
  /** BIP44 account number, default 0. */
  account?: number;
}

const MAX_INDEX = 0x7fffffff;
const TEST_VERSIONS: Versions = { private: 0x04358394, public: 0x043587cf };
const MAIN_VERSIONS: Versions = { private: 0x0488ade4, public: 0x0488b21e };

function versionsFor(network: BitcoinNetworkName): Versions {
  return network === 'mainnet' ? MAIN_VERSIONS : TEST_VERSIONS;
}

function checkOptions(opts: BitcoinAccountOptions): { network: BitcoinNetworkName; scheme: BitcoinScheme; account: number } {
  if (!isBitcoinNetwork(opts.network)) throw new BitcoinError('INVALID_PLAN', `Unknown Bitcoin network "${opts.network}"`);
  if (!isBitcoinScheme(opts.scheme)) throw new BitcoinError('UNSUPPORTED_SCHEME', `Unknown Bitcoin address scheme "${opts.scheme}"`);
  const account = opts.account ?? 0;
  if (!Number.isInteger(account) || account < 0 || account > MAX_INDEX) throw new BitcoinError('INVALID_PLAN', 'Account must be an integer 0 … 2^31-1');
  return { network: opts.network, scheme: opts.scheme, account };
}

/** m/purpose'/coin'/account' for a scheme and network. */
export function bitcoinAccountPath(scheme: BitcoinScheme, network: string, account: number): string {
  return `m/${PURPOSE[scheme]}'/${network === 'mainnet' ? 0 : 1}'/${account}'`;
}

/** The scriptPubKey of a compressed public key under a scheme (p2tr: BIP86, no script tree). */
export function schemeScript(publicKey: Uint8Array, scheme: BitcoinScheme, network: string): { address: string; script: Uint8Array } {
  const net = btcNetwork(network);
  let out: { address?: string; script: Uint8Array };
  switch (scheme) {
    case 'p2wpkh':
      out = p2wpkh(publicKey, net);
      break;
    case 'p2tr':
      out = p2tr(publicKey.subarray(1), undefined, net);
      break;
    case 'p2sh-p2wpkh':
      out = p2sh(p2wpkh(publicKey, net), net);
      break;
    case 'p2pkh':
      out = p2pkh(publicKey, net);
      break;
  }
  if (!out.address) throw new BitcoinError('UNSUPPORTED_SCHEME', 'Could not encode the Bitcoin address');
  return { address: out.address, script: out.script };
}

function makeAddress(
  publicKey: Uint8Array,
  o: { network: BitcoinNetworkName; scheme: BitcoinScheme; account: number },
  chain: AddressChain,
  index: number,
  path: string,
): WalletAddress {
  const { address, script } = schemeScript(publicKey, o.scheme, o.network);
  return {
    address,
    scheme: o.scheme,
    network: o.network,
    account: o.account,
    chain,
    index,
    path,
    publicKey: bytesToHex(publicKey),
    script: bytesToHex(script),
  };
}

function checkChainIndex(chain: number, index: number): void {
  if (chain !== 0 && chain !== 1) throw new BitcoinError('INVALID_PLAN', 'Chain must be 0 (receive) or 1 (change)');
  if (!Number.isInteger(index) || index < 0 || index > MAX_INDEX) throw new BitcoinError('INVALID_PLAN', 'Address index must be an integer 0 … 2^31-1');
}

function accountOver(node: HDKey, o: { network: BitcoinNetworkName; scheme: BitcoinScheme; account: number }): BitcoinAccount {
  const path = bitcoinAccountPath(o.scheme, o.network, o.account);
  const publicNode = HDKey.fromExtendedKey(node.publicExtendedKey, versionsFor(o.network));
  const chains = [publicNode.deriveChild(0), publicNode.deriveChild(1)] as const;
  const cache = new Map<string, WalletAddress>();
  return {
    network: o.network,
    scheme: o.scheme,
    account: o.account,
    path,
    xpub: publicNode.publicExtendedKey,
    address(chain: AddressChain, index: number): WalletAddress {
      checkChainIndex(chain, index);
      const key = `${chain}/${index}`;
      const hit = cache.get(key);
      if (hit) return { ...hit };
      const child = chains[chain].deriveChild(index);
      if (!child.publicKey) throw new BitcoinError('INVALID_PLAN', 'Derived key has no public key');
      const wa = makeAddress(child.publicKey, o, chain, index, `${path}/${chain}/${index}`);
      cache.set(key, wa);
      return { ...wa };
    },
  };
}

/** Signing account from a 64-byte BIP39 seed. */
export function bitcoinAccountFromSeed(seed: Uint8Array, opts: BitcoinAccountOptions): BitcoinSigningAccount {
  const o = checkOptions(opts);
  const master = HDKey.fromMasterSeed(seed, versionsFor(o.network));
  const node = master.derive(bitcoinAccountPath(o.scheme, o.network, o.account));
  master.wipePrivateData();
  const pub = accountOver(node, o);
  let wiped = false;
  return {
    ...pub,
    secretKey(chain: AddressChain, index: number): Uint8Array {
      if (wiped) throw new BitcoinError('KEY_MISMATCH', 'This Bitcoin account was wiped');
      checkChainIndex(chain, index);
      const child = node.deriveChild(chain).deriveChild(index);
      if (!child.privateKey) throw new BitcoinError('KEY_MISMATCH', 'Derived key has no private key');
      const copy = child.privateKey.slice();
      child.wipePrivateData();
      return copy;
    },
    wipe(): void {
      wiped = true;
      node.wipePrivateData();
    },
  };
}

/** Signing account from a BIP39 mnemonic (+ optional passphrase). */
export function bitcoinAccountFromMnemonic(mnemonic: string, passphrase: string | undefined, opts: BitcoinAccountOptions): BitcoinSigningAccount {
  const seed = mnemonicToSeed(mnemonic, passphrase);
  try {
    return bitcoinAccountFromSeed(seed, opts);
  } finally {
    seed.fill(0);
  }
}

/** Watch-only account from an account-level xpub/tpub (enough for scanning and building sends). */
export function bitcoinAccountFromXpub(xpub: string, opts: BitcoinAccountOptions): BitcoinAccount {
  const o = checkOptions(opts);
  let node: HDKey;
  try {
    node = HDKey.fromExtendedKey(xpub.trim(), versionsFor(o.network));
  } catch {
    throw new BitcoinError('INVALID_PLAN', `Not a valid ${o.network === 'mainnet' ? 'xpub' : 'tpub'} extended public key`);
  }
  if (node.privateKey) throw new BitcoinError('INVALID_PLAN', 'Expected an extended public key, not a private one');
  return accountOver(node, o);
}

/** WalletAddress of a single imported key (path 'imported', account 0, receive index 0). */
export function importedWalletAddress(secretOrPublicKey: Uint8Array, scheme: BitcoinScheme, network: string): WalletAddress {
  const o = checkOptions({ network, scheme });
  const pub = secretOrPublicKey.length === 32 ? secp256k1.getPublicKey(secretOrPublicKey, true) : secretOrPublicKey;
  if (pub.length !== 33) throw new BitcoinError('KEY_MISMATCH', 'Expected a 32-byte secret or a 33-byte compressed public key');
  return makeAddress(pub, o, 0, 0, 'imported');
}

/**
 * A key provider over HD accounts and imported secrets. Every key handed out is checked against
 * the address's public key, so a stale or forged WalletAddress can never make us sign with the
 * wrong key; unknown addresses throw KEY_MISMATCH.
 */
export function secretKeyProvider(accounts: readonly BitcoinSigningAccount[], importedSecrets: readonly Uint8Array[] = []): SecretKeyProvider {
  return (wa: WalletAddress): Uint8Array => {
    const expected = hexToBytes(wa.publicKey);
    let candidate: Uint8Array | undefined;
    if (wa.path === 'imported') {
      const hit = importedSecrets.find((s) => equalBytes(secp256k1.getPublicKey(s, true), expected));
      candidate = hit?.slice();
    } else {
      const acct = accounts.find((a) => a.scheme === wa.scheme && a.account === wa.account && a.network === wa.network);
      candidate = acct?.secretKey(wa.chain, wa.index);
    }
    if (!candidate || !equalBytes(secp256k1.getPublicKey(candidate, true), expected)) {
      candidate?.fill(0);
      throw new BitcoinError('KEY_MISMATCH', `No key of this wallet controls ${wa.address}`);
    }
    return candidate;
  };
}
