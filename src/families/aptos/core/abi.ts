/**
 * Entry-function signatures from a module ABI as the node returns it (GET /accounts/{a}/module/{m}):
 * the parameter types after the leading signer references, and how many type parameters the
 * function takes. The wallet encodes a dApp's JSON arguments and decodes BCS ones with them.
 */
import { AptosError, malformed } from './errors.ts';
import { parseTypeTag, type TypeTag } from './typeTag.ts';

export interface EntrySignature {
  /** Parameters a transaction passes (signer / &signer excluded). */
  params: TypeTag[];
  typeParamCount: number;
}

interface AbiFunction {
  name?: unknown;
  is_entry?: unknown;
  generic_type_params?: unknown;
  params?: unknown;
}

const isSigner = (t: TypeTag): boolean => t.kind === 'signer' || (t.kind === 'reference' && t.of.kind === 'signer');

export function entrySignature(moduleJson: unknown, fn: string): EntrySignature {
  const abi = (moduleJson as { abi?: { exposed_functions?: unknown } } | null)?.abi;
  const fns = Array.isArray(abi?.exposed_functions) ? (abi.exposed_functions as AbiFunction[]) : undefined;
  if (!fns) throw malformed('the node returned a module without an ABI');
  const f = fns.find((x) => x.name === fn);
  if (!f) throw new AptosError('NOT_FOUND', `the module has no function ${fn}`);
  if (f.is_entry !== true) throw malformed(`${fn} is not an entry function`);
  if (!Array.isArray(f.params) || !Array.isArray(f.generic_type_params)) throw malformed('the node returned a malformed ABI');
  const all = f.params.map((p) => parseTypeTag(String(p)));
  return { params: all.filter((t) => !isSigner(t)), typeParamCount: f.generic_type_params.length };
}
