/**
 * Build-time (Vite/Rolldown) plugin: the extension pages' start-up code in one file.
 *
 * Why: every file a page loads is a request to the browser process's extension protocol handler,
 * and on a busy machine each took ≈ 60–90 ms to answer (a trace of the popup: 11 module files
 * requested at 72–97 ms, answered at 131–172 ms, while the blank page it is compared with loads
 * none). The automatic chunking split the pages' shared code by which lazy screens also use it,
 * so opening the popup fetched 11 scripts. Here every module a page entry reaches through static
 * imports (Rolldown's `$initial` tag) goes into one chunk; screens loaded with import() keep their
 * own chunks and import from it. Only the multi-page (ES module) build splits code: the
 * single-file (IIFE) builds of the worker and the content scripts are left alone.
 */
import type { Plugin } from 'vite';

/** A page's own entry module stays its own chunk: one shared chunk must not run every page's entry. */
const ENTRY = /[\\/]entrypoints[\\/]/;

export function pageChunks(): Plugin {
  return {
    name: 'mcw-page-chunks',
    apply: 'build',
    outputOptions(options) {
      if (options.format !== 'es' && options.format !== 'esm' && options.format !== 'module') return null;
      return { ...options, codeSplitting: { groups: [{ name: 'app', tags: ['$initial'], test: (id: string) => !ENTRY.test(id) }] } };
    },
  };
}
