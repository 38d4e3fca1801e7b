/**
 * Manifest and bundle lint (security checklist §A): least privilege, no external messaging,
 * strict CSP that forbids framing, content scripts only on secure origins (plus localhost),
 * no web-accessible HTML, no eval in the built code, no source maps shipped.
 * Runs on the built output, so `npm test` builds before the e2e project runs these checks too.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ALLOWED_PERMISSIONS = ['storage', 'alarms', 'notifications'];
const MATCHES = ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  describe(`built ${target}`, () => {
    const dir = join(ROOT, '.output', target);
    if (!existsSync(join(dir, 'manifest.json'))) {
      // NODE_ENV=production: under vitest it is 'test', which would build React's development bundle.
      execFileSync('npx', ['wxt', 'build', ...(target.startsWith('firefox') ? ['-b', 'firefox', '--mv3'] : [])], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
      permissions?: string[];
      host_permissions?: string[];
      content_scripts: Array<{ matches: string[]; js: string[]; world?: string; run_at?: string }>;
      content_security_policy: { extension_pages: string };
      externally_connectable?: { ids: string[]; matches: string[] };
      web_accessible_resources?: unknown[];
    };

    it('requests only the permissions it uses', () => {
      expect(manifest.manifest_version).toBe(3);
      // favicon: Chrome's favicon cache for the approval window's site icon (no request to the site).
      const allowed = target.startsWith('chrome') ? [...ALLOWED_PERMISSIONS, 'favicon'] : ALLOWED_PERMISSIONS;
      expect([...(manifest.permissions ?? [])].sort()).toEqual([...allowed].sort());
      expect(manifest.host_permissions ?? []).toEqual([]);
    });

    it('accepts no messages from other extensions or sites', () => {
      expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
      // The worker's eager core and the rest of the background it loads (src/background/boot/core.ts).
      for (const file of ['background.js', 'wallet-worker.js']) {
        const bg = readFileSync(join(dir, file), 'utf8');
        expect(bg.length).toBeGreaterThan(1000);
        expect(bg).not.toMatch(/onMessageExternal|onConnectExternal/);
      }
    });

    it('handles payment links only where the browser allows an extension to (Firefox: bitcoin:)', () => {
      const handlers = (manifest as { protocol_handlers?: unknown }).protocol_handlers;
      if (target.startsWith('firefox')) expect(handlers).toEqual([{ protocol: 'bitcoin', name: 'Multichain Wallet', uriTemplate: '/popup.html?pay=%s#/send' }]);
      else expect(handlers).toBeUndefined();
    });

    it('has a strict extension-page CSP that forbids framing', () => {
      const csp = manifest.content_security_policy.extension_pages;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:/);
    });

    it('injects only on https, localhost and 127.0.0.1: the providers in the MAIN world at document_start and at document_idle, the relay at document_idle', () => {
      for (const cs of manifest.content_scripts) expect([...cs.matches].sort()).toEqual(MATCHES);
      const main = manifest.content_scripts.filter((cs) => cs.world === 'MAIN');
      const isolated = manifest.content_scripts.filter((cs) => cs.world !== 'MAIN');
      // The announcements and EVM before the page's first script; the other families' code after
      // DOMContentLoaded (src/inpage/late.ts), where it does not delay it.
      expect(main.map((cs) => [cs.js, cs.run_at])).toEqual([
        [['content-scripts/inpage-late.js'], 'document_idle'],
        [['content-scripts/inpage.js'], 'document_start'],
      ]);
      // An isolated-world script at document_start delays DOMContentLoaded of every page (npm run bench).
      expect(isolated.length).toBe(1);
      expect(isolated[0]?.run_at).toBe('document_idle');
    });

    it('makes no HTML page web-accessible: only the lazily loaded tronweb.js, and only to the pages we inject into', () => {
      const war = (manifest.web_accessible_resources ?? []) as Array<{ resources: string[]; matches: string[] }>;
      expect(war.flatMap((w) => w.resources)).toEqual(['tronweb.js']);
      for (const w of war) expect([...w.matches].sort()).toEqual(MATCHES);
    });

    it('serves tronweb.js only at a per-session dynamic URL on Chrome (no fixed URL to fingerprint)', () => {
      const war = (manifest.web_accessible_resources ?? []) as Array<{ use_dynamic_url?: boolean }>;
      // Firefox does not take the key (its moz-extension host is already a per-install random UUID).
      for (const w of war) expect(w.use_dynamic_url).toBe(target === 'chrome-mv3' ? true : undefined);
    });

    it('ships no eval, no remote script and no source maps', () => {
      const files = walk(dir);
      expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
      for (const f of files.filter((x) => x.endsWith('.js'))) {
        const code = readFileSync(f, 'utf8');
        expect(code, f).not.toMatch(/\beval\(|new Function\(|setTimeout\(\s*["'`]/);
        expect(code, f).not.toMatch(/import\(\s*["'`]https?:/);
      }
      for (const f of files.filter((x) => x.endsWith('.html'))) expect(readFileSync(f, 'utf8')).not.toMatch(/<script[^>]+src=["']?https?:/);
    });
  });
}

describe('source rules', () => {
  it('src/core imports no browser extension API', () => {
    for (const f of walk(join(ROOT, 'src/core')).filter((x) => x.endsWith('.ts'))) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/\b(chrome|browser)\.(runtime|storage|tabs|windows|alarms)\b|from ['"]wxt/);
    }
  });
  it('no Math.random in key or vault code, and storage.session is never widened', () => {
    for (const f of walk(join(ROOT, 'src')).filter((x) => /\.tsx?$/.test(x))) {
      const code = readFileSync(f, 'utf8');
      if (f.includes('/core/') || f.includes('/background/')) expect(code, f).not.toContain('Math.random');
      expect(code, f).not.toContain('TRUSTED_AND_UNTRUSTED_CONTEXTS');
    }
  });
});
