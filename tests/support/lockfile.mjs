// npm ci refuses a lockfile in which a locked package names an optional dependency
// that has no entry of its own ("Missing: X@ from lock file"). The registry on our
// machines does not serve the other platforms' binaries of @foundry-rs/anvil and
// litesvm (404), so `npm install` records only the linux-x64 one. This script adds
// the missing platform entries (version, os, cpu, libc; no tarball), which npm ci
// then skips as platform-incompatible. It also drops entries npm marks extraneous on a first
// resolution and writes the file in npm's own serialization, so the result is npm's fixed point:
// the next `npm install` leaves it byte for byte (a fresh clone stays clean). Runs as postinstall;
// by hand: node tests/support/lockfile.mjs
// tests/unit/lockfile.test.ts and tests/unit/install.test.ts fail while the committed file is not that fixed point.
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

/**
 * Entries npm marks extraneous on a first resolution from scratch (e.g. a nested copy nothing
 * needs) and drops on the next install: removed here so the written lockfile is already npm's
 * fixed point. Returns their paths.
 */
export function dropExtraneous(lock) {
  const dropped = Object.keys(lock.packages ?? {}).filter((path) => lock.packages[path].extraneous === true);
  for (const path of dropped) delete lock.packages[path];
  return dropped;
}

const isObj = (v) => !!v && !Array.isArray(v) && typeof v === 'object';
const LOCK_KEY_ORDER = ['name', 'version', 'lockfileVersion', 'resolved', 'integrity', 'requires', 'packages', 'dependencies'];

/**
 * The lockfile text exactly as npm writes it (npm's json-stringify-nice with its key order): in
 * every object, plain values before objects, the keys above first, the rest by localeCompare('en').
 * Writing anything else makes the next `npm install` rewrite the file: a dirty fresh clone.
 */
export function lockText(lock) {
  const rank = (k) => LOCK_KEY_ORDER.indexOf(k);
  const compare = (a, b) => (rank(a) >= 0 && rank(b) < 0 ? -1 : rank(b) >= 0 && rank(a) < 0 ? 1 : rank(a) >= 0 ? rank(a) - rank(b) : a.localeCompare(b, 'en'));
  const sorted = (_key, val) =>
    isObj(val)
      ? Object.fromEntries(Object.entries(val).sort(([ak, av], [bk, bv]) => (isObj(av) === isObj(bv) ? compare(ak, bk) : isObj(av) ? 1 : -1)))
      : val;
  return `${JSON.stringify(lock, sorted, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = new URL('../../package-lock.json', import.meta.url);
  const before = readFileSync(file, 'utf8');
  const lock = JSON.parse(before);
  const added = fixLock(lock);
  const dropped = dropExtraneous(lock);
  const after = lockText(lock);
  if (after !== before) writeFileSync(file, after);
  if (dropped.length) console.log(`dropped ${dropped.length} extraneous entries: ${dropped.join(', ')}`);
  console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : after === before ? 'lockfile complete' : 'lockfile complete (rewritten in npm’s key order)');
  const left = missingOptionalEntries(lock).filter((m) => !added.includes(m.name));
  if (left.length) console.log(`still missing (not a platform package): ${left.map((m) => m.name).join(', ')}`);
}
