import { createRoot } from 'react-dom/client';
import { Root, localeOf } from '../../src/ui/Root';
import { loadLocale } from '../../src/ui/i18n';
import '../../src/ui/styles.css';

// The browser's language is loaded before the first render (a different setting loads in the provider).
void loadLocale(localeOf(undefined))
  .catch(() => undefined)
  .then(() => createRoot(document.getElementById('root')!).render(<Root page="onboarding" />));
