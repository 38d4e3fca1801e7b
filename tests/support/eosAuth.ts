/**
 * Test helper for the EOS test node: the authorization check nodeos makes before it applies a
 * transaction, done with @wharfkit/antelope. Every signature's key is recovered from the signing
 * digest (chain id ‖ packed transaction ‖ 32 zero bytes of context-free data hash); each declared
 * `actor@permission` must then be satisfied by those keys, by that permission or by one of its
 * parents (owner satisfies active), with weights summed against the threshold, as the chain does.
 * Account-based authorities (`accounts` in an authority) are followed one level, which is enough
 * for the code/eosio.code cases tests need; waits are not modelled.
 */
import { Checksum256, PublicKey, Signature, Transaction } from '@wharfkit/antelope';

export interface KeyWeight {
  key: string;
  weight: number;
}
export interface AccountWeight {
  permission: { actor: string; permission: string };
  weight: number;
}
export interface PermissionState {
  perm_name: string;
  parent: string;
  required_auth: { threshold: number; keys: KeyWeight[]; accounts: AccountWeight[]; waits: never[] };
}

/** A nodeos error reply (code, name, what, detail message): refused authorizations here, any chain error in eosNode.ts. */
export class NodeosError extends Error {
  constructor(
    readonly code: number,
    readonly errorName: string,
    readonly what: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** The keys that signed `tx` for `chainId`, as PUB_K1 strings; a malformed signature is an error. */
export function recoverSigners(tx: Transaction, chainId: string, signatures: readonly string[]): string[] {
  const digest = tx.signingDigest(Checksum256.from(chainId));
  return signatures.map((s) => {
    let sig: Signature;
    try {
      sig = Signature.from(s);
    } catch {
      throw new NodeosError(3010004, 'signature_type_exception', 'Invalid signature', `Invalid signature format: ${s}`);
    }
    return sig.recoverDigest(digest).toString();
  });
}

const normalKey = (k: string): string => PublicKey.from(k).toString();

/**
 * Throws nodeos' `unsatisfied_authorization` unless every declared authorization of every action
 * is satisfied by `signers`. `permissions(actor)` returns the actor's permissions (undefined: no
 * such account). Returns the set of keys actually used, so irrelevant signatures can be refused too.
 */
export function checkAuthorizations(
  tx: Transaction,
  signers: readonly string[],
  permissions: (actor: string) => PermissionState[] | undefined,
): Set<string> {
  const provided = new Set(signers.map(normalKey));
  const used = new Set<string>();

  const satisfies = (actor: string, permName: string, depth: number): boolean => {
    const perms = permissions(actor);
    if (!perms) return false;
    // The permission itself or any parent up to owner satisfies it.
    let current = perms.find((p) => p.perm_name === permName);
    while (current) {
      const auth = current.required_auth;
      let weight = 0;
      const keysHere: string[] = [];
      for (const kw of auth.keys) {
        const k = normalKey(kw.key);
        if (provided.has(k)) {
          weight += kw.weight;
          keysHere.push(k);
        }
      }
      if (depth < 2) {
        for (const aw of auth.accounts) if (satisfies(aw.permission.actor, aw.permission.permission, depth + 1)) weight += aw.weight;
      }
      if (weight >= auth.threshold) {
        keysHere.forEach((k) => used.add(k));
        return true;
      }
      const parent = current.parent;
      current = parent ? perms.find((p) => p.perm_name === parent) : undefined;
    }
    return false;
  };

  for (const action of [...tx.context_free_actions, ...tx.actions]) {
    for (const level of action.authorization) {
      const actor = String(level.actor);
      const perm = String(level.permission);
      if (!permissions(actor)) {
        throw new NodeosError(3010001, 'name_type_exception', 'Invalid name', `account ${actor} does not exist`);
      }
      if (!satisfies(actor, perm, 0)) {
        throw new NodeosError(
          3090003,
          'unsatisfied_authorization',
          'Provided keys, permissions, and delays do not satisfy declared authorizations',
          `transaction declares authority '${JSON.stringify({ actor, permission: perm })}', but does not have signatures for it.`,
        );
      }
    }
  }
  for (const k of provided) {
    if (!used.has(k)) {
      throw new NodeosError(3090004, 'irrelevant_auth_exception', 'Irrelevant authority included', `transaction bears irrelevant signatures from these keys: ["${k}"]`);
    }
  }
  return used;
}
