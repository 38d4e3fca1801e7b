/** The Solana family's popup parts (one lazy chunk): the recipient placeholder. Solana Pay's fields are still filled by the shared payment-link code (src/ui/popup/usePaymentLink.ts). */
import type { FamilyUi } from '../../types';

const solanaUi: FamilyUi = { addressPlaceholder: 'Base58…' };
export default solanaUi;
