/** General settings: language, theme, prices and currency, auto-lock minutes, Bitcoin address type, pre-sign risk thresholds. */
import { useState, type ReactNode } from 'react';
import type { Settings, WalletState } from '../../../protocol/ui';
import { call } from '../../api';
import { errorText } from '../../errors';
import { useI18n } from '../../i18n/context';
import { PriceSettings } from './PriceSettings';
import { SettingToggle } from '../../components/SettingToggle';

export function General({ state, onState }: { state: WalletState; onState: (s: WalletState) => void }): ReactNode {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(String(state.settings.autoLockMinutes));
  const [msg, setMsg] = useState<string | null>(null);
  const [perHour, setPerHour] = useState(String(state.settings.risk.maxTransfersPerHour));
  const [limits, setLimits] = useState(Object.entries(state.settings.risk.singleTransferLimit).map(([k, v]) => `${k}=${v}`).join(', '));

  const saveRisk = (): void => {
    const singleTransferLimit: Record<string, string> = {};
    for (const part of limits.split(/[,\n]/)) {
      const [sym, amount] = part.split('=').map((x) => x.trim());
      if (sym && amount !== undefined) singleTransferLimit[sym] = amount;
    }
    void save({ risk: { maxTransfersPerHour: Number(perHour), singleTransferLimit } });
  };

  const save = async (patch: Partial<Settings>): Promise<boolean> => {
    try {
      onState(await call('updateSettings', patch));
      setMsg(t('saved'));
      return true;
    } catch (err) {
      setMsg(errorText(err, t));
      return false;
    }
  };

  return (
    <section className="stack" aria-label={t('general')}>
      <label>
        {t('language')}
        <select data-testid="language" value={state.settings.language} onChange={(e) => void save({ language: e.target.value as Settings['language'] })}>
          <option value="auto">{t('languageAuto')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
          <option value="zh-TW">繁體中文</option>
        </select>
      </label>
      <label>
        {t('theme')}
        <select data-testid="theme" value={state.settings.theme ?? 'auto'} onChange={(e) => void save({ theme: e.target.value as NonNullable<Settings['theme']> })}>
          <option value="auto">{t('themeAuto')}</option>
          <option value="light">{t('themeLight')}</option>
          <option value="dark">{t('themeDark')}</option>
        </select>
      </label>
      <label>
        {t('bitcoinType')}
        <select data-testid="bitcoin-scheme" value={state.settings.bitcoinScheme} onChange={(e) => void save({ bitcoinScheme: e.target.value as Settings['bitcoinScheme'] })}>
          <option value="p2wpkh">{t('scheme_p2wpkh')}</option>
          <option value="p2tr">{t('scheme_p2tr')}</option>
          <option value="p2sh-p2wpkh">{t('scheme_p2shP2wpkh')}</option>
          <option value="p2pkh">{t('scheme_p2pkh')}</option>
        </select>
      </label>
      <PriceSettings state={state} save={save} />
      <SettingToggle testid="notifications-toggle" checked={state.settings.notifications !== false} onChange={(on) => void save({ notifications: on })} label={t('notificationsSetting')} hint={t('notificationsPollHint')} />
      <SettingToggle testid="metamask-compat" checked={state.settings.evmMetaMaskCompat !== false} onChange={(on) => void save({ evmMetaMaskCompat: on })} label={t('metaMaskCompat')} hint={t('metaMaskCompatHint')} />
      <form className="row" onSubmit={(e) => { e.preventDefault(); void save({ autoLockMinutes: Number(minutes) }); }}>
        <label className="grow">
          {t('autoLock')}
          <input type="number" min={1} max={1440} data-testid="autolock-minutes" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <button type="submit" className="small" data-testid="save-autolock">
          {t('save')}
        </button>
      </form>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); saveRisk(); }}>
        <strong>{t('riskThresholds')}</strong>
        <label>
          {t('riskLimits')}
          <input data-testid="risk-limits" value={limits} onChange={(e) => setLimits(e.target.value)} spellCheck="false" />
        </label>
        <label>
          {t('riskPerHour')}
          <input type="number" min={1} max={10000} data-testid="risk-per-hour" value={perHour} onChange={(e) => setPerHour(e.target.value)} />
        </label>
        <button type="submit" className="small" data-testid="save-risk">
          {t('save')}
        </button>
      </form>
      {msg && <p aria-live="polite" data-testid="settings-msg">{msg}</p>}
    </section>
  );
}
