/**
 * EOS signatures with @wharfkit/antelope from the keyring's 32-byte secret: transactions sign
 * sha256(chain id ‖ packed transaction ‖ 32 zero bytes), Scatter's arbitrary signatures sign
 * sha256(data). Arbitrary data that could be a transaction digest or a signing preimage is
 * refused, so "sign this text" can never authorise a transaction.
 */
import { Bytes, Checksum256, KeyType, PrivateKey, Serializer, Transaction } from '@wharfkit/antelope';
import { EosError } from './errors.ts';
import { EOS_NETWORKS } from './networks.ts';

function privateKey(secretKey: Uint8Array): PrivateKey {
  if (secretKey.length !== 32) throw new EosError('invalid-params', 'An EOS secret key is 32 bytes');
  return new PrivateKey(KeyType.K1, Bytes.from(secretKey));
}

/** The PUB_K1_ public key of a secret (to check it is the key the account's permission names). */
export function publicKeyOf(secretKey: Uint8Array): string {
  return privateKey(secretKey).toPublic().toString();
}

export function signTransaction(tx: Transaction, chainId: string, secretKey: Uint8Array): string {
  return String(privateKey(secretKey).signDigest(tx.signingDigest(Checksum256.from(chainId))));
}

/** Why arbitrary data must not be signed, or null when it may be. */
export function arbitraryDataRefusal(data: string, knownChainIds: readonly string[] = []): string | null {
  if (typeof data !== 'string' || data.length === 0) return 'The data to sign must be a non-empty string';
  const t = data.trim();
  if (/^(0x)?[0-9a-fA-F]{64}$/.test(t)) return 'The data is a 32-byte hash (it could be a transaction digest)';
  const hex = t.replace(/^0x/, '').toLowerCase();
  if (/^[0-9a-f]+$/.test(hex) && hex.length % 2 === 0 && hex.length >= 64) {
    const ids = [...knownChainIds, ...EOS_NETWORKS.flatMap((n) => (n.chainId ? [n.chainId] : []))].map((c) => c.toLowerCase());
    if (ids.some((c) => hex.startsWith(c))) return 'The data starts with a chain id: it is a transaction signing preimage';
    try {
      const bytes = Bytes.from(hex, 'hex');
      const tx = Serializer.decode({ data: bytes, type: Transaction }) as Transaction;
      if (tx.actions.length > 0 && Serializer.encode({ object: tx }).array.length === bytes.length) return 'The data is a serialized transaction';
    } catch {
      /* not a transaction: fine */
    }
  }
  return null;
}

/** Scatter's getArbitrarySignature: ECDSA over sha256 of the UTF-8 data, as eosjs-ecc signs. */
export function signArbitrary(data: string, secretKey: Uint8Array, knownChainIds: readonly string[] = []): string {
  const why = arbitraryDataRefusal(data, knownChainIds);
  if (why) throw new EosError('refused-digest', `Refused to sign: ${why}`);
  return String(privateKey(secretKey).signMessage(Bytes.from(data, 'utf8')));
}
