/** The one family list and its helpers (src/families/ids.ts). */
import { describe, expect, it } from 'vitest';
import { CHAIN_KEYS } from '../../src/core/chains/registry';
import { ENDPOINT_FAMILIES, FAMILIES, WALLET_FAMILIES, assertNever, isFamily, isWalletFamily } from '../../src/families/ids';
import { isPortRequest } from '../../src/protocol/dapp';

describe('family ids', () => {
  it('lists each family once, and the key registry has exactly these', () => {
    expect(new Set(FAMILIES).size).toBe(FAMILIES.length);
    expect(Object.keys(CHAIN_KEYS).sort()).toEqual([...FAMILIES].sort());
  });

  it('the popup families are known families; endpoint families are the popup ones without EVM', () => {
    for (const f of WALLET_FAMILIES) expect(FAMILIES).toContain(f);
    expect(ENDPOINT_FAMILIES).toEqual(['bitcoin', 'solana', 'tron', 'polkadot']);
  });

  it('isFamily / isWalletFamily accept only listed names', () => {
    for (const f of FAMILIES) expect(isFamily(f)).toBe(true);
    for (const bad of ['', 'EVM', 'cosmos', 'evm ', null, undefined, 1, {}, ['evm']]) expect(isFamily(bad)).toBe(false);
    expect(isWalletFamily('tron')).toBe(true);
    expect(isWalletFamily('aptos')).toBe(false);
  });

  it('a port request must name a listed family', () => {
    expect(isPortRequest({ id: '1', family: 'eos', method: 'x' })).toBe(true);
    expect(isPortRequest({ id: '1', family: 'cosmos', method: 'x' })).toBe(false);
    expect(isPortRequest({ id: '1', family: 7, method: 'x' })).toBe(false);
  });

  it('assertNever throws with the unexpected value', () => {
    expect(() => assertNever('cosmos' as never, 'family')).toThrow('Unexpected family: cosmos');
  });
});
