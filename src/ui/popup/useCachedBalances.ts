/**
 * Balances painted from the background's cache at once (the prefetched answer when the popup
 * just opened), then refreshed from the node; the error of a failed refresh is kept beside the
 * cached view. Used by the balances panel of every family.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { UiRequests } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { callOnce, takeResolved } from '../prefetch';
import { markPainted } from '../perf';

type Pair = { cached: 'getCachedChainBalances'; refresh: 'refreshChainBalances' };
type ViewOf<P extends Pair> = UiRequests[P['refresh']]['result'];

export function useCachedBalances<P extends Pair>(methods: P): { view: ViewOf<P> | null; setView: (v: ViewOf<P>) => void; loading: boolean; error: string | null; refresh: () => Promise<void> } {
  const { t } = useI18n();
  // Popup: the cached view prefetched before the first render (taken once), so it paints at once.
  const [prefetched] = useState(() => ({ value: takeResolved(methods.cached) as ViewOf<P> | null | undefined }));
  const [view, setView] = useState<ViewOf<P> | null>(prefetched.value ?? null);
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
    if (prefetched.value !== undefined) {
      prefetched.value = undefined;
      void refresh();
      return () => {
        live = false;
      };
    }
    (callOnce(methods.cached, {}) as Promise<ViewOf<P> | null>)
      .then((cached) => live && cached && setView((v) => v ?? cached))
      .catch(() => undefined)
      .finally(() => live && void refresh());
    return () => {
      live = false;
    };
  }, [refresh, methods.cached, prefetched]);

  // A layout effect: the mark's frame is the one this commit paints in (a passive effect may run a frame later).
  useLayoutEffect(() => {
    if (view) markPainted('mcw:balances');
  }, [view]);

  return { view, setView, loading, error, refresh };
}
