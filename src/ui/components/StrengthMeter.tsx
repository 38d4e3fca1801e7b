/**
 * The new-password strength meter that says why. The wallet's own policy (src/core/password,
 * enforced by the background) decides what is refused; zxcvbn-ts, loaded on the first keystroke
 * (it is ~1 MB of dictionaries), grades what is accepted and explains: the warning and the
 * suggestions, translated from the library's message ids.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { checkPasswordStrength } from '../../core/password';
import type { StrengthEstimate } from '../password/estimate';
import { useI18n } from '../i18n/context';
import { isMessageKey, type MessageKey } from '../i18n';

export function StrengthMeter({ password, userInputs = [] }: { password: string; userInputs?: readonly string[] }): ReactNode {
  const { t } = useI18n();
  const [estimated, setEstimated] = useState<{ password: string; estimate: StrengthEstimate } | null>(null);
  const [failed, setFailed] = useState(false);
  const inputs = userInputs.join('\n');

  useEffect(() => {
    if (!password) return;
    let live = true;
    import('../password/estimate').then(
      (m) => {
        if (live) setEstimated({ password, estimate: m.estimate(password, inputs ? inputs.split('\n') : []) });
      },
      // The chunk failed to load (extension updated underneath): the policy's own score still shows.
      () => setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [password, inputs]);

  if (!password) return null;
  const policy = checkPasswordStrength(password);
  const estimate = estimated?.password === password ? estimated.estimate : null;
  // Refused by the policy: 0 whatever zxcvbn thinks. Accepted: at least "weak", else zxcvbn's grade.
  const score = !policy.ok ? 0 : estimate ? Math.max(1, estimate.score) : policy.score;
  const reasons: string[] = [];
  if (!policy.ok && policy.reason && policy.reason !== 'mismatch') reasons.push(t(`pwPolicy_${policy.reason}` as MessageKey));
  if (estimate?.warning && isMessageKey(`pwWarn_${estimate.warning}`)) reasons.push(t(`pwWarn_${estimate.warning}` as MessageKey));
  for (const s of estimate?.suggestions ?? []) if (isMessageKey(`pwTip_${s}`)) reasons.push(t(`pwTip_${s}` as MessageKey));

  return (
    <div className="strength stack" aria-live="polite" data-testid="strength" data-score={score}>
      <div>
        {t('strength')}: <meter min={0} max={4} low={2} high={3} optimum={4} value={score} aria-label={t('strength')} />{' '}
        <span data-testid="strength-label">{t(`strength${score}` as MessageKey)}</span>
      </div>
      {!estimate && !failed && policy.ok && (
        <p className="hint" data-testid="strength-checking">
          {t('pwChecking')}
        </p>
      )}
      {reasons.length > 0 && (
        <ul className="hint" aria-label={t('pwWhy')} data-testid="strength-why">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
