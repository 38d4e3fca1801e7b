/**
 * Password strength estimate with zxcvbn-ts (pattern matching against ~40k common passwords,
 * English words and names, keyboard rows, dates, l33t). Loaded with import() only once the user
 * types a new password: its dictionaries are ~1 MB and must stay out of the popup's first paint.
 *
 * The library's messages are English; we ask for its message ids instead (each translation is its
 * own id) and translate them ourselves (`pwWarn_<id>` / `pwTip_<id>` in src/ui/i18n).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as english, translations } from '@zxcvbn-ts/language-en';

export type WarningId = keyof typeof translations.warnings;
export type SuggestionId = keyof typeof translations.suggestions;

export interface StrengthEstimate {
  score: 0 | 1 | 2 | 3 | 4;
  warning: WarningId | null;
  suggestions: SuggestionId[];
}

/** Each message replaced by its own id, so the result names what the library means, not its English. */
function idsOf<T extends Record<string, Record<string, string>>>(t: T): T {
  return Object.fromEntries(Object.entries(t).map(([group, msgs]) => [group, Object.fromEntries(Object.keys(msgs).map((k) => [k, k]))])) as T;
}

let factory: ZxcvbnFactory | null = null;

/** `userInputs`: words the password should not contain (the wallet's name…), counted as guessable. */
export function estimate(password: string, userInputs: readonly string[] = []): StrengthEstimate {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common, ...english }, graphs: adjacencyGraphs, translations: idsOf(translations) });
  const r = factory.check(password, [...userInputs]);
  const known = (id: string | null | undefined, group: Record<string, string>): boolean => typeof id === 'string' && id !== '' && Object.prototype.hasOwnProperty.call(group, id);
  return {
    score: r.score,
    warning: known(r.feedback.warning, translations.warnings) ? (r.feedback.warning as WarningId) : null,
    suggestions: r.feedback.suggestions.filter((s): s is SuggestionId => known(s, translations.suggestions)),
  };
}
