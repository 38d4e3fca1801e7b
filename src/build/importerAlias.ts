/**
 * Build-time (Vite/Rolldown) plugin: resolves an import to another module only when a given file
 * imports it (a Vite `resolve.alias` applies to every importer). Used to give @solana/web3.js the
 * @noble 2.x modules the rest of the wallet uses instead of its own 1.x copies (README "Cold start").
 */
import type { Plugin } from 'vite';

export interface ImporterAlias {
  /** Matched against the importing module's id (forward slashes). */
  importer: RegExp;
  /** Import specifier → the module to use instead (an absolute path or a package specifier). */
  map: Readonly<Record<string, string>>;
}

export function importerAlias(aliases: readonly ImporterAlias[]): Plugin {
  return {
    name: 'mcw-importer-alias',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const from = importer.replace(/\\/g, '/');
      const alias = aliases.find((a) => a.importer.test(from) && source in a.map);
      if (!alias) return null;
      return this.resolve(alias.map[source] as string, importer, { ...options, skipSelf: true });
    },
  };
}
