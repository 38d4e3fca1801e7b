/** EOS' document_idle part (src/families/inpageLate.ts): the Scatter-compatible provider, built on first use. */
import { once } from '../../../inpage/lazy';
import { ScatterProvider } from './scatterProvider';

export const eosLate = { scatter: once(() => new ScatterProvider()) };
