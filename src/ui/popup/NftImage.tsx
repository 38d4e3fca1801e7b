/**
 * An NFT's picture in the popup. A data:image URI (carried inside the token's metadata) shows at
 * once; a remote one (https or an ipfs gateway) is loaded only after the user clicks "Show image"
 * for that item, because each load tells the image's server (often the token's creator) the
 * user's IP address (security checklist: remote images only after consent). The consent lasts
 * while the popup is open; nothing is stored.
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/context';

/** True when the image can be shown without a network request (a data: URI). */
export function isInlineImage(src: string): boolean {
  return /^data:image\//i.test(src);
}

/** The host a remote image would be fetched from, named in the consent hint. */
export function imageHost(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return src;
  }
}

export function NftImage({ src, alt }: { src: string; alt: string }): ReactNode {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  if (isInlineImage(src) || shown) {
    return <img src={src} alt={alt} width={56} height={56} data-testid="nft-image" referrerPolicy="no-referrer" />;
  }
  return (
    <div className="stack" data-testid="nft-image-consent">
      <button type="button" className="small secondary" data-testid="nft-image-show" onClick={() => setShown(true)}>
        {t('nftImageShow')}
      </button>
      <span className="hint">{t('nftImageHint', { host: imageHost(src) })}</span>
    </div>
  );
}
