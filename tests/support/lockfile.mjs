// npm ci refuses a lockfile in which a locked package names an optional dependency
// that has no entry of its own ("Missing: X@ from lock file"). The registry on our
// machines does not serve the other platforms' binaries of @foundry-rs/anvil and
// litesvm (404), so `npm install` records only the linux-x64 one. This script adds
// the missing platform entries (version, os, cpu, libc; no tarball), which npm ci
// then skips as platform-incompatible. Run it after any `npm install`:
//   node tests/support/lockfile.mjs
// The unit test tests/unit/lockfile.test.ts fails while an entry is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** os, cpu and libc guessed from a platform package's name (e.g. anvil-darwin-arm64). */
export function platformOf(name) {
  const os = ['darwin', 'linux', 'win32', 'freebsd', 'android'].find((o) => name.includes(`-${o}`));
  const cpu = /arm64|aarch64/.test(name) ? 'arm64' : /x64|amd64|x86_64/.test(name) ? 'x64' : /ia32|x86/.test(name) ? 'ia32' : undefined;
  const libc = name.includes('musl') ? 'musl' : name.includes('gnu') ? 'glibc' : undefined;
  return os && cpu ? { os, cpu, libc } : undefined;
}

/** Optional dependencies of locked packages that have no lock entry: [{ name, version, parent }]. */
export function missingOptionalEntries(lock) {
  const missing = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
      if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
      missing.push({ name, version: spec.replace(/^[\^~=]/, ''), parent: path, dev: entry.dev === true });
    }
  }
  return missing;
}

export function fixLock(lock) {
  const added = [];
  for (const m of missingOptionalEntries(lock)) {
    const p = platformOf(m.name);
    if (!p) continue;
    lock.packages[`node_modules/${m.name}`] = {
      version: m.version,
      ...(m.dev ? { dev: true } : {}),
      optional: true,
      os: [p.os],
      cpu: [p.cpu],
      ...(p.libc ? { libc: [p.libc] } : {}),
    };
    added.push(m.name);
  }
  return added;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = new URL('../../package-lock.json', import.meta.url);
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const added = fixLock(lock);
  if (added.length) {
    lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
    writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  }
  console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : 'lockfile complete');
  const left = missingOptionalEntries(lock).filter((m) => !added.includes(m.name));
  if (left.length) console.log(`still missing (not a platform package): ${left.map((m) => m.name).join(', ')}`);
}
