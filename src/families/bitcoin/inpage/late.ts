/** Bitcoin's document_idle part (src/families/inpageLate.ts): the UniSat and WBIP providers, built on first use. */
import { once } from '../../../inpage/lazy';
import { buildProviders } from './bitcoinProviders';

export const bitcoinLate = { providers: once(buildProviders) };
