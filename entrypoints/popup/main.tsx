import { createRoot } from 'react-dom/client';
import { Root } from '../../src/ui/Root';
import '../../src/ui/styles.css';

createRoot(document.getElementById('root')!).render(<Root page="popup" />);
