import { startRelay } from '../src/content/relay';
import { installPayLinks } from '../src/content/payLinks';

// document_idle: an isolated-world script at document_start delays every page's DOMContentLoaded;
// the MAIN-world providers exist from document_start and re-post early requests on the relay's `ready`.
export default defineContentScript({
  matches: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  allFrames: false,
  main: () => {
    startRelay();
    installPayLinks();
  },
});
