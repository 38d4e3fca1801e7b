/** The EOS family's popup parts (one lazy chunk): the recipient placeholder and the send fields. */
import type { FamilyUi } from '../../types';
import EosSendFields from './SendFields';

const eosUi: FamilyUi = { addressPlaceholder: 'alice.gm', SendFields: EosSendFields };
export default eosUi;
