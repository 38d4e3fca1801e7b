/**
 * Each family's own strings (approval titles, send-field labels, risk codes, balance details), merged with the
 * shared dictionaries by src/ui/i18n/index.ts. They come from the family's popup entry (src/families/ui.ts), so a
 * family's strings cost no line of their own.
 */
import { FAMILIES, type Family } from './ids';
import type { FamilyMessages, FamilyUiEntry } from './types';
import * as entries from './ui';
import type { UiRegistry } from './ui';

const FAMILY_UI: Readonly<Record<Family, FamilyUiEntry>> = entries;

/** The strings of every family that has any, by family (in FAMILIES' order). */
export const FAMILY_MESSAGES: Readonly<Partial<Record<Family, FamilyMessages>>> = Object.fromEntries(
  FAMILIES.flatMap((f) => {
    const messages = FAMILY_UI[f].messages;
    return messages ? [[f, messages]] : [];
  }),
);

/** Every family's keys: with the shared keys, what `t()` accepts (src/ui/i18n). */
export type FamilyMessageKey = {
  [F in keyof UiRegistry]: UiRegistry[F] extends { messages: FamilyMessages<infer K> } ? K : never;
}[keyof UiRegistry];
