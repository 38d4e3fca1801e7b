/**
 * Bitcoin message signing, both kinds dApps ask for (UniSat `signMessage(msg, 'ecdsa' |
 * 'bip322-simple')`, sats-connect ECDSA/BIP322):
 *
 * - Legacy / BIP137 ECDSA: sha256d(varint(24) "Bitcoin Signed Message:\n" varint(len) message),
 *   RFC 6979 deterministic low-S signature, 65-byte compact recoverable form in base64. Header byte
 *   by address type as bitcoinjs-message/Trezor do: 31-34 compressed p2pkh, 35-38 p2sh-p2wpkh,
 *   39-42 p2wpkh (27-30 uncompressed only verified). Taproot has no legacy standard; like UniSat we
 *   sign with the internal key and a p2pkh header. Verification also accepts Electrum-style
 *   signatures (p2pkh header for a segwit address) and, for p2tr, a key whose BIP86 address matches.
 * - BIP-322 "simple": the witness of the virtual to_sign transaction spending to_spend (which
 *   commits to the tagged message hash), serialized and base64. p2wpkh (ECDSA with Bitcoin Core's
 *   low-R grinding, so output matches the BIP's vectors byte for byte) and p2tr key path (Schnorr,
 *   SIGHASH_DEFAULT). Verification also accepts the draft "smp" prefix and explicit sighash bytes.
 */
import { secp256k1, schnorr } from '@noble/curves/secp256k1.js';
import { base64 } from '@scure/base';
import { CompactSize, OutScript, RawWitness, Script, SigHash, Transaction } from '@scure/btc-signer';
import { hash160, sha256x2, signSchnorr, tagSchnorr, taprootTweakPrivKey } from '@scure/btc-signer/utils.js';
import { concatBytes, equalBytes, hexToBytes, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { BitcoinError } from './errors.ts';
import { schemeScript, type SecretKeyProvider, type WalletAddress } from './hdAccount.ts';
import type { BitcoinScheme } from './networks.ts';
import { checkRecipientAddress, networkOfAddress, outputTypeOfScript } from './script.ts';

export type MessageSignatureType = 'ecdsa' | 'bip322-simple';

const MAGIC = utf8ToBytes('Bitcoin Signed Message:\n');
const BIP322_TAG = 'BIP0322-signed-message';

const toBytes = (m: string | Uint8Array): Uint8Array => (typeof m === 'string' ? utf8ToBytes(m) : m);
const varint = (n: number): Uint8Array => CompactSize.encode(BigInt(n));

/** The legacy "Bitcoin Signed Message" hash that is signed. */
export function bitcoinMessageHash(message: string | Uint8Array): Uint8Array {
  const m = toBytes(message);
  return sha256x2(concatBytes(varint(MAGIC.length), MAGIC, varint(m.length), m));
}

// ----------------------------------------------------------------------------------------------
// Legacy ECDSA (BIP137)

const HEADER_BASE: Readonly<Record<BitcoinScheme, number>> = { p2pkh: 31, 'p2sh-p2wpkh': 35, p2wpkh: 39, p2tr: 31 };

export interface EcdsaMessageOptions {
  /** 'bip137' (default): header by address type; 'p2pkh': always 31-34 (Electrum, Bitcoin Core, UniSat). */
  headerStyle?: 'bip137' | 'p2pkh';
}

/** Signs with the legacy format; returns the 65-byte compact signature as base64. */
export function signMessageEcdsa(message: string | Uint8Array, secretKey: Uint8Array, scheme: BitcoinScheme, opts: EcdsaMessageOptions = {}): string {
  const hash = bitcoinMessageHash(message);
  const sig = secp256k1.Signature.fromBytes(secp256k1.sign(hash, secretKey, { prehash: false, format: 'recovered' }), 'recovered');
  const recovery = sig.recovery;
  if (recovery === undefined || recovery > 3) throw new BitcoinError('INVALID_SIGNATURE', 'Could not produce a recoverable signature');
  const header = (opts.headerStyle === 'p2pkh' ? 31 : HEADER_BASE[scheme]) + recovery;
  return base64.encode(concatBytes(new Uint8Array([header]), sig.toBytes('compact')));
}

function decodeBase64(signature: string): Uint8Array | undefined {
  try {
    return base64.decode(signature.trim());
  } catch {
    return undefined;
  }
}

/** Verifies a legacy/BIP137 message signature for an address (any network). */
export function verifyMessageEcdsa(message: string | Uint8Array, address: string, signature: string): boolean {
  const bytes = decodeBase64(signature);
  const network = networkOfAddress(address);
  if (!bytes || bytes.length !== 65 || !network) return false;
  const header = bytes[0]!;
  if (header < 27 || header > 42) return false;
  const recovery = (header - 27) & 3;
  const flag = (header - 27) >> 2; // 0 uncompressed p2pkh, 1 compressed p2pkh, 2 p2sh-p2wpkh, 3 p2wpkh
  let point;
  try {
    point = secp256k1.Signature.fromBytes(bytes.subarray(1), 'compact').addRecoveryBit(recovery).recoverPublicKey(bitcoinMessageHash(message));
  } catch {
    return false;
  }
  const target = checkRecipientAddress(address, network);
  if (!target.ok) return false;
  if (flag === 0) {
    // Uncompressed keys only ever had p2pkh addresses.
    const pkh = OutScript.encode({ type: 'pkh', hash: hash160(point.toBytes(false)) });
    return equalBytes(pkh, target.script);
  }
  const pub = point.toBytes(true);
  const candidates: BitcoinScheme[] = flag === 2 ? ['p2sh-p2wpkh'] : flag === 3 ? ['p2wpkh'] : ['p2pkh', 'p2wpkh', 'p2sh-p2wpkh', 'p2tr'];
  return candidates.some((scheme) => equalBytes(schemeScript(pub, scheme, network).script, target.script));
}

// ----------------------------------------------------------------------------------------------
// BIP-322 simple

/** BIP340-tagged hash of the message (tag "BIP0322-signed-message"). */
export function bip322MessageHash(message: string | Uint8Array): Uint8Array {
  return tagSchnorr(BIP322_TAG, toBytes(message));
}

const VIRTUAL_TX = { version: 0, allowUnknownVersion: true, allowUnknownOutputs: true, allowUnknownInputs: true } as const;

/** The BIP-322 to_spend transaction for a message and the signer's scriptPubKey. */
export function bip322ToSpend(message: string | Uint8Array, scriptPubKey: Uint8Array): Transaction {
  const tx = new Transaction(VIRTUAL_TX);
  // Output first: the input's final scriptSig "signs" ALL and would freeze the outputs.
  tx.addOutput({ script: scriptPubKey, amount: 0n });
  tx.addInput({ txid: new Uint8Array(32), index: 0xffffffff, sequence: 0, finalScriptSig: Script.encode(['OP_0', bip322MessageHash(message)]) });
  return tx;
}

/** The unsigned BIP-322 to_sign transaction (one input spending to_spend:0, one OP_RETURN output). */
export function bip322ToSign(message: string | Uint8Array, scriptPubKey: Uint8Array): Transaction {
  const toSpend = bip322ToSpend(message, scriptPubKey);
  const tx = new Transaction(VIRTUAL_TX);
  tx.addInput({ txid: toSpend.id, index: 0, sequence: 0, witnessUtxo: { script: scriptPubKey, amount: 0n } });
  tx.addOutput({ script: Script.encode(['RETURN']), amount: 0n });
  return tx;
}

const hasLowR = (sig: { r: bigint }): boolean => sig.r < 1n << 255n;

/** ECDSA over a 32-byte sighash, DER + sighash byte, grinding low R exactly as Bitcoin Core does. */
function signEcdsaCoreStyle(hash: Uint8Array, secretKey: Uint8Array, sighash: number): Uint8Array {
  let sig = secp256k1.Signature.fromBytes(secp256k1.sign(hash, secretKey, { prehash: false }));
  // Core retries with extra entropy = LE32(counter) in a 32-byte buffer, counter starting at 1.
  for (let counter = 1; !hasLowR(sig); counter++) {
    const entropy = new Uint8Array(32);
    new DataView(entropy.buffer).setUint32(0, counter, true);
    sig = secp256k1.Signature.fromBytes(secp256k1.sign(hash, secretKey, { prehash: false, extraEntropy: entropy }));
  }
  return concatBytes(sig.toBytes('der'), new Uint8Array([sighash]));
}

export interface Bip322Options {
  /** BIP340 auxiliary randomness for taproot (32 bytes); random when omitted. */
  auxRand?: Uint8Array;
}

/** BIP-322 simple signature (base64 witness) for a p2wpkh or p2tr key. */
export function signMessageBip322(message: string | Uint8Array, secretKey: Uint8Array, scheme: BitcoinScheme, network: string, opts: Bip322Options = {}): string {
  const pub = secp256k1.getPublicKey(secretKey, true);
  const { script } = schemeScript(pub, scheme, network);
  const toSign = bip322ToSign(message, script);
  if (scheme === 'p2wpkh') {
    const scriptCode = OutScript.encode({ type: 'pkh', hash: hash160(pub) });
    const sighash = toSign.preimageWitnessV0(0, scriptCode, SigHash.ALL, 0n);
    return base64.encode(RawWitness.encode([signEcdsaCoreStyle(sighash, secretKey, SigHash.ALL), pub]));
  }
  if (scheme === 'p2tr') {
    const sighash = toSign.preimageWitnessV1(0, [script], SigHash.DEFAULT, [0n]);
    const tweaked = taprootTweakPrivKey(secretKey);
    try {
      return base64.encode(RawWitness.encode([signSchnorr(sighash, tweaked, opts.auxRand)]));
    } finally {
      tweaked.fill(0);
    }
  }
  throw new BitcoinError('UNSUPPORTED_SCHEME', `BIP-322 simple signatures need a native SegWit or Taproot address (not ${scheme})`);
}

const VALID_SIGHASH = [1, 2, 3, 0x81, 0x82, 0x83];

function verifyBip322Witness(message: string | Uint8Array, script: Uint8Array, witnessBytes: Uint8Array): boolean {
  let witness: Uint8Array[];
  try {
    witness = RawWitness.decode(witnessBytes);
  } catch {
    return false;
  }
  const type = outputTypeOfScript(script);
  const toSign = bip322ToSign(message, script);
  if (type === 'p2wpkh') {
    const [sig, pub] = witness;
    if (witness.length !== 2 || !sig || !pub || pub.length !== 33 || sig.length < 9) return false;
    if (!equalBytes(hash160(pub), script.subarray(2))) return false;
    const hashType = sig[sig.length - 1]!;
    if (!VALID_SIGHASH.includes(hashType)) return false;
    try {
      const der = secp256k1.Signature.fromBytes(sig.subarray(0, -1), 'der');
      const scriptCode = OutScript.encode({ type: 'pkh', hash: hash160(pub) });
      const sighash = toSign.preimageWitnessV0(0, scriptCode, hashType, 0n);
      return secp256k1.verify(der.toBytes('compact'), sighash, pub, { prehash: false, lowS: true });
    } catch {
      return false;
    }
  }
  if (type === 'p2tr') {
    const [sig] = witness;
    if (witness.length !== 1 || !sig || (sig.length !== 64 && sig.length !== 65)) return false;
    const hashType = sig.length === 65 ? sig[64]! : SigHash.DEFAULT;
    if (sig.length === 65 && !VALID_SIGHASH.includes(hashType)) return false;
    try {
      const sighash = toSign.preimageWitnessV1(0, [script], hashType, [0n]);
      return schnorr.verify(sig.subarray(0, 64), sighash, script.subarray(2, 34));
    } catch {
      return false;
    }
  }
  return false;
}

/** Verifies a BIP-322 simple signature for a p2wpkh or p2tr address (any network). */
export function verifyMessageBip322(message: string | Uint8Array, address: string, signature: string): boolean {
  const network = networkOfAddress(address);
  if (!network) return false;
  const target = checkRecipientAddress(address, network);
  if (!target.ok) return false;
  const sig = signature.trim();
  const raw = decodeBase64(sig);
  if (raw && verifyBip322Witness(message, target.script, raw)) return true;
  // Newer drafts prefix simple signatures with the text "smp".
  if (sig.startsWith('smp')) {
    const stripped = decodeBase64(sig.slice(3));
    if (stripped && verifyBip322Witness(message, target.script, stripped)) return true;
  }
  return false;
}

// ----------------------------------------------------------------------------------------------
// Wallet-level entry points

/**
 * Signs `message` with the key of one of the wallet's addresses. 'ecdsa' is the legacy format;
 * 'bip322-simple' needs p2wpkh or p2tr (p2pkh falls back to legacy, which BIP-322 allows for p2pkh).
 */
export function signBitcoinMessage(message: string | Uint8Array, owner: WalletAddress, keys: SecretKeyProvider, type: MessageSignatureType = 'ecdsa', opts: EcdsaMessageOptions & Bip322Options = {}): string {
  const key = keys(owner);
  try {
    if (!equalBytes(secp256k1.getPublicKey(key, true), hexToBytes(owner.publicKey))) throw new BitcoinError('KEY_MISMATCH', 'Key does not match the address');
    if (type === 'ecdsa' || owner.scheme === 'p2pkh') return signMessageEcdsa(message, key, owner.scheme, opts);
    return signMessageBip322(message, key, owner.scheme, owner.network, opts);
  } finally {
    key.fill(0);
  }
}

/** Verifies either kind of signature (a 65-byte compact signature is legacy, anything else BIP-322). */
export function verifyBitcoinMessage(message: string | Uint8Array, address: string, signature: string): boolean {
  const bytes = decodeBase64(signature);
  if (bytes && bytes.length === 65 && bytes[0]! >= 27 && bytes[0]! <= 42 && verifyMessageEcdsa(message, address, signature)) return true;
  return verifyMessageBip322(message, address, signature);
}
