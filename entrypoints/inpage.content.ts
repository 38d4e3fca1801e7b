import { FAMILIES } from '../src/families/ids';
import { INPAGE_PROVIDERS } from '../src/families/inpage';

// MAIN world at document_start: the providers exist before the page's first inline script.
export default defineContentScript({
  matches: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main: () => {
    for (const family of FAMILIES) INPAGE_PROVIDERS[family]?.();
  },
});
