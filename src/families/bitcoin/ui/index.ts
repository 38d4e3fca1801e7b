/** The Bitcoin family's popup parts (one lazy chunk): the recipient placeholder, the fee-rate picker, the speed-up. */
import type { FamilyUi } from '../../types';
import BitcoinFeeFields from './FeeFields';
import BitcoinActivityActions from './SpeedUp';

const bitcoinUi: FamilyUi = { addressPlaceholder: 'bc1…', SendFields: BitcoinFeeFields, ActivityActions: BitcoinActivityActions };
export default bitcoinUi;
