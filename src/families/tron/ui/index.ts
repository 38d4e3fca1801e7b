/** The TRON family's popup parts (one lazy chunk): the recipient placeholder and "Add token" under the balances. */
import type { FamilyUi } from '../../types';
import AddTrc20 from './AddTrc20';

const tronUi: FamilyUi = { addressPlaceholder: 'T…', BalancesExtras: AddTrc20 };
export default tronUi;
