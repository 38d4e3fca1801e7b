/** TRON's part under the balances: "Add token" by TRC-20 contract (the background reads its symbol and decimals). */
import type { ReactNode } from 'react';
import type { ChainBalancesView } from '../../../protocol/ui';
import { call } from '../../../ui/api';
import { AddToken } from '../../../ui/popup/AddToken';

export default function AddTrc20({ onView }: { view: ChainBalancesView | null; onView(v: ChainBalancesView): void }): ReactNode {
  return <AddToken placeholder="T…" add={async (address) => onView(await call('addChainToken', { address }))} />;
}
