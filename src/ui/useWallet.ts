/**
 * Loads the wallet state from the background and keeps it fresh on lock/unlock events. While
 * the service worker is starting (browser start, worker restart) a request can go unanswered:
 * it is retried instead of leaving the page blank.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WalletState } from '../protocol/ui';
import { onWalletEvent } from './api';
import { callOnce, takeResolved } from './prefetch';

export function useWalletState(): { state: WalletState | null; refresh: () => Promise<void>; setState: (s: WalletState) => void } {
  // Popup: the state prefetched before the first render (none on other pages).
  const [initial] = useState(() => takeResolved('getState') ?? null);
  const [state, setState] = useState<WalletState | null>(initial);
  const refresh = useCallback(async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        setState(await callOnce('getState', {}));
        return;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 * Math.min(attempt + 1, 5)));
      }
    }
  }, []);
  useEffect(() => {
    if (!initial) void refresh().catch(() => undefined);
    return onWalletEvent(() => void refresh().catch(() => undefined));
  }, [refresh, initial]);
  return { state, refresh, setState };
}
