/**
 * Stands in for WXT's `ContentScriptContext` in the extension's bundles (wxt.config.ts aliases it).
 * WXT builds one for every isolated-world content script and hands it to `main`; ours
 * (entrypoints/content.ts) never reads it. The real class costs ~0.85 KiB gzipped in a script
 * injected into every page (README "Benchmarks"), and at start-up it posts a
 * `wxt:content-script-started` window message that every page (and every dApp listening to
 * `message`) would receive, a needless fingerprint of the extension.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {}
}
