/**
 * A fresh clone installs quietly and stays clean (issue 18):
 * - every locked package accepts the Node version the project declares (.nvmrc, `engines`), so
 *   `npm ci` prints no EBADENGINE warning;
 * - every dependency install script is either allowed or denied in `allowScripts` (npm reports the
 *   uncovered ones after each install);
 * - the committed lockfile is already in sync with package.json and is a fixed point of the
 *   postinstall step (tests/support/lockfile.mjs), so `npm ci` leaves `git status` empty.
 *   .ci/run checks the last point for real after its `npm ci`.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper without types
import { dropExtraneous, fixLock, lockText } from '../support/lockfile.mjs';

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
interface Lock {
  packages: Record<string, LockEntry>;
}

const read = (p: string): string => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const committedText = read('package-lock.json');
const lock = JSON.parse(committedText) as Lock;
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const nvmrc = read('.nvmrc').trim();

const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('the declared Node version', () => {
  it('.nvmrc names one exact version that satisfies package.json engines', () => {
    expect(semver.valid(nvmrc), `.nvmrc "${nvmrc}"`).toBe(nvmrc);
    expect(semver.satisfies(nvmrc, pkg.engines.node)).toBe(true);
  });

  it('every locked package accepts both .nvmrc and the lowest Node that engines allows (no EBADENGINE)', () => {
    const lowest = semver.minVersion(pkg.engines.node)!.version;
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      if (!path || !range) continue;
      for (const v of [nvmrc, lowest]) {
        if (!semver.satisfies(v, range)) refused.push(`${nameOf(path)}@${entry.version} wants node ${range}, not ${v}`);
      }
    }
    expect(refused).toEqual([]);
  });
});

describe('install scripts', () => {
  it('every locked package with an install script has an allowScripts decision', () => {
    const decided = pkg.allowScripts ?? {};
    const undecided = Object.entries(lock.packages)
      .filter(([path, e]) => path && e.hasInstallScript)
      .map(([path, e]) => ({ name: nameOf(path), version: e.version }))
      .filter(({ name, version }) => !(name in decided) && !(`${name}@${version}` in decided));
    expect(undecided).toEqual([]);
  });
});

describe('the committed lockfile is what `npm install` + postinstall write', () => {
  it('is in npm’s own serialization (key order, 2-space JSON, final newline)', () => {
    expect(lockText(lock)).toBe(committedText);
  });

  it('its root entry lists exactly the dependencies of package.json', () => {
    const root = lock.packages['']!;
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies);
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies);
    expect((root.engines as { node?: string } | undefined)?.node).toBe(pkg.engines.node);
  });

  it('the postinstall step changes nothing in it', () => {
    const copy = JSON.parse(committedText) as Lock;
    expect(fixLock(copy)).toEqual([]);
    expect(dropExtraneous(copy)).toEqual([]);
    expect(lockText(copy)).toBe(committedText);
  });
});
