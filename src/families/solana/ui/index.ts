/**
 * The Solana family's popup parts (one lazy chunk): the recipient placeholder and Solana Pay's
 * payment-link hooks: its codec (parser and builder); a transfer link's references, memo, label and message travel as the send's
 * family fields (src/families/solana/background/payFields.ts reads them), and a transaction request
 * is run by the background (the merchant's server builds it; the approval window shows it).
 */
import type { FamilyUi } from '../../types';
import { solanaPaymentCodec } from '../core/paymentUri';
import { call } from '../../../ui/api';

const solanaUi: FamilyUi = {
  addressPlaceholder: 'Base58…',
  paymentCodec: solanaPaymentCodec,
  paymentFields: (draft) => ({
    ...(draft.references?.length ? { references: draft.references.join(',') } : {}),
    ...(draft.memo ? { memo: draft.memo } : {}),
    ...(draft.label ? { label: draft.label } : {}),
    ...(draft.message ? { message: draft.message } : {}),
  }),
  openPaymentRequest: (link) => call('paymentRequest', { family: 'solana', link }),
};
export default solanaUi;
