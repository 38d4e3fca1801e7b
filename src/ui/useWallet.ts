/** Loads the wallet state from the background and keeps it fresh on lock/unlock events. */
import { useCallback, useEffect, useState } from 'react';
import type { WalletState } from '../protocol/ui';
import { call, onWalletEvent } from './api';

export function useWalletState(): { state: WalletState | null; refresh: () => Promise<void>; setState: (s: WalletState) => void } {
  const [state, setState] = useState<WalletState | null>(null);
  const refresh = useCallback(async () => setState(await call('getState', {})), []);
  useEffect(() => {
    void refresh();
    return onWalletEvent(() => void refresh());
  }, [refresh]);
  return { state, refresh, setState };
}
