/** Turns a background error into a translated sentence; unknown codes fall back to a generic one. */
import { UiError } from './api';
import { isMessageKey, type MessageKey } from './i18n';

export function errorText(err: unknown, t: (k: MessageKey, v?: Record<string, string | number>) => string): string {
  if (err instanceof UiError) {
    const key = `err_${err.code}`;
    if (err.code === 'THROTTLED' || (err.code === 'WRONG_PASSWORD' && err.shape.waitMs)) {
      const s = Math.ceil((err.shape.waitMs ?? 0) / 1000);
      if (err.code === 'THROTTLED') return t('err_THROTTLED', { s });
      return `${t('err_WRONG_PASSWORD')} ${t('err_THROTTLED', { s })}`;
    }
    if (isMessageKey(key)) return t(key, err.shape.params);
    return err.message;
  }
  return t('err_INTERNAL');
}
