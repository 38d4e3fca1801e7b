import { LATE_PARTS } from '../src/families/inpageLate';
import { deliverLate } from '../src/inpage/late';

// MAIN world at document_idle (after DOMContentLoaded): the families' real providers, handed to the
// stand-ins inpage.content.ts announced at document_start (src/inpage/late.ts).
export default defineContentScript({
  matches: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  world: 'MAIN',
  main: () => {
    deliverLate(LATE_PARTS);
  },
});
