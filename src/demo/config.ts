/**
 * The `npm start` demo build (tests/support/start.mjs builds it into .output-demo with MCW_DEMO set;
 * wxt.config.ts turns that into the compile-time constant below). In every other build the constant
 * is null, so the bundler drops each `if (DEMO)` branch and the demo modules with it: a normal
 * install carries no demo code a page or a message could reach (checked in tests/e2e/start.test.ts).
 */
export interface DemoConfig {
  /** anvil's JSON-RPC URL (the wallet's "Local devnet", chain id 31337). */
  evmRpc: string;
  /** The LiteSVM JSON-RPC server npm start runs (the wallet's Solana Localnet). */
  solanaRpc?: string;
  /** The TRON HTTP API server npm start runs (the wallet's "TRON (custom node)"). */
  tronNode?: string;
  /** The Esplora API (Bitcoin regtest) npm start runs. */
  esplora?: string;
}

declare const __MCW_DEMO__: DemoConfig | null | undefined;

export const DEMO: DemoConfig | null = typeof __MCW_DEMO__ === 'undefined' ? null : __MCW_DEMO__;

/** Hardhat's and anvil's public test phrase: every one of its keys is known to everyone. */
export const DEMO_MNEMONIC = 'test test test test test test test test test test test junk';
