/**
 * Stands in for `elliptic` in the extension's bundles (wxt.config.ts aliases it). Its one user,
 * @wharfkit/antelope, builds an elliptic curve only inside its key classes' sign/recover/verify/
 * shared-secret methods, which the wallet never calls: EOS signatures are made with @noble/curves
 * (src/families/eos/core/sign.ts). antelope's single-file build cannot be tree-shaken of them, and
 * elliptic with its bn.js and hash.js would add ~130 kB that every worker start pays for. Should
 * some code reach them anyway, it fails here with this message instead of signing differently.
 */
export class ec {
  constructor(curve: string) {
    throw new Error(`elliptic (${curve}) is not part of this build: sign and verify EOS keys with @noble/curves (src/families/eos/core/sign.ts)`);
  }
}

export default { ec };
