/**
 * Announces the EOS provider at document_start: a Scatter-compatible `window.scatter` (only where no
 * other wallet holds it) and the `scatterLoaded` event. The provider (scatterProvider.ts) is built
 * on the page's first read of window.scatter (lazy.ts).
 */
import { defineLazyGlobal, once } from '../../../inpage/lazy';
import { ScatterProvider } from './scatterProvider';

const scatter = once(() => new ScatterProvider());

export function installScatterProvider(): void {
  // Writable (an assignment replaces it) and extensible on purpose: ScatterJS wraps
  // getIdentity/suggestNetwork and sets fields on it.
  if (!defineLazyGlobal('scatter', scatter, true)) return;
  const announce = (): void => void document.dispatchEvent(new CustomEvent('scatterLoaded'));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', announce, { once: true });
  else announce();
}
