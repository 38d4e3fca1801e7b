import { installEvmProvider } from '../src/inpage/evm';
import { installBitcoinProvider } from '../src/inpage/bitcoin';
import { installTronProvider } from '../src/inpage/tron';
import { installSolanaProvider } from '../src/inpage/solana';

// MAIN world at document_start: the providers exist before the page's first inline script.
export default defineContentScript({
  matches: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main: () => {
    installEvmProvider();
    installBitcoinProvider();
    installTronProvider();
    installSolanaProvider();
  },
});
