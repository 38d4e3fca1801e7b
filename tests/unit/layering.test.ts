/**
 * The layer rules of the family-module design (shared/family-modules.md, issue 11), read from the
 * import graph (tests/support/importGraph.ts):
 * - pure core (src/core, src/families/<f>/core) imports no browser API and no other layer;
 * - the injected providers import only the bridge, the emitter, the wallet's icon, the dApp
 *   protocol, the family ids and themselves (plus a fixed list of tiny packages: no SDKs);
 * - the UI never imports the background, and the background never imports the UI;
 * - the shared protocol imports nothing but itself and the family ids/contracts.
 * Every import counts here, `import type` and `import()` included: a type import across a layer
 * is still a dependency on that layer's shape.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, rel, sourceFiles, staticGraph, type ImportRef } from '../support/importGraph';

/** Imports of the files under `dirs` whose target breaks `allowed` (repo-relative path or package name). */
function violations(dirs: readonly string[], allowed: (target: string, from: string, ref: ImportRef) => boolean): string[] {
  const out: string[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(d))) {
    for (const ref of importsOf(file)) {
      const target = ref.file ? rel(ref.file) : ref.spec;
      if (!allowed(target, rel(file), ref)) out.push(`${rel(file)} → ${target}`);
    }
  }
  return out;
}

const isPackage = (target: string): boolean => !target.startsWith('src/') && !target.startsWith('entrypoints/') && !target.startsWith('.');
const BROWSER_PACKAGES = /^(wxt(\/|$)|#imports$|webextension-polyfill$|@wxt-dev\/)/;
/** Family core folders (none yet; each family's pure code moves under src/families/<f>/core). */
const FAMILY_CORES = sourceFiles('src/families')
  .map(rel)
  .filter((f) => /^src\/families\/[^/]+\/core\//.test(f));
const familyCoreDirs = [...new Set(FAMILY_CORES.map((f) => f.split('/').slice(0, 4).join('/')))];

describe('layering: pure core', () => {
  const dirs = ['src/core', ...familyCoreDirs];

  it('reads the core files (sanity)', () => {
    expect(dirs.flatMap((d) => sourceFiles(d)).length).toBeGreaterThan(50);
  });

  it('imports only core, the family ids and contracts, and non-browser packages', () => {
    const bad = violations(dirs, (t) =>
      isPackage(t) ? !BROWSER_PACKAGES.test(t) : t.startsWith('src/core/') || t === 'src/families/ids.ts' || t === 'src/families/types.ts' || /^src\/families\/[^/]+\/core\//.test(t),
    );
    expect(bad).toEqual([]);
  });

  it('uses no browser extension API (chrome.*, browser.*)', () => {
    const bad = dirs
      .flatMap((d) => sourceFiles(d))
      .filter((f) => {
        // Comments may mention "the browser." in prose: strip them before looking.
        const code = readFileSync(f, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/(^|[^:])\/\/.*$/gm, '$1');
        return /\b(chrome|browser)\.[a-zA-Z]/.test(code);
      })
      .map(rel);
    expect(bad).toEqual([]);
  });
});

describe('layering: injected providers', () => {
  /** Shared page-side modules every provider may use. */
  const SHARED = new Set(['src/inpage/bridge.ts', 'src/inpage/emitter.ts', 'src/inpage/icon.ts', 'src/inpage/lazy.ts', 'src/inpage/registerWallet.ts', 'src/inpage/hex.ts', 'src/inpage/announce.ts', 'src/inpage/late.ts', 'src/protocol/dapp.ts', 'src/families/ids.ts']);
  /** The registry of the families' document_idle parts: shared page code may name its type only (src/inpage/late.ts). */
  const LATE_REGISTRY = 'src/families/inpageLate.ts';
  /** The page registries (src/families/inpage.ts, inpageLate.ts) and each family module's provider folder. */
  const FAMILY_INPAGE = /^src\/families\/(inpage\.ts$|inpageLate\.ts$|[^/]+\/inpage\/)/;
  const familyInpageDirs = [...new Set(sourceFiles('src/families').map(rel).filter((f) => /^src\/families\/[^/]+\/inpage\//.test(f)).map((f) => f.split('/').slice(0, 4).join('/')))];
  /** Small packages the providers use today (checked against the 25 KiB budget by `npm run bench`); an SDK is not one. */
  const PACKAGES = /^@noble\/hashes\/[\w.]+$/;
  const { files, packages } = staticGraph('entrypoints/inpage.content.ts');

  it('follows the page bundle (sanity: every provider is in it)', () => {
    const reached = [...files.keys()].map(rel);
    for (const f of ['src/families/evm/inpage/provider.ts', 'src/families/bitcoin/inpage/provider.ts', 'src/families/solana/inpage/provider.ts', 'src/families/tron/inpage/provider.ts', 'src/inpage/bridge.ts']) expect(reached).toContain(f);
  });

  it('each provider imports only the shared page modules, itself and the allowed packages', () => {
    const providers = sourceFiles('src/inpage').map(rel).filter((f) => !SHARED.has(f));
    const bad = violations(['src/inpage'], (t, from, ref) => {
      if (isPackage(t)) return ref.typeOnly || PACKAGES.test(t);
      if (t === LATE_REGISTRY) return ref.typeOnly;
      return SHARED.has(t) || t === from || (!providers.includes(from) && !providers.includes(t));
    });
    expect(bad).toEqual([]);
  });

  it("a family module's provider imports only the shared page modules, its own folder and the allowed packages", () => {
    const bad = violations(familyInpageDirs, (t, from, ref) => {
      if (isPackage(t)) return ref.typeOnly || PACKAGES.test(t);
      return SHARED.has(t) || t.startsWith(from.split('/').slice(0, 4).join('/') + '/');
    });
    expect(bad).toEqual([]);
  });

  it('both page bundles reach nothing outside the page modules', () => {
    const late = staticGraph('entrypoints/inpage-late.content.ts');
    expect([...late.files.keys()].map(rel)).toContain('src/families/tron/inpage/tronProviders.ts');
    for (const [entry, graph] of [['entrypoints/inpage.content.ts', { files, packages }], ['entrypoints/inpage-late.content.ts', late]] as const) {
      const outside = [...graph.files.keys()].map(rel).filter((f) => f !== entry && !f.startsWith('src/inpage/') && !FAMILY_INPAGE.test(f) && !SHARED.has(f));
      expect(outside).toEqual([]);
      expect([...graph.packages.keys()].filter((p) => !PACKAGES.test(p) && p !== '#imports' && !p.startsWith('wxt/'))).toEqual([]);
    }
  });

  it("the document_start bundle does not reach the families' real provider code (it comes at document_idle)", () => {
    const reached = [...files.keys()].map(rel);
    for (const f of ['src/families/tron/inpage/tronProviders.ts', 'src/families/solana/inpage/solanaWallet.ts', 'src/families/aptos/inpage/aptosWallet.ts', 'src/families/bitcoin/inpage/bitcoinProviders.ts', 'src/families/eos/inpage/scatterProvider.ts', 'src/families/polkadot/inpage/injected.ts']) expect(reached).not.toContain(f);
  });
});

describe('layering: UI and background', () => {
  it('sees the imports it judges (sanity: the UI imports the protocol, the background the core, lazily too)', () => {
    expect(violations(['src/ui'], (t) => !t.startsWith('src/protocol/')).length).toBeGreaterThan(10);
    expect(violations(['src/background'], (t) => !t.startsWith('src/core/')).length).toBeGreaterThan(10);
    expect(importsOf(sourceFiles('src/background/lazyModules.ts')[0]!).filter((r) => r.dynamic).map((r) => r.spec)).toContain('./families/popupChains');
  });

  it('the UI never imports the background', () => {
    const familyUi = [...new Set(sourceFiles('src/families').map(rel).filter((f) => /^src\/families\/[^/]+\/ui\//.test(f)).map((f) => f.split('/').slice(0, 4).join('/')))];
    const isBackground = (t: string): boolean => t.startsWith('src/background/') || t === 'entrypoints/background.ts' || /^src\/families\/([^/]+\/background\/|registry\.ts$)/.test(t);
    const bad = violations(['src/ui', 'src/families/ui.ts', 'src/families/messages.ts', ...familyUi, 'entrypoints/popup', 'entrypoints/approval', 'entrypoints/onboarding'], (t) => !isBackground(t));
    expect(bad).toEqual([]);
  });

  it('the background never imports the UI', () => {
    const bad = violations(['src/background', 'entrypoints/background.ts'], (t) => !t.startsWith('src/ui/') && !/^entrypoints\/(popup|approval|onboarding)\//.test(t));
    expect(bad).toEqual([]);
  });

  it('the shared protocol imports only itself and the family ids', () => {
    const bad = violations(['src/protocol'], (t) => t.startsWith('src/protocol/') || t === 'src/families/ids.ts');
    expect(bad).toEqual([]);
  });
});

describe('layering: shared code that names a family (the move is not finished)', () => {
  /**
   * Lines outside src/families/ that quote a family name ('evm', 'bitcoin', …): each is a branch or
   * list a family module should own. The ceiling is the count when this test was written (266
   * before the seam; 260 after it, 4 of them the assertNever guards that stop a new family falling
   * into Bitcoin/TRON code in wallet/chains.ts; 263 once merged with the review fixes that landed
   * beside it: eth_subscribe's grant check and the Solana icon re-attach in wallet/chains.ts; 202 once
   * EVM moved into src/families/evm and its popup went through the one pipeline; 156 once TRON moved
   * into its family module and Solana Pay landed; 110 once Bitcoin moved into its folder; 53 once Solana
   * moved into its folder and wallet/chains.ts was deleted; 44 once each family's core object carried its
   * look-alike rule and burn addresses; 43 once the Solana Pay link fields became a family UI hook; 24 once
   * the Accounts rows came from the core objects and the payment-link parsers from the families' popup
   * entries; 23 once EOS's legacy key form came from its core object) and may only go down; when every family lives in its folder it becomes zero.
   */
  const CEILING = 23;
  const FAMILY_NAME = /'(evm|bitcoin|solana|tron|aptos|polkadot|eos)'/;

  it(`stays at or under ${CEILING} lines`, () => {
    const lines = sourceFiles('src')
      .filter((f) => !rel(f).startsWith('src/families/'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => FAMILY_NAME.test(l)));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(CEILING);
  });
});
