/**
 * Seed material for one mnemonic + passphrase, computed lazily and cached: the BIP39 seed and
 * the substrate mini-secret (one PBKDF2 each), and the BIP32 / SLIP-0010 parent nodes, so the
 * n-th account of a family costs one or two child derivations.
 */
import { HDKey } from '@scure/bip32';
import type { SeedSource, Secp256k1KeyPair } from '../chains/types.ts';
import { KeyDerivationError } from './errors.ts';
import { assertValidMnemonic, mnemonicToMiniSecret, mnemonicToSeed } from './mnemonic.ts';
import { splitLastSegment, parsePath } from './path.ts';
import { slip10Ed25519Child, slip10Ed25519Master, type Slip10Node } from './slip10Ed25519.ts';

/**
 * Validates the mnemonic now; hashing happens on first use. A `precomputedSeed` (the same
 * PBKDF2 done by WebCrypto) is copied and used instead of hashing the phrase again.
 */
export function createSeedSource(mnemonic: string, passphrase?: string, precomputedSeed?: Uint8Array): SeedSource {
  assertValidMnemonic(mnemonic);
  if (precomputedSeed !== undefined && precomputedSeed.length !== 64) throw new KeyDerivationError('A BIP39 seed is 64 bytes');
  let phrase: string | null = mnemonic;
  let pass: string | undefined = passphrase;
  let given: Uint8Array | null = precomputedSeed ? precomputedSeed.slice() : null;
  return makeSeedSource(
    () => {
      if (!given) return mnemonicToSeed(phrase ?? '', pass);
      const out = given;
      given = null;
      return out;
    },
    () => mnemonicToMiniSecret(phrase ?? '', pass),
    () => {
      phrase = null;
      pass = undefined;
      given?.fill(0);
      given = null;
    },
  );
}

/**
 * Seed source over a raw 64-byte BIP39 seed (BIP32 / SLIP-0010 test vectors, seed-only imports).
 * It has no substrate mini-secret: that is computed from the mnemonic's entropy, not the seed.
 */
export function seedSourceFromBip39Seed(bip39Seed: Uint8Array): SeedSource {
  const copy = bip39Seed.slice();
  return makeSeedSource(
    () => copy,
    () => {
      throw new KeyDerivationError('Polkadot keys need the mnemonic, not only its BIP39 seed');
    },
    () => copy.fill(0),
  );
}

function makeSeedSource(computeSeed: () => Uint8Array, computeMini: () => Uint8Array, forget: () => void): SeedSource {
  let seed: Uint8Array | null = null;
  let mini: Uint8Array | null = null;
  const secpNodes = new Map<string, HDKey>();
  const edNodes = new Map<string, Slip10Node>();
  let wiped = false;

  const alive = (): void => {
    if (wiped) throw new KeyDerivationError('This key deriver was wiped');
  };
  const bip39Seed = (): Uint8Array => {
    alive();
    if (!seed) seed = computeSeed();
    return seed;
  };

  // Parents are cached; leaves are not, so memory stays bounded by the number of accounts' parents.
  const secpNode = (path: string, cache: boolean): HDKey => {
    const hit = secpNodes.get(path);
    if (hit) return hit;
    let node: HDKey;
    if (path === 'm') node = HDKey.fromMasterSeed(bip39Seed());
    else {
      const split = splitLastSegment(path);
      if (!split) throw new KeyDerivationError('Invalid derivation path');
      node = secpNode(split[0], true).deriveChild(split[1]);
    }
    if (cache) secpNodes.set(path, node);
    return node;
  };

  const edNode = (path: string, cache: boolean): Slip10Node => {
    const hit = edNodes.get(path);
    if (hit) return hit;
    let node: Slip10Node;
    if (path === 'm') node = slip10Ed25519Master(bip39Seed());
    else {
      const split = splitLastSegment(path);
      if (!split) throw new KeyDerivationError('Invalid derivation path');
      node = slip10Ed25519Child(edNode(split[0], true), split[1]);
    }
    if (cache) edNodes.set(path, node);
    return node;
  };

  return {
    secp256k1(path: string): Secp256k1KeyPair {
      alive();
      parsePath(path);
      const node = secpNode(path, false);
      if (!node.privateKey || !node.publicKey) throw new KeyDerivationError('Derived key has no private key');
      const pair = { secretKey: node.privateKey.slice(), publicKey: node.publicKey.slice() };
      if (!secpNodes.has(path)) node.wipePrivateData();
      return pair;
    },
    ed25519(path: string): Uint8Array {
      alive();
      parsePath(path);
      const node = edNode(path, false);
      const key = node.key.slice();
      if (!edNodes.has(path)) {
        node.key.fill(0);
        node.chainCode.fill(0);
      }
      return key;
    },
    substrateMiniSecret(): Uint8Array {
      alive();
      if (!mini) mini = computeMini();
      return mini.slice();
    },
    wipe(): void {
      wiped = true;
      seed?.fill(0);
      mini?.fill(0);
      for (const node of secpNodes.values()) node.wipePrivateData();
      for (const node of edNodes.values()) {
        node.key.fill(0);
        node.chainCode.fill(0);
      }
      secpNodes.clear();
      edNodes.clear();
      seed = null;
      mini = null;
      forget();
    },
  };
}
