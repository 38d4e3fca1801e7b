import { startRelay } from '../src/content/relay';

export default defineContentScript({
  matches: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_start',
  allFrames: false,
  main: () => startRelay(),
});
