import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper without types
import { fixLock, missingOptionalEntries, platformOf } from '../support/lockfile.mjs';

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
});
