/**
 * The extension's pages render with Preact behind React's API (README, "Decisions worth knowing":
 * react-dom was 207 kB of the popup's 250 kB first chunk). The code imports `react`; the bundler and
 * the unit tests resolve it to `preact/compat`, so what the tests render is what ships.
 */
export const PREACT_ALIAS: { find: RegExp; replacement: string }[] = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];
