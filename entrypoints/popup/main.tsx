// Imported first: the popup's first requests leave before React is evaluated (see prefetch.ts).
import '../../src/ui/popupPrefetch';
import { peekResolved, prefetchSettled } from '../../src/ui/prefetch';
import { loadLocale } from '../../src/ui/i18n';
import { createRoot } from 'react-dom/client';
import { Root, localeOf } from '../../src/ui/Root';
import '../../src/ui/styles.css';

// First render once the prefetched answers are in (or after 400 ms): one pass paints the account
// and its cached balances instead of a placeholder followed by several updates.
void prefetchSettled()
  .then(() => loadLocale(localeOf(peekResolved('getState')?.settings.language)))
  .catch(() => undefined)
  .then(() => createRoot(document.getElementById('root')!).render(<Root page="popup" />));
