/**
 * The selected account's watched ERC-721 / ERC-1155 tokens on the active EVM network (added by a
 * dApp's wallet_watchAsset after the user approved): image (data:image, https or an ipfs gateway
 * only, as the background vetted it; a remote one only after the user asks, see NftImage), name, collection, held amount, and a send form
 * (safeTransferFrom; the recipient is checked, funds for the fee before anything is signed).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { NftView } from '../../protocol/ui';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import { NftImage } from './NftImage';

function NftSend({ nft, onSent }: { nft: NftView; onSent: () => void }): ReactNode {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('1');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async (): Promise<void> => {
    setBusy(true);
    setMsg(null);
    try {
      const r = await call('sendNft', { contract: nft.contract, tokenId: nft.tokenId, to, ...(nft.standard === 'ERC1155' ? { amount } : {}) });
      setMsg({ ok: true, text: t('nftSent', { hash: r.hash }) });
      onSent();
    } catch (err) {
      setMsg({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="stack" data-testid="nft-send" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <label>
        {t('recipient')}
        <input data-testid="nft-to" value={to} onChange={(e) => setTo(e.target.value)} placeholder="0x…" spellCheck="false" />
      </label>
      {nft.standard === 'ERC1155' && (
        <label>
          {t('amount')}
          <input data-testid="nft-amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
      )}
      <button type="submit" className="small" data-testid="nft-send-confirm" disabled={busy || to.trim() === ''}>
        {t('nftSendConfirm')}
      </button>
      {msg && (
        <p className={msg.ok ? 'hint' : 'error'} role={msg.ok ? 'status' : 'alert'} data-testid="nft-send-result">
          {msg.text}
        </p>
      )}
    </form>
  );
}

export function Nfts(): ReactNode {
  const { t } = useI18n();
  const [items, setItems] = useState<NftView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(async (): Promise<void> => {
    try {
      setItems(await call('listNfts', {}));
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <p className="error" role="alert" data-testid="nfts-error">{error}</p>;
  if (!items) return <p className="hint">{t('loading')}</p>;
  if (items.length === 0) return <p className="hint" data-testid="nfts-empty">{t('nftsEmpty')}</p>;
  return (
    <section className="panel stack" aria-label={t('tab_nfts')} data-testid="nfts">
      <ul className="stack">
        {items.map((n) => {
          const key = `${n.contract}:${n.tokenId}`;
          return (
            <li key={key} className="stack" data-testid="nft-item" data-contract={n.contract.toLowerCase()} data-token-id={n.tokenId}>
              <div className="row">
                {n.image ? <NftImage src={n.image} alt={n.name ?? `#${n.tokenId}`} /> : <span className="hint">{n.standard}</span>}
                <div className="grow stack">
                  <strong data-testid="nft-name">{n.name ?? `#${n.tokenId}`}</strong>
                  <span className="hint">
                    {n.collection ?? n.contract} · {n.standard} #{n.tokenId}
                  </span>
                  <span className="hint" data-testid="nft-balance">
                    {n.balance === null ? t('unavailable') : t('nftHeld', { n: n.balance })}
                  </span>
                </div>
                <button className="small secondary" data-testid="nft-send-open" disabled={n.balance === '0'} onClick={() => setOpen(open === key ? null : key)}>
                  {t('tab_send')}
                </button>
              </div>
              {open === key && <NftSend nft={n} onSent={() => void load()} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export default Nfts;
