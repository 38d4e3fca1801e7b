import { FAMILIES } from '../src/families/ids';
import * as providers from '../src/families/inpage';
import type { InpageRegistry } from '../src/families/inpage';

const INPAGE_PROVIDERS: InpageRegistry = providers;

// MAIN world at document_start: the providers exist before the page's first inline script.
export default defineContentScript({
  matches: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main: () => {
    for (const family of FAMILIES) INPAGE_PROVIDERS[family]?.();
  },
});
