/**
 * Build-time (Vite/Rolldown) plugin: one copy of a package in the bundles where npm installed
 * several. npm nests a second copy of a package under each dependent whose range the top-level
 * copy does not satisfy (bn.js 4.12.5 under both `elliptic` and `@wharfkit/antelope`; viem's and
 * @solana/web3.js's @noble/curves 1.9.7), and the bundler then includes each copy: the worker's
 * installed bytes, which every worker start pays for (README "Cold start"), carried the same code
 * two or three times. This plugin resolves an import that lands in a nested copy to the canonical
 * copy of that package: the top-level one, else the first nested one (see findCopies; deterministic).
 *
 * Which copies count as the same: `exact` packages only at the same version; `sameMajor` packages at
 * the same major when the canonical copy's version is the higher one (semver-compatible upgrade:
 * @scure/sr25519 2.3 pins @noble/curves ~2.3.0 and works with our 2.4.0, which the Polkadot unit
 * and e2e tests check; an npm `overrides` entry for it corrupted unrelated nested trees). `anyMajor`
 * packages across majors too: @wharfkit/antelope asks for bn.js ^4 and uses only what bn.js 5 keeps
 * (constructor from number/string/bytes, add/sub/mul/divmod, toTwos/fromTwos, toArrayLike(Uint8Array),
 * BN.isBN/min/max); the EOS e2e tests run it so in the built extension.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

export interface DedupeOptions {
  root: string;
  exact: readonly string[];
  sameMajor: readonly string[];
  /** Folded into the top-level copy whatever their major, when it is the newer (API checked by hand and by e2e). */
  anyMajor?: readonly string[];
}

interface Copy {
  dir: string;
  version: string;
}

const parseVersion = (v: string): number[] => v.split(/[.+-]/).slice(0, 3).map((n) => Number(n));

function newer(a: string, b: string): boolean {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

function readVersion(dir: string): string | null {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? null;
}

/** Package directories directly under a node_modules folder (scoped ones expanded). */
function packagesIn(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  const out: string[] = [];
  for (const name of readdirSync(nodeModules).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const sub of readdirSync(join(nodeModules, name)).sort()) out.push(join(nodeModules, name, sub));
    else out.push(join(nodeModules, name));
  }
  return out;
}

/**
 * Every copy of `name`: top level first, then nested one level below a top-level package, those
 * under the project's own `dependencies` first (so a bundle does not draw on a devDependency's folder).
 */
export function findCopies(root: string, name: string): Copy[] {
  const top = join(root, 'node_modules');
  const deps = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {});
  const isDep = (dir: string): boolean => deps.some((d) => dir === join(top, d));
  const nested = packagesIn(top).sort((a, b) => Number(isDep(b)) - Number(isDep(a)));
  const dirs = [join(top, name), ...nested.map((p) => join(p, 'node_modules', name))];
  return dirs.flatMap((dir) => {
    const version = readVersion(dir);
    return version ? [{ dir, version }] : [];
  });
}

/** Map from a non-canonical copy's directory to the canonical copy's directory. */
export function dedupeMap(options: DedupeOptions): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, key: (c: Copy) => string, accepts: (canonical: Copy, other: Copy) => boolean): void => {
    const canonical = new Map<string, Copy>();
    for (const copy of findCopies(options.root, name)) {
      const first = canonical.get(key(copy));
      if (!first) canonical.set(key(copy), copy);
      else if (accepts(first, copy)) map.set(copy.dir, first.dir);
    }
  };
  for (const name of options.exact) add(name, (c) => c.version, (a, b) => a.version === b.version);
  for (const name of options.sameMajor) add(name, (c) => String(parseVersion(c.version)[0]), (a, b) => a.version === b.version || newer(a.version, b.version));
  for (const name of options.anyMajor ?? []) add(name, () => '', (a, b) => a.version === b.version || newer(a.version, b.version));
  return map;
}

/** The Vite plugin: redirects resolved ids inside a mapped copy to the same file in the canonical one. */
export function packageDedupe(options: DedupeOptions) {
  const map = dedupeMap(options);
  const redirect = (id: string): string | null => {
    for (const [from, to] of map) if (id.startsWith(from + sep)) return to + id.slice(from.length);
    return null;
  };
  return {
    name: 'mcw-package-dedupe',
    enforce: 'pre' as const,
    async resolveId(
      this: { resolve: (s: string, i?: string, o?: Record<string, unknown>) => Promise<{ id: string } | null> },
      source: string,
      importer: string | undefined,
      opts: Record<string, unknown>,
    ) {
      if (map.size === 0 || source.startsWith('\0') || source.startsWith('.') || source.startsWith('/')) return null;
      const resolved = await this.resolve(source, importer, { ...opts, skipSelf: true });
      if (!resolved) return null;
      const to = redirect(resolved.id);
      return to ? { ...resolved, id: to } : null;
    },
  };
}
