/**
 * Test support for the Bitcoin core: an independent verifier built on bitcoinjs-lib +
 * @bitcoinerlab/secp256k1 (never on the code under test), funding transactions fabricated with
 * bitcoinjs-lib, a seeded PRNG, and the wallet fixtures (regtest accounts of every scheme).
 */
import * as ecc from '@bitcoinerlab/secp256k1';
import * as bitcoin from 'bitcoinjs-lib';
import { ECPairFactory } from 'ecpair';
import { mnemonicToSeed } from '../../../src/core/derive/mnemonic.ts';
import { bitcoinAccountFromSeed, secretKeyProvider, type BitcoinSigningAccount, type SecretKeyProvider, type WalletAddress } from '../../../src/families/bitcoin/core/hdAccount.ts';
import type { BitcoinScheme } from '../../../src/families/bitcoin/core/networks.ts';
import type { WalletUtxo } from '../../../src/families/bitcoin/core/scan.ts';

bitcoin.initEccLib(ecc);
export const ECPair = ECPairFactory(ecc);
export { bitcoin, ecc };

export const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
export const SCHEMES: readonly BitcoinScheme[] = ['p2wpkh', 'p2tr', 'p2sh-p2wpkh', 'p2pkh'];
export const REGTEST = bitcoin.networks.regtest;

const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const fromHex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Wallet {
  accounts: Record<BitcoinScheme, BitcoinSigningAccount>;
  keys: SecretKeyProvider;
}

let cachedSeed: Uint8Array | undefined;
/** Regtest accounts (account 0) of every scheme for the "abandon … about" mnemonic. */
export function regtestWallet(network: 'regtest' | 'testnet' | 'mainnet' = 'regtest', account = 0): Wallet {
  cachedSeed ??= mnemonicToSeed(MNEMONIC);
  const accounts = Object.fromEntries(SCHEMES.map((s) => [s, bitcoinAccountFromSeed(cachedSeed!, { network, scheme: s, account })])) as Record<BitcoinScheme, BitcoinSigningAccount>;
  return { accounts, keys: secretKeyProvider(Object.values(accounts)) };
}

export interface Prevout {
  script: Uint8Array;
  value: bigint;
}

let fundingCounter = 0;
/** A transaction paying the given scripts (its own input is a made-up outpoint). */
export function fundingTx(outputs: readonly { script: Uint8Array | string; value: number }[]): { txid: string; hex: string; tx: bitcoin.Transaction } {
  const tx = new bitcoin.Transaction();
  tx.version = 2;
  const fake = new Uint8Array(32);
  new DataView(fake.buffer).setUint32(0, ++fundingCounter, true);
  fake[31] = 0xee;
  tx.addInput(fake, 0, 0xffffffff, bitcoin.script.compile([bitcoin.opcodes.OP_TRUE]));
  for (const o of outputs) tx.addOutput(typeof o.script === 'string' ? fromHex(o.script) : o.script, BigInt(o.value));
  return { txid: tx.getId(), hex: tx.toHex(), tx };
}

/** Coins for wallet addresses, funded by one fabricated transaction each call. */
export function fundCoins(items: readonly { address: WalletAddress; value: number }[], confirmed = true): { coins: WalletUtxo[]; txid: string; hex: string } {
  const f = fundingTx(items.map((i) => ({ script: i.address.script, value: i.value })));
  const coins = items.map((i, vout): WalletUtxo => ({
    txid: f.txid,
    vout,
    value: i.value,
    confirmed,
    address: i.address,
    ...(i.address.scheme === 'p2pkh' ? { prevTxHex: f.hex } : {}),
  }));
  return { coins, txid: f.txid, hex: f.hex };
}

export function prevoutMap(coins: readonly { txid: string; vout: number; value: number; address: { script: string } }[]): Map<string, Prevout> {
  return new Map(coins.map((c) => [`${c.txid}:${c.vout}`, { script: fromHex(c.address.script), value: BigInt(c.value) }]));
}

export interface VerifiedTx {
  txid: string;
  fee: bigint;
  vsize: number;
  weight: number;
  outputs: { address: string | undefined; script: string; value: bigint }[];
  inputTypes: string[];
  sequences: number[];
}

const scriptType = (s: Uint8Array): string => {
  if (s.length === 22 && s[0] === 0x00 && s[1] === 0x14) return 'p2wpkh';
  if (s.length === 34 && s[0] === 0x51 && s[1] === 0x20) return 'p2tr';
  if (s.length === 23 && s[0] === 0xa9 && s[1] === 0x14 && s[22] === 0x87) return 'p2sh';
  if (s.length === 25 && s[0] === 0x76 && s[1] === 0xa9 && s[2] === 0x14 && s[23] === 0x88 && s[24] === 0xac) return 'p2pkh';
  return 'unknown';
};

const eq = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

function p2pkhScriptCode(pubkeyHash: Uint8Array): Uint8Array {
  return bitcoin.script.compile([bitcoin.opcodes.OP_DUP, bitcoin.opcodes.OP_HASH160, pubkeyHash, bitcoin.opcodes.OP_EQUALVERIFY, bitcoin.opcodes.OP_CHECKSIG]);
}

function verifyEcdsa(hash: Uint8Array, pub: Uint8Array, sigWithType: Uint8Array): void {
  const { signature } = bitcoin.script.signature.decode(sigWithType);
  if (!ecc.verify(hash, pub, signature, true)) throw new Error('ECDSA signature invalid');
}

/**
 * Parses a raw transaction with bitcoinjs-lib and checks every input's signature against the
 * prevouts (p2wpkh / p2sh-p2wpkh: BIP143; p2tr key path: BIP341 + Schnorr against the output key;
 * p2pkh: legacy sighash). Throws on the first problem.
 */
export function verifyTx(hex: string, prevouts: ReadonlyMap<string, Prevout>, network: bitcoin.Network = REGTEST): VerifiedTx {
  const tx = bitcoin.Transaction.fromHex(hex);
  const prevs = tx.ins.map((inp) => {
    const txid = hexOf(Uint8Array.from(inp.hash).reverse());
    const p = prevouts.get(`${txid}:${inp.index}`);
    if (!p) throw new Error(`unknown prevout ${txid}:${inp.index}`);
    return p;
  });
  const inputTypes: string[] = [];
  tx.ins.forEach((inp, i) => {
    const prev = prevs[i]!;
    const type = scriptType(prev.script);
    inputTypes.push(type);
    if (type === 'p2wpkh' || type === 'p2sh') {
      let program: Uint8Array;
      if (type === 'p2sh') {
        const chunks = bitcoin.script.decompile(inp.script);
        const redeem = chunks?.[0];
        if (!chunks || chunks.length !== 1 || !(redeem instanceof Uint8Array)) throw new Error(`input ${i}: bad p2sh scriptSig`);
        if (!eq(bitcoin.crypto.hash160(redeem), prev.script.subarray(2, 22))) throw new Error(`input ${i}: redeem script hash mismatch`);
        if (!(redeem.length === 22 && redeem[0] === 0 && redeem[1] === 0x14)) throw new Error(`input ${i}: not p2sh-p2wpkh`);
        inputTypes[i] = 'p2sh-p2wpkh';
        program = redeem.subarray(2);
      } else {
        if (inp.script.length !== 0) throw new Error(`input ${i}: p2wpkh with scriptSig`);
        program = prev.script.subarray(2);
      }
      const [sig, pub] = inp.witness;
      if (inp.witness.length !== 2 || !sig || !pub) throw new Error(`input ${i}: bad witness`);
      if (!eq(bitcoin.crypto.hash160(pub), program)) throw new Error(`input ${i}: pubkey hash mismatch`);
      const hashType = sig[sig.length - 1]!;
      const h = tx.hashForWitnessV0(i, p2pkhScriptCode(program), prev.value, hashType);
      verifyEcdsa(h, pub, sig);
    } else if (type === 'p2tr') {
      const [sig] = inp.witness;
      if (inp.witness.length !== 1 || !sig || (sig.length !== 64 && sig.length !== 65)) throw new Error(`input ${i}: bad taproot witness`);
      const hashType = sig.length === 65 ? sig[64]! : bitcoin.Transaction.SIGHASH_DEFAULT;
      const h = tx.hashForWitnessV1(
        i,
        prevs.map((p) => p.script),
        prevs.map((p) => p.value),
        hashType,
      );
      if (!ecc.verifySchnorr(h, prev.script.subarray(2, 34), sig.subarray(0, 64))) throw new Error(`input ${i}: schnorr signature invalid`);
    } else if (type === 'p2pkh') {
      const chunks = bitcoin.script.decompile(inp.script);
      const sig = chunks?.[0];
      const pub = chunks?.[1];
      if (!chunks || chunks.length !== 2 || !(sig instanceof Uint8Array) || !(pub instanceof Uint8Array)) throw new Error(`input ${i}: bad p2pkh scriptSig`);
      if (!eq(bitcoin.crypto.hash160(pub), prev.script.subarray(3, 23))) throw new Error(`input ${i}: pubkey hash mismatch`);
      if (inp.witness.length !== 0) throw new Error(`input ${i}: p2pkh with witness`);
      const hashType = sig[sig.length - 1]!;
      verifyEcdsa(tx.hashForSignature(i, prev.script, hashType), pub, sig);
    } else {
      throw new Error(`input ${i}: unsupported prevout type`);
    }
  });
  const inSum = prevs.reduce((s, p) => s + p.value, 0n);
  const outSum = tx.outs.reduce((s, o) => s + o.value, 0n);
  return {
    txid: tx.getId(),
    fee: inSum - outSum,
    vsize: tx.virtualSize(),
    weight: tx.weight(),
    outputs: tx.outs.map((o) => {
      let address: string | undefined;
      try {
        address = bitcoin.address.fromOutputScript(o.script, network);
      } catch {
        address = undefined;
      }
      return { address, script: hexOf(o.script), value: o.value };
    }),
    inputTypes,
    sequences: tx.ins.map((i) => i.sequence),
  };
}

/** A random foreign address of a given type (for recipients), on regtest unless told. */
export function foreignAddress(type: 'p2wpkh' | 'p2tr' | 'p2sh' | 'p2pkh' | 'p2wsh', rand: () => number = Math.random, network: bitcoin.Network = REGTEST): string {
  const d = new Uint8Array(32);
  for (let i = 0; i < 32; i++) d[i] = Math.floor(rand() * 256);
  d[0] = (d[0]! % 0x7f) + 1;
  const key = ECPair.fromPrivateKey(d, { network });
  const pubkey = key.publicKey;
  switch (type) {
    case 'p2wpkh':
      return bitcoin.payments.p2wpkh({ pubkey, network }).address!;
    case 'p2tr':
      return bitcoin.payments.p2tr({ internalPubkey: pubkey.subarray(1, 33), network }).address!;
    case 'p2sh':
      return bitcoin.payments.p2sh({ redeem: bitcoin.payments.p2wpkh({ pubkey, network }), network }).address!;
    case 'p2pkh':
      return bitcoin.payments.p2pkh({ pubkey, network }).address!;
    case 'p2wsh':
      return bitcoin.payments.p2wsh({ redeem: bitcoin.payments.p2ms({ m: 1, pubkeys: [pubkey], network }), network }).address!;
  }
}
