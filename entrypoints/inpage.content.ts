import { FAMILIES } from '../src/families/ids';
import { INPAGE_PROVIDERS } from '../src/families/inpage';
import { bridge } from '../src/inpage/bridge';
import { openLate } from '../src/inpage/late';

// MAIN world at document_start: the providers exist before the page's first inline script. The
// families' real code follows at document_idle (inpage-late.content.ts, src/inpage/late.ts).
export default defineContentScript({
  matches: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main: () => {
    openLate(bridge);
    for (const family of FAMILIES) INPAGE_PROVIDERS[family]?.();
  },
});
