/**
 * Receive: the selected account's address for one chain family, large, with a copy button. The
 * address always comes from the unlocked keyring (re-derived in the background), never from storage.
 * For Bitcoin the address type chosen in Settings is named. A family that rotates receive addresses
 * (a background `receiveAddress`; Bitcoin: the first unused one, by a gap-limit scan of the Esplora
 * API) shows a fresh one after each payment. Below, folded, every family's address of the account.
 */
import { QrCode } from '../components/QrCode';
import { useEffect, useState, type ReactNode } from 'react';
import type { AccountView, PopupFamily, WalletState } from '../../protocol/ui';
import type { Family } from '../../families/ids';
import { call } from '../api';
import { errorText } from '../errors';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { RequestPayment } from './RequestPayment';
import { Accounts, accountRowLabel as rowLabel } from './Accounts';

const SCHEME_LABEL: Record<string, MessageKey> = {
  p2wpkh: 'scheme_p2wpkh',
  p2tr: 'scheme_p2tr',
  'p2sh-p2wpkh': 'scheme_p2shP2wpkh',
  p2pkh: 'scheme_p2pkh',
};

const rowKey = (a: AccountView): string => `${a.family}:${a.network}`;

export default function Receive({ state, family = 'evm' }: { state: WalletState; family?: PopupFamily }): ReactNode {
  const { t } = useI18n();
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [chosen, setChosen] = useState(`${family}:mainnet`);
  // Tagged with what it was asked for, so an answer for another family or account is never shown
  // (state updates after a switch land one render later than the switch itself).
  const [fresh, setFresh] = useState<{ key: string; address: string; path: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | 'failed'>(false);

  useEffect(() => {
    call('listAccounts', {}).then(
      (a) => {
        setAccounts(a);
        setChosen((c) => (a.some((x) => rowKey(x) === c) ? c : a[0] ? rowKey(a[0]) : c));
      },
      (err: unknown) => setError(errorText(err, t)),
    );
  }, [state.selectedWalletId, state.selectedAccountIndex, state.settings.bitcoinScheme, t]);

  const chosenFamily = chosen.slice(0, chosen.indexOf(':')) as Family;
  const freshKey = `${chosenFamily}|${state.selectedWalletId}|${state.selectedAccountIndex}|${state.settings.bitcoinScheme}`;
  useEffect(() => {
    setFresh(null);
    let live = true;
    call('receiveAddress', { family: chosenFamily }).then((r) => live && setFresh(r && { key: freshKey, address: r.address, path: r.path }), () => undefined);
    return () => {
      live = false;
    };
  }, [freshKey]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!accounts) return <p aria-busy="true">{t('loading')}</p>;
  const found = accounts.find((a) => rowKey(a) === chosen) ?? accounts[0];
  if (!found) return null;
  // The fresh receive address when the family has one and its API answered, else the account's first address.
  const account = found.family === chosenFamily && fresh?.key === freshKey ? { ...found, address: fresh.address, path: fresh.path } : found;

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(account.address);
      setCopied(true);
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <section className="stack" aria-labelledby="receive-title" data-testid="receive">
      <h2 id="receive-title" className="h2">
        {t('tab_receive')}
      </h2>
      <label>
        {t('chain')}
        <select data-testid="receive-family" value={rowKey(account)} onChange={(e) => { setChosen(e.target.value); setCopied(false); }}>
          {accounts.map((a) => (
            <option key={rowKey(a)} value={rowKey(a)}>
              {t(rowLabel(a))}
            </option>
          ))}
        </select>
      </label>
      {account.family === 'bitcoin' && (
        <p className="hint" data-testid="receive-scheme">
          {t('addressType')}: {SCHEME_LABEL[state.settings.bitcoinScheme] ? t(SCHEME_LABEL[state.settings.bitcoinScheme]!) : state.settings.bitcoinScheme}
        </p>
      )}
      {account.family === 'bitcoin' && (
        <p className="hint" data-testid="receive-path">
          {account.path} {account !== found ? `· ${t('freshAddress')}` : ''}
        </p>
      )}
      <QrCode text={account.address} label={`${t('qrOf')} ${account.address}`} />
      <code className="receive-address" data-testid="receive-address">
        {account.address}
      </code>
      <button data-testid="receive-copy" onClick={() => void copy()}>
        {copied === true ? t('copied') : t('copyAddress')}
      </button>
      {copied === 'failed' && (
        <p role="alert" className="error">
          {t('copyFailed')}
        </p>
      )}
      <p className="hint" aria-live="polite">
        {t('receiveHint', { chain: t(rowLabel(account)) })}
      </p>
      <RequestPayment key={rowKey(account)} family={account.family} address={account.address} />
      {/* Every family's address of this account in one list (paths, EOS legacy key): Home shows only the active one. */}
      <details className="stack" data-testid="receive-all">
        <summary data-testid="receive-all-toggle">{t('addresses')}</summary>
        <Accounts accounts={accounts} />
      </details>
    </section>
  );
}
