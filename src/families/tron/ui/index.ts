/** The TRON family's popup parts (one lazy chunk): the recipient placeholder and "Add token" under the balances, the tron: payment-link codec. */
import type { FamilyUi } from '../../types';
import { tronPaymentCodec } from '../core/paymentUri';
import AddTrc20 from './AddTrc20';

const tronUi: FamilyUi = { paymentCodec: tronPaymentCodec, addressPlaceholder: 'T…', BalancesExtras: AddTrc20 };
export default tronUi;
