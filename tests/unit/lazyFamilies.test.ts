/**
 * The background's lazy family code stays lazy: the bundler evaluates a module at worker start
 * when any static import chain reaches it from entrypoints/background.ts, so none may reach the
 * Bitcoin / Solana / TRON dApp handlers, the popup's chain operations or @solana/web3.js (they
 * are loaded through import() in src/background/lazyModules.ts). `import type` is erased and not
 * followed.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, staticGraph } from '../support/importGraph';

describe('background: family code reached only through import()', () => {
  const { files, packages } = staticGraph('entrypoints/background.ts');
  const rel = (f: string): string => relative(ROOT, f);

  it('follows the static graph (sanity: the eager parts are in it)', () => {
    const reached = [...files.keys()].map(rel);
    expect(reached).toContain('src/background/dapp/evm.ts');
    expect(reached).toContain('src/background/lazyModules.ts');
    expect(reached).toContain('src/background/walletService.ts');
  });

  it.each(['src/background/dapp/bitcoin.ts', 'src/background/dapp/solana.ts', 'src/background/dapp/tron.ts', 'src/background/wallet/chains.ts'])('%s is not statically imported', (file) => {
    expect([...files.keys()].map(rel)).not.toContain(file);
  });

  it('the Polkadot module and its codec packages are reached only through the registry’s import()', () => {
    expect([...files.keys()].map(rel).filter((f) => f.startsWith('src/families/polkadot/background/'))).toEqual([]);
    // (@scure/sr25519 is eager anyway: the keyring derives Polkadot addresses with it.)
    expect([...packages.keys()].filter((p) => p.startsWith('@polkadot-api/'))).toEqual([]);
    expect(readFileSync(resolve(ROOT, 'src/families/registry.ts'), 'utf8')).toContain("import('./polkadot/background/index')");
  });

  it('@solana/web3.js is not statically imported', () => {
    expect([...packages.keys()].filter((p) => p.startsWith('@solana/web3.js'))).toEqual([]);
  });

  it('lazyModules.ts loads them with import()', () => {
    const lazy = readFileSync(resolve(ROOT, 'src/background/lazyModules.ts'), 'utf8') + readFileSync(resolve(ROOT, 'src/background/index.ts'), 'utf8');
    for (const m of ['./wallet/chains', './dapp/bitcoin', './dapp/solana', './dapp/tron']) expect(lazy).toContain(`import('${m}')`);
  });
});
