/** The Bitcoin family's popup parts (one lazy chunk): the recipient placeholder, the fee-rate picker, the speed-up, the BIP-21/321 payment-link codec. */
import type { FamilyUi } from '../../types';
import { bitcoinPaymentCodec } from '../core/paymentUri';
import BitcoinFeeFields from './FeeFields';
import BitcoinActivityActions from './SpeedUp';

const bitcoinUi: FamilyUi = { paymentCodec: bitcoinPaymentCodec, addressPlaceholder: 'bc1…', SendFields: BitcoinFeeFields, ActivityActions: BitcoinActivityActions };
export default bitcoinUi;
