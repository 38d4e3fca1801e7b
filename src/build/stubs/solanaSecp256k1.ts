/**
 * Stands in for @noble/curves 1.x's `secp256k1` in @solana/web3.js (wxt.config.ts). web3.js uses it
 * only in `Secp256k1Program`'s helpers, which the wallet never calls (the bundler drops them); its
 * import alone would keep a second copy of the curve in the worker. Reaching it fails clearly.
 */
const unavailable = (): never => {
  throw new Error('secp256k1 from @solana/web3.js is not part of this build (Secp256k1Program helpers are not used by the wallet)');
};

export const secp256k1 = { sign: unavailable, getPublicKey: unavailable, utils: {} };
