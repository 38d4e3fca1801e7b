/**
 * The one list of chain families. Every other family list in the code derives from these two
 * constants (a registry typed `satisfies Record<Family, …>` then refuses a family that forgets a
 * layer). Pure and tiny: the inpage bundles, the content script and core code may import it.
 */

/** Every family the extension knows (key import, address book, dApp protocol). Order is the UI's. */
export const FAMILIES = ['evm', 'bitcoin', 'tron', 'solana', 'aptos', 'polkadot', 'eos'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * The families the popup serves (networks, balances, send), in the order it groups them: every
 * family, Solana before TRON in the network sheet (its order before the family modules), then the
 * others in FAMILIES' order. Derived, so a new family is written once, in FAMILIES.
 */
const POPUP_LEADS: readonly Family[] = ['evm', 'bitcoin', 'solana', 'tron'];
export type WalletFamily = Family;
function popupOrder(): readonly WalletFamily[] {
  return [...POPUP_LEADS, ...FAMILIES.filter((f) => !POPUP_LEADS.includes(f))];
}
// Marked pure so bundles that import this file but not the list (the page's) drop it.
export const WALLET_FAMILIES: readonly WalletFamily[] = /* @__PURE__ */ popupOrder();

/** The Accounts screen's order: Bitcoin first (its order before the family modules), then FAMILIES' order. */
const ACCOUNT_LEADS: readonly Family[] = ['bitcoin'];
function accountOrder(): readonly Family[] {
  return [...ACCOUNT_LEADS, ...FAMILIES.filter((f) => !ACCOUNT_LEADS.includes(f))];
}
// A pure call (a pure mark on an array literal does nothing), so the page's bundle drops it.
export const ACCOUNT_FAMILIES: readonly Family[] = /* @__PURE__ */ accountOrder();

/** Families whose node URL the user sets in Settings (an EVM network carries its own RPC URL). */
export type EndpointFamily = Exclude<WalletFamily, 'evm'>;
// Marked pure so bundles that import this file but not the list (the page's) drop it.
export const ENDPOINT_FAMILIES: readonly EndpointFamily[] = /* @__PURE__ */ WALLET_FAMILIES.filter((f): f is EndpointFamily => f !== 'evm');

/** Narrowing check for untrusted input (port messages, stored records, popup calls). */
export function isFamily(v: unknown): v is Family {
  return typeof v === 'string' && (FAMILIES as readonly string[]).includes(v);
}

/** Same for the popup's families. */
export function isWalletFamily(v: unknown): v is WalletFamily {
  return typeof v === 'string' && (WALLET_FAMILIES as readonly string[]).includes(v);
}

/** Ends an exhaustive switch: adding a family makes every switch that forgot it fail to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
