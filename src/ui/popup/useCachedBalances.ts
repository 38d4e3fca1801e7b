/**
 * Balances painted from the background's cache at once (the prefetched answer when the popup
 * just opened), then refreshed from the node; the error of a failed refresh is kept beside the
 * cached view. Shared by the EVM and the Bitcoin/Solana/TRON balance panels.
 */
import { useCallback, useEffect, useState } from 'react';
import type { UiRequests } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { callOnce } from '../prefetch';
import { markPainted } from '../perf';

type Pair = { cached: 'getCachedBalances'; refresh: 'refreshBalances' } | { cached: 'getCachedChainBalances'; refresh: 'refreshChainBalances' };
type ViewOf<P extends Pair> = UiRequests[P['refresh']]['result'];

export function useCachedBalances<P extends Pair>(methods: P): { view: ViewOf<P> | null; setView: (v: ViewOf<P>) => void; loading: boolean; error: string | null; refresh: () => Promise<void> } {
  const { t } = useI18n();
  const [view, setView] = useState<ViewOf<P> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setView((await call(methods.refresh, {})) as ViewOf<P>);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setLoading(false);
    }
  }, [t, methods.refresh]);

  useEffect(() => {
    let live = true;
    (callOnce(methods.cached, {}) as Promise<ViewOf<P> | null>)
      .then((cached) => live && cached && setView((v) => v ?? cached))
      .catch(() => undefined)
      .finally(() => live && void refresh());
    return () => {
      live = false;
    };
  }, [refresh, methods.cached]);

  useEffect(() => {
    if (view) markPainted('mcw:balances');
  }, [view]);

  return { view, setView, loading, error, refresh };
}
