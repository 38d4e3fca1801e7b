/**
 * The popup's selected account, which the dApp families whose sites follow the selection
 * (Bitcoin, Solana, TRON) use as their account. One reader instead of a copy per family.
 */
import { WalletError } from './errors';
import { getLocal } from './storage';

export interface SelectedAccount {
  walletId: string;
  /** The account index as selected (an imported-key wallet has one account; its family decides). */
  index: number;
}

/** The selected wallet and account index; 'No wallet selected' when there is none. */
export async function selectedAccount(): Promise<SelectedAccount> {
  const sel = await getLocal('selection');
  if (!sel?.walletId) throw new WalletError('UNKNOWN_WALLET', 'No wallet selected');
  return { walletId: sel.walletId, index: sel.accountIndex ?? 0 };
}
