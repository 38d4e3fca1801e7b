import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper without types
import { dropExtraneous, fixLock, lockText, missingOptionalEntries, platformOf } from '../support/lockfile.mjs';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));

describe('package-lock.json is what `npm ci` accepts', () => {
  it('every optional dependency of a locked package has an entry (else npm ci stops with "Missing: X@ from lock file")', () => {
    expect(missingOptionalEntries(lock)).toEqual([]);
  });

  it('fixLock adds a platform-only entry for a missing binary package and nothing else', () => {
    const sample: { packages: Record<string, Record<string, unknown>> } = {
      packages: {
        '': { name: 'x' },
        'node_modules/tool': { version: '1.0.0', dev: true, optionalDependencies: { 'tool-darwin-arm64': '1.0.0', 'tool-linux-x64-musl': '1.0.0', 'tool-linux-x64-gnu': '1.0.0' } },
        'node_modules/tool-linux-x64-gnu': { version: '1.0.0' },
      },
    };
    expect(fixLock(sample)).toEqual(['tool-darwin-arm64', 'tool-linux-x64-musl']);
    expect(sample.packages['node_modules/tool-darwin-arm64']).toEqual({ version: '1.0.0', dev: true, optional: true, os: ['darwin'], cpu: ['arm64'] });
    expect(sample.packages['node_modules/tool-linux-x64-musl']).toMatchObject({ os: ['linux'], cpu: ['x64'], libc: ['musl'] });
    expect(missingOptionalEntries(sample)).toEqual([]);
    expect(platformOf('anvil-win32-amd64')).toEqual({ os: 'win32', cpu: 'x64', libc: undefined });
    expect(platformOf('not-a-platform-package')).toBeUndefined();
  });

  it('lockText writes npm’s order: plain values before objects, npm’s leading keys, then localeCompare', () => {
    const lock = {
      packages: {
        'node_modules/b': { os: ['linux'], version: '1.0.0', engines: { node: '>=20' }, dev: true, cpu: ['x64'], integrity: 'sha512-x' },
        'node_modules/B-upper': { version: '2.0.0' },
        '': { name: 'root', dependencies: { z: '1', a: '2' } },
      },
      lockfileVersion: 3,
      requires: true,
      name: 'x',
      version: '0.1.0',
    };
    const text = lockText(lock);
    expect(Object.keys(JSON.parse(text))).toEqual(['name', 'version', 'lockfileVersion', 'requires', 'packages']);
    expect(Object.keys(JSON.parse(text).packages)).toEqual(['', 'node_modules/b', 'node_modules/B-upper']);
    expect(Object.keys(JSON.parse(text).packages['node_modules/b'])).toEqual(['version', 'integrity', 'cpu', 'dev', 'os', 'engines']);
    expect(Object.keys(JSON.parse(text).packages[''].dependencies)).toEqual(['a', 'z']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('dropExtraneous removes the entries npm marks extraneous and nothing else', () => {
    const lock = { packages: { '': {}, 'node_modules/a': { version: '1.0.0' }, 'node_modules/a/node_modules/b': { version: '5.0.0', extraneous: true } } };
    expect(dropExtraneous(lock)).toEqual(['node_modules/a/node_modules/b']);
    expect(Object.keys(lock.packages)).toEqual(['', 'node_modules/a']);
  });
});
