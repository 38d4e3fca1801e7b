import { startCore } from '../src/background/boot/core';

// The eager core only; the rest of the background is entrypoints/wallet-worker.ts (see boot/core.ts).
export default defineBackground(() => startCore());
