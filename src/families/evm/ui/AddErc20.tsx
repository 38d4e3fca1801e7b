/** EVM balances extra: watch an ERC-20 by its contract address (symbol and decimals read from the chain). */
import type { ReactNode } from 'react';
import type { ChainBalancesView } from '../../../protocol/ui';
import { call } from '../../../ui/api';
import { AddToken } from '../../../ui/popup/AddToken';

export default function AddErc20({ onView }: { view: ChainBalancesView | null; onView(v: ChainBalancesView): void }): ReactNode {
  return <AddToken placeholder="0x…" add={async (address) => onView(await call('addToken', { address }))} />;
}
