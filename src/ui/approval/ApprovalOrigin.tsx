/**
 * Who asks: the origin as the browser reported it (port.sender, never the page's word), the site's
 * favicon (its letter when it has none), and a plain explanation when the connection is not https.
 */
import { useState, type ReactNode } from 'react';
import { ShieldAlert } from 'lucide-react';
import { useI18n } from '../i18n/context';

export function ApprovalOrigin({ origin }: { origin: string }): ReactNode {
  const { t } = useI18n();
  const [iconFailed, setIconFailed] = useState(false);
  let host = origin;
  try {
    host = new URL(origin).host;
  } catch {
    // An origin the URL parser refuses is shown as it came.
  }
  const insecure = origin.startsWith('http:');
  const web = /^https?:/.test(origin);
  return (
    <div className="stack">
      <div className="origin" data-testid="approval-origin">
        {web && !iconFailed ? (
          <img src={`${origin}/favicon.ico`} alt="" width={24} height={24} referrerPolicy="no-referrer" onError={() => setIconFailed(true)} />
        ) : (
          <span className="net-logo" aria-hidden style={{ background: '#455a64', width: 24, height: 24 }}>
            {host.slice(0, 1).toUpperCase()}
          </span>
        )}
        <span className="grow">
          <span className="hint">{t('approvalFrom')} </span>
          <strong className="origin-text">{origin}</strong>
        </span>
        {insecure && <ShieldAlert size={18} aria-hidden color="var(--warning)" />}
      </div>
      {insecure && (
        <p className="origin-note" data-testid="approval-insecure">
          {/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(origin) ? t('originLocal') : t('originInsecure')}
        </p>
      )}
    </div>
  );
}
