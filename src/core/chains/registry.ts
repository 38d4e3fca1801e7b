/**
 * The core registry: each chain family's pure core object (src/families/<f>/core/family.ts: keys,
 * networks, look-alike address rule, burn addresses, account rows), by family. Read by core and
 * background code (never by the page or the popup). Adding a family = one line in ./cores.ts; the
 * type below refuses a family that has none, or whose object is not its own FamilyCore.
 */
import { FAMILIES, type Family } from '../../families/ids.ts';
import type { FamilyCore } from '../../families/types.ts';
import type { ChainFamilyKeys } from './types.ts';
import * as cores from './cores.ts';

type CoreRegistry = { readonly [F in Family]: FamilyCore<F> };
// A family without its line in cores.ts (or whose line names another family's object) fails to compile here.
const checked: CoreRegistry = cores;
/** In FAMILIES' order (a module namespace lists its names alphabetically). */
export const FAMILY_CORES: CoreRegistry = Object.fromEntries(FAMILIES.map((f) => [f, checked[f]])) as CoreRegistry;

/** The key modules alone (derive, import, validate, format), by family. */
export const CHAIN_KEYS: Readonly<Record<Family, ChainFamilyKeys>> = Object.fromEntries(
  Object.entries(FAMILY_CORES).map(([f, c]) => [f, c.keys]),
) as Record<Family, ChainFamilyKeys>;

export { isFamily } from '../../families/ids.ts';
