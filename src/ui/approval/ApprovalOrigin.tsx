/**
 * Who asks: the origin as the browser reported it (port.sender, never the page's word), the site's
 * icon from the browser's favicon cache (Chrome) or an identicon of the origin (Firefox, or no
 * cached icon loads), never fetched from the site, and a plain explanation when it is not https.
 */
import { useState, type ReactNode } from 'react';
import { ShieldAlert } from 'lucide-react';
import { browser } from 'wxt/browser';
import { useI18n } from '../i18n/context';
import { Avatar } from '../components/Avatar';
import { cachedFaviconUrl } from './siteIcon';

function faviconOf(origin: string): string | null {
  try {
    return cachedFaviconUrl(origin, browser.runtime.getURL('/'), browser.runtime.getManifest().permissions ?? []);
  } catch {
    return null;
  }
}

export function ApprovalOrigin({ origin }: { origin: string }): ReactNode {
  const { t } = useI18n();
  const [iconFailed, setIconFailed] = useState(false);
  const insecure = origin.startsWith('http:');
  const favicon = faviconOf(origin);
  return (
    <div className="stack">
      <div className="origin" data-testid="approval-origin">
        {favicon && !iconFailed ? (
          <img src={favicon} alt="" width={24} height={24} data-testid="approval-favicon" onError={() => setIconFailed(true)} />
        ) : (
          <span data-testid="approval-identicon">
            <Avatar seed={origin} size={24} />
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
