// Imported first: the popup's first requests leave before React is evaluated (see prefetch.ts).
import '../../src/ui/popupPrefetch';
import { createRoot } from 'react-dom/client';
import { Root } from '../../src/ui/Root';
import '../../src/ui/styles.css';

createRoot(document.getElementById('root')!).render(<Root page="popup" />);
