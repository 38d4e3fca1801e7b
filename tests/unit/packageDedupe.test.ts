/**
 * src/build/packageDedupe.ts on a throwaway node_modules tree: which nested copies are folded into
 * which canonical copy (exact versions; same major only towards the newer canonical copy; a prod
 * dependency's copy before a devDependency's), and the plugin's redirect of a resolved id.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dedupeMap, packageDedupe } from '../../src/build/packageDedupe';

const root = mkdtempSync(join(tmpdir(), 'mcw-dedupe-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pkg(dir: string, version: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: dir.split('node_modules/').pop(), version }));
}

const nm = join(root, 'node_modules');
writeFileSync(join(root, 'package.json'), JSON.stringify({ dependencies: { zeta: '1', '@scope/lib': '1' }, devDependencies: { alpha: '1' } }));
pkg(join(nm, 'bn.js'), '5.2.5');
pkg(join(nm, 'alpha'), '1.0.0');
pkg(join(nm, 'alpha/node_modules/bn.js'), '4.12.5'); // devDependency's copy
pkg(join(nm, 'zeta'), '1.0.0');
pkg(join(nm, 'zeta/node_modules/bn.js'), '4.12.5'); // prod dependency's copy: canonical for 4.12.5
pkg(join(nm, 'zeta/node_modules/@noble/curves'), '1.9.7');
pkg(join(nm, '@scope/lib'), '1.0.0');
pkg(join(nm, '@scope/lib/node_modules/bn.js'), '4.11.0'); // another version: left alone
pkg(join(nm, '@noble/curves'), '2.4.0');
pkg(join(nm, '@scope/lib/node_modules/@noble/curves'), '2.3.0'); // older minor: folded into 2.4.0
pkg(join(nm, 'alpha/node_modules/@noble/curves'), '2.5.0'); // newer than the top level: left alone

describe('packageDedupe', () => {
  const map = dedupeMap({ root, exact: ['bn.js'], sameMajor: ['@noble/curves'] });

  it('folds identical versions into the prod dependency copy and older minors into the top level', () => {
    expect(Object.fromEntries([...map].map(([a, b]) => [a.slice(nm.length + 1), b.slice(nm.length + 1)]))).toEqual({
      'alpha/node_modules/bn.js': 'zeta/node_modules/bn.js',
      '@scope/lib/node_modules/@noble/curves': '@noble/curves',
    });
  });

  it('folds older majors into the newer top-level copy for anyMajor packages', () => {
    const across = dedupeMap({ root, exact: [], sameMajor: [], anyMajor: ['bn.js'] });
    expect([...across.keys()].map((k) => k.slice(nm.length + 1)).sort()).toEqual(['@scope/lib/node_modules/bn.js', 'alpha/node_modules/bn.js', 'zeta/node_modules/bn.js']);
    expect(new Set(across.values())).toEqual(new Set([join(nm, 'bn.js')]));
  });

  it('redirects a resolved id inside a folded copy and leaves others', async () => {
    const plugin = packageDedupe({ root, exact: ['bn.js'], sameMajor: ['@noble/curves'] });
    const ids: Record<string, string> = {
      'bn.js': join(nm, 'alpha/node_modules/bn.js/lib/bn.js'),
      '@noble/curves/secp256k1.js': join(nm, '@scope/lib/node_modules/@noble/curves/secp256k1.js'),
      other: join(nm, 'zeta/index.js'),
    };
    const ctx = { resolve: async (s: string) => ({ id: ids[s] ?? '' }) };
    expect(await plugin.resolveId.call(ctx, 'bn.js', undefined, {})).toEqual({ id: join(nm, 'zeta/node_modules/bn.js/lib/bn.js') });
    expect(await plugin.resolveId.call(ctx, '@noble/curves/secp256k1.js', undefined, {})).toEqual({ id: join(nm, '@noble/curves/secp256k1.js') });
    expect(await plugin.resolveId.call(ctx, 'other', undefined, {})).toBeNull();
    expect(await plugin.resolveId.call(ctx, './relative.js', undefined, {})).toBeNull();
  });
});
