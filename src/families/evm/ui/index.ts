/** The EVM family's popup parts (one lazy chunk): recipient placeholder, fee editing on review, adding an ERC-20, the EIP-681 payment-link codec. */
import type { FamilyUi } from '../../types';
import { evmPaymentCodec } from '../core/paymentUri';
import ReviewFees from './ReviewFees';
import AddErc20 from './AddErc20';

const evmUi: FamilyUi = { paymentCodec: evmPaymentCodec, addressPlaceholder: '0x…', ReviewFields: ReviewFees, BalancesExtras: AddErc20 };
export default evmUi;
