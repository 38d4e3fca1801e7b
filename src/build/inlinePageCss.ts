/**
 * Build-time (Vite/Rolldown) plugin: the extension pages' stylesheet written into their HTML.
 *
 * Why: a `<link rel=stylesheet>` is one more request to the browser's extension protocol handler
 * before the page may run its module scripts (a pending stylesheet blocks them) and paint; on a
 * busy machine each request took tens of milliseconds (README "Benchmarks", popup). The CSP of the
 * extension pages restricts scripts only (`script-src 'self'`), so a `<style>` element is allowed;
 * scripts stay files. A stylesheet a script still names (a lazy chunk's CSS dependency) is kept.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[^"]+\.css)">/g;

export function inlinePageCss(): Plugin {
  const inlined = new Set<string>();
  return {
    name: 'mcw-inline-page-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        file.source = String(file.source).replace(LINK, (tag, cssFile: string) => {
          const css = bundle[cssFile];
          if (css?.type !== 'asset') return tag;
          const text = String(css.source);
          if (/<\/style/i.test(text)) throw new Error(`${cssFile} cannot be written inside <style>`);
          inlined.add(cssFile);
          return `<style>${text}</style>`;
        });
      }
    },
    // Once every plugin has had its say (Vite writes lazy chunks' CSS dependencies late), a stylesheet
    // written into the pages that no script names any more is removed from the output.
    async writeBundle(options, bundle) {
      for (const cssFile of inlined) {
        const name = cssFile.split('/').pop()!;
        const named = Object.values(bundle).some((f) => f.type === 'chunk' && f.code.includes(name));
        if (!named && options.dir) await rm(join(options.dir, cssFile), { force: true });
      }
      inlined.clear();
    },
  };
}
