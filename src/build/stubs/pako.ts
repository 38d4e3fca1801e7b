/**
 * Stands in for `pako` in the extension's bundles (wxt.config.ts aliases it). @wharfkit/antelope
 * uses it only for zlib-compressed packed transactions (PackedTransaction with compression 1); the
 * wallet pushes uncompressed ones (`compression: 0`, src/families/eos/background/api.ts) and reads a
 * dApp's transaction with Serializer, so the 47 kB of pako would only weigh on every worker start.
 */
function unsupported(): never {
  throw new Error('zlib-compressed EOS transactions are not supported: send them uncompressed (compression 0)');
}

export const deflate = unsupported;
export const inflate = unsupported;
export default { deflate, inflate };
