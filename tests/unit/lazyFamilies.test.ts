/**
 * The background's lazy code stays lazy. The worker's eager core (entrypoints/background.ts,
 * src/background/boot/) is the only code evaluated at worker start: it may import no package and
 * none of the background's modules beyond a short list. The rest (entrypoints/wallet-worker.ts) is
 * loaded on first need, and inside it the bundler evaluates a module when any static import chain
 * reaches it from the entry, so none may reach the
 * EVM / Bitcoin / Solana / TRON dApp tables, the popup's chain operations or @solana/web3.js (they
 * are loaded through import() in src/background/lazyModules.ts). `import type` is erased and not
 * followed.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, staticGraph } from '../support/importGraph';

describe('worker: the eager core stays small', () => {
  const { files, packages } = staticGraph('entrypoints/background.ts');
  it('imports no package but wxt, and only these modules', () => {
    expect([...packages.keys()].filter((p) => !p.startsWith('wxt'))).toEqual([]);
    expect([...files.keys()].map((f) => relative(ROOT, f)).sort()).toEqual([
      'entrypoints/background.ts',
      'src/background/boot/core.ts',
      'src/background/boot/handoff.ts',
      'src/background/dapp/origin.ts',
      'src/demo/config.ts',
      'src/families/evm/background/eagerReads.ts',
      'src/families/ids.ts',
      'src/protocol/dapp.ts',
    ]);
  });
});

describe('background: family code reached only through import()', () => {
  const { files, packages } = staticGraph('entrypoints/wallet-worker.ts');
  const rel = (f: string): string => relative(ROOT, f);

  it('follows the static graph (sanity: the eager parts are in it)', () => {
    const reached = [...files.keys()].map(rel);
    expect(reached).toContain('src/background/dapp/pipeline.ts');
    expect(reached).toContain('src/background/lazyModules.ts');
    expect(reached).toContain('src/background/walletService.ts');
  });

  it.each(['src/families/evm/background/dapp.ts', 'src/families/bitcoin/background/dapp.ts', 'src/families/solana/background/dapp.ts', 'src/families/tron/background/dapp.ts', 'src/background/families/popupChains.ts'])('%s is not statically imported', (file) => {
    expect([...files.keys()].map(rel)).not.toContain(file);
  });

  it('the EOS module (and @wharfkit/antelope) is reached only through the registry loader', () => {
    const reached = [...files.keys()].map(rel);
    expect(reached.filter((f) => f.startsWith('src/families/eos/background/'))).toEqual([]);
    expect(reached).not.toContain('src/families/eos/core/transaction.ts');
    expect([...packages.keys()].filter((p) => p.startsWith('@wharfkit/'))).toEqual([]);
    expect(readFileSync(resolve(ROOT, 'src/families/registry.ts'), 'utf8')).toContain("import('./eos/background')");
  });

  it("the Aptos family's background is not statically imported (only its networks are)", () => {
    const reached = [...files.keys()].map(rel);
    expect(reached).toContain('src/families/aptos/core/descriptor.ts');
    expect(reached.filter((f) => f.startsWith('src/families/aptos/background/'))).toEqual([]);
    expect(readFileSync(resolve(ROOT, 'src/families/registry.ts'), 'utf8')).toContain("import('./aptos/background/index')");
  });

  it("the TRON family's background and its dApp method table are reached only through the registry's import() (only its networks are eager)", () => {
    const reached = [...files.keys()].map(rel);
    expect(reached).toContain('src/families/tron/core/descriptor.ts');
    expect(reached.filter((f) => f.startsWith('src/families/tron/background/'))).toEqual([]);
    const registry = readFileSync(resolve(ROOT, 'src/families/registry.ts'), 'utf8');
    expect(registry).toContain("import('./tron/background/index')");
    // The dApp methods are a table of the background module (the shared pipeline runs them), not a handler of their own.
    expect(registry).not.toContain("import('./tron/background/dapp')");
    expect(readFileSync(resolve(ROOT, 'src/families/tron/background/index.ts'), 'utf8')).toContain("from './dapp'");
  });

  it('the Polkadot module and its codec packages are reached only through the registry’s import()', () => {
    expect([...files.keys()].map(rel).filter((f) => f.startsWith('src/families/polkadot/background/'))).toEqual([]);
    // (@scure/sr25519 is eager anyway: the keyring derives Polkadot addresses with it.)
    expect([...packages.keys()].filter((p) => p.startsWith('@polkadot-api/'))).toEqual([]);
    expect(readFileSync(resolve(ROOT, 'src/families/registry.ts'), 'utf8')).toContain("import('./polkadot/background/index')");
  });

  it("the Bitcoin family's popup and dApp code is reached only through import() (its state, networks and Esplora URLs, is eager)", () => {
    const reached = [...files.keys()].map(rel);
    expect(reached).toContain('src/families/bitcoin/core/descriptor.ts');
    expect(reached.filter((f) => f.startsWith('src/families/bitcoin/background/'))).toEqual(['src/families/bitcoin/background/state.ts']);
    expect(readFileSync(resolve(ROOT, 'src/families/registry.ts'), 'utf8')).toContain("import('./bitcoin/background/index')");
  });

  it("the Solana family's background and its dApp methods are reached only through the registry's import() (only its networks are eager)", () => {
    const reached = [...files.keys()].map(rel);
    expect(reached).toContain('src/families/solana/core/descriptor.ts');
    expect(reached.filter((f) => f.startsWith('src/families/solana/background/'))).toEqual([]);
    const registry = readFileSync(resolve(ROOT, 'src/families/registry.ts'), 'utf8');
    expect(registry).toContain("import('./solana/background/index')");
    // The dApp method table is part of that lazily loaded module (no handler of its own any more).
    expect(readFileSync(resolve(ROOT, 'src/families/solana/background/index.ts'), 'utf8')).toContain("from './dapp'");
  });

  it('@solana/web3.js is not statically imported', () => {
    expect([...packages.keys()].filter((p) => p.startsWith('@solana/web3.js'))).toEqual([]);
  });

  it('lazyModules.ts loads them with import()', () => {
    const lazy = readFileSync(resolve(ROOT, 'src/background/lazyModules.ts'), 'utf8');
    expect(lazy).toContain("import('./families/popupChains')");
    // Solana Pay transaction requests: reached from the Solana background's `paymentRequest`, itself loaded through the registry.
    expect([...files.keys()].map(rel)).not.toContain('src/families/solana/background/payRequest.ts');
    expect(readFileSync(resolve(ROOT, 'src/families/solana/background/index.ts'), 'utf8')).toContain("import('./payRequest')");
  });
});
