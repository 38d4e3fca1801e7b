/** The family's own part under the balances (src/families/<f>/ui: TRON's "Add token"), when it has one. */
import type { ReactNode } from 'react';
import type { ChainBalancesView } from '../../protocol/ui';
import { useFamilyUi } from './useFamilyUi';

export function BalancesExtras({ view, onView }: { view: ChainBalancesView; onView(v: ChainBalancesView): void }): ReactNode {
  const ui = useFamilyUi(view.family);
  return ui?.BalancesExtras ? <ui.BalancesExtras view={view} onView={onView} /> : null;
}
