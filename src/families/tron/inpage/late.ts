/**
 * TRON's document_idle part (src/families/inpageLate.ts): the TIP-1193 provider behind the
 * `window.tron` stand-in, and the TronLink objects provider.ts defines when they arrive.
 */
import { facade, tronLink, tronProvider } from './tronProviders';

export const tronLate = { provider: tronProvider, tronLink, tronWeb: facade };
