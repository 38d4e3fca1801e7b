/**
 * Asks the background to read incoming transfers of the active chain while Activity is open:
 * once at once, then every INTERVAL_MS (each read is a few API calls to that chain's node).
 * Returns the last error as text; a failure never hides the list already on screen.
 */
import { useEffect, useState } from 'react';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';

const INTERVAL_MS = 15_000;

export function useIncoming(onAdded: () => void): string | null {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let running = false;
    const run = (): void => {
      if (running) return;
      running = true;
      call('refreshIncoming', {})
        .then(
          (r) => {
            if (!live) return;
            setError(null);
            if (r.added > 0) onAdded();
          },
          (err: unknown) => live && setError(t('incomingFailed', { reason: errorText(err, t) })),
        )
        .finally(() => (running = false));
    };
    run();
    const timer = setInterval(run, INTERVAL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [t, onAdded]);
  return error;
}
