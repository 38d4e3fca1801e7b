/**
 * The backup check: 3 random positions of the phrase (4 for 24 words), each with four choices
 * drawn from the phrase. A wrong pick is refused for that position only (nothing else resets),
 * and Back returns to the phrase. The words stay in this page's memory only.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { ArrowLeft } from 'lucide-react';
import { useI18n } from '../i18n/context';
import { Button } from '../components/Button';

function randomInt(n: number): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % n;
}

/** `count` distinct positions (0-based, ascending) of a phrase of `length` words. */
export function checkPositions(length: number, count: number): number[] {
  const set = new Set<number>();
  while (set.size < Math.min(count, length)) set.add(randomInt(length));
  return [...set].sort((a, b) => a - b);
}

/** The right word and three other distinct words of the phrase, shuffled. */
export function choicesFor(words: readonly string[], position: number): string[] {
  const right = words[position]!;
  const others = [...new Set(words.filter((w) => w !== right))];
  const picked: string[] = [];
  while (picked.length < 3 && others.length) picked.push(others.splice(randomInt(others.length), 1)[0]!);
  const all = [right, ...picked];
  for (let i = all.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

export function BackupCheck({ words, onBack, onDone }: { words: readonly string[]; onBack: () => void; onDone: () => void }): ReactNode {
  const { t } = useI18n();
  const questions = useMemo(() => checkPositions(words.length, words.length > 12 ? 4 : 3).map((p) => ({ position: p, choices: choicesFor(words, p) })), [words]);
  const [answered, setAnswered] = useState<Record<number, boolean>>({});
  const [wrong, setWrong] = useState<number | null>(null);

  const pick = (position: number, word: string): void => {
    if (word !== words[position]) {
      setWrong(position);
      return;
    }
    setWrong(null);
    const next = { ...answered, [position]: true };
    setAnswered(next);
    if (questions.every((q) => next[q.position])) onDone();
  };

  return (
    <section className="stack">
      <h2>{t('confirmTitle')}</h2>
      <p>{t('confirmPositions')}</p>
      {questions.map((q) => (
        <fieldset key={q.position} className="panel stack backup-question" data-testid="backup-question" data-position={q.position + 1}>
          <legend className="h2">{t('wordNumber', { n: q.position + 1 })}</legend>
          <div className="word-choices" role="group">
            {q.choices.map((w) => (
              <button
                key={w}
                type="button"
                className={answered[q.position] && w === words[q.position] ? 'word' : 'word secondary'}
                data-testid="word-choice"
                aria-pressed={answered[q.position] && w === words[q.position] ? true : undefined}
                disabled={answered[q.position]}
                onClick={() => pick(q.position, w)}
              >
                {w}
              </button>
            ))}
          </div>
          {wrong === q.position && (
            <p role="alert" className="error" data-testid="error">
              {t('confirmWrong')}
            </p>
          )}
        </fieldset>
      ))}
      <div className="row">
        <Button variant="secondary" icon={<ArrowLeft size={16} aria-hidden />} data-testid="backup-back" onClick={onBack}>
          {t('backToPhrase')}
        </Button>
      </div>
    </section>
  );
}
