/**
 * Announces the EOS provider the way Scatter does: a Scatter-compatible `window.scatter` (only where
 * no other wallet holds it), then the `scatterLoaded` event. Both come when the provider's code
 * arrives with the document_idle script (late.ts; src/inpage/late.ts), after DOMContentLoaded, as
 * with Scatter itself: ScatterJS and scatter-ts take either the global or the event. The provider
 * (scatterProvider.ts) is built on the page's first read of window.scatter (lazy.ts).
 */
import { lateParts } from '../../../inpage/late';
import { defineLazyGlobal } from '../../../inpage/lazy';

export function installScatterProvider(): void {
  void lateParts('eos').then((eos) => {
    // Writable (an assignment replaces it) and extensible on purpose: ScatterJS wraps
    // getIdentity/suggestNetwork and sets fields on it.
    if (defineLazyGlobal('scatter', eos.scatter, true)) document.dispatchEvent(new CustomEvent('scatterLoaded'));
  });
}
