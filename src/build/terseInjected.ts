/**
 * Build-time (Vite/Rolldown) plugin: a second minification of the scripts injected into every page
 * (content-scripts/*.js) with terser, after the bundler's own (oxc) minifier. Terser's extra passes
 * save ~0.4 KiB gzipped on those two files (README "Benchmarks", injected scripts); the worker and the
 * extension pages keep the fast oxc-only build. The IIFE's `var` (a page global in the MAIN world) is
 * dropped; no property mangling, no unsafe transforms.
 */
import { minify } from 'terser';
import type { Plugin } from 'vite';

const INJECTED = /^content-scripts\/[^/]+\.js$/;

export function terseInjected(): Plugin {
  return {
    name: 'mcw-terse-injected',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !INJECTED.test(chunk.fileName)) continue;
        const mapAsset = bundle[`${chunk.fileName}.map`];
        const inputMap = mapAsset?.type === 'asset' ? String(mapAsset.source) : undefined;
        const out = await minify(chunk.code, {
          ecma: 2022,
          // toplevel: WXT wraps each script as `var <name> = (function(){…})()`; in the MAIN world that var
          // is a page global (`window.inpage`, which would also break a page's own `let inpage`). Nothing
          // reads the value (the manifest declares the scripts), so terser drops the var and keeps the call.
          compress: { passes: 3, toplevel: true },
          mangle: true,
          // wrap_iife keeps the bundle's `(function(){…})()`: V8 compiles a parenthesized function eagerly;
          // without the parentheses it pre-parses the whole script, then parses it again when the IIFE runs
          // at once (measured: +1 ms of page JavaScript at document_start, README "Benchmarks").
          format: { comments: false, wrap_iife: true },
          ...(inputMap ? { sourceMap: { content: inputMap, url: `${chunk.fileName.split('/').pop()}.map` } } : {}),
        });
        if (out.code === undefined) throw new Error(`terser produced no code for ${chunk.fileName}`);
        chunk.code = out.code;
        if (inputMap && mapAsset?.type === 'asset' && typeof out.map === 'string') mapAsset.source = out.map;
      }
    },
  };
}
