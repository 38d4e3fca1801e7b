/**
 * A static reading of the source's import graph, for the tests that guard the bundles' shape
 * (tests/unit/lazyFamilies.test.ts: what the worker evaluates at start) and the layer rules
 * (tests/unit/layering.test.ts). It reads import/export statements with a regex rather than the
 * compiler: the source follows one import style, and a missed import would show up as a failing
 * sanity check in those tests rather than as a silent pass.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ImportRef {
  /** As written: './bridge', 'wxt/browser'. */
  spec: string;
  /** The resolved source file for a relative import (null for a package or an unresolved path). */
  file: string | null;
  /** `import type` / `export type`: erased by the compiler. */
  typeOnly: boolean;
  /** `import('…')`: loaded on first use. */
  dynamic: boolean;
}

const STATIC = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
/** `require('…')` (the page bundle's lazily evaluated modules): bundled like a static import, so followed as one. */
const REQUIRE = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The source file a relative specifier names (extension-less, with .ts/.tsx, or a folder's index.ts). */
export function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (/\.tsx?$/.test(c) && existsSync(c)) return c;
  return null;
}

/** Every import and re-export of one file. Type-only and dynamic ones are flagged, not dropped. */
export function importsOf(file: string): ImportRef[] {
  const src = readFileSync(file, 'utf8');
  const refs: ImportRef[] = [];
  const local = (spec: string): string | null => (spec.startsWith('.') ? resolveLocal(file, spec) : null);
  for (const m of src.matchAll(STATIC)) refs.push({ spec: m[2]!, file: local(m[2]!), typeOnly: Boolean(m[1]), dynamic: false });
  for (const m of src.matchAll(DYNAMIC)) refs.push({ spec: m[1]!, file: local(m[1]!), typeOnly: false, dynamic: true });
  for (const m of src.matchAll(REQUIRE)) refs.push({ spec: m[1]!, file: local(m[1]!), typeOnly: false, dynamic: false });
  return refs;
}

/**
 * Static (value) imports of every module reachable from `entry`: file → importer, packages →
 * importer. `import type` is erased and `import()` is lazy, so neither is followed.
 */
export function staticGraph(entry: string): { files: Map<string, string>; packages: Map<string, string> } {
  const files = new Map<string, string>();
  const packages = new Map<string, string>();
  const walk = (file: string, importer: string): void => {
    if (files.has(file)) return;
    files.set(file, importer);
    for (const ref of importsOf(file)) {
      if (ref.typeOnly || ref.dynamic) continue;
      if (ref.spec.startsWith('.')) {
        if (ref.file) walk(ref.file, file);
      } else if (!packages.has(ref.spec)) packages.set(ref.spec, file);
    }
  };
  walk(resolve(ROOT, entry), 'entry');
  return { files, packages };
}

/** Every .ts/.tsx file under `dir` (or `dir` itself when it is a file; relative to the repo root), as absolute paths. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    if (!statSync(d).isDirectory()) {
      out.push(d);
      return;
    }
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(resolve(ROOT, dir));
  return out.sort();
}

/** Repo-relative path with forward slashes. */
export function rel(file: string): string {
  return relative(ROOT, file).split('\\').join('/');
}
