/**
 * A family's popup parts (its entry's `parts` loader, src/families/ui.ts), loaded when one of its screens first needs them:
 * null while loading and for families whose screens need nothing of their own.
 */
import { useEffect, useState } from 'react';
import type { Family } from '../../families/ids';
import type { FamilyUi, FamilyUiEntry } from '../../families/types';
import * as entries from '../../families/ui';

const FAMILY_UI: Readonly<Record<Family, FamilyUiEntry>> = entries;

/** The family's popup parts, or null when it has none (code outside React: the payment-link reader). */
export async function loadFamilyUi(family: Family): Promise<FamilyUi | null> {
  const load: (() => Promise<FamilyUi>) | undefined = FAMILY_UI[family].parts;
  return load ? load() : null;
}

export function useFamilyUi(family: Family): FamilyUi | null {
  const [ui, setUi] = useState<FamilyUi | null>(null);
  useEffect(() => {
    let live = true;
    setUi(null);
    const load: (() => Promise<FamilyUi>) | undefined = FAMILY_UI[family].parts;
    load?.().then((u) => live && setUi(u), () => undefined);
    return () => {
      live = false;
    };
  }, [family]);
  return ui;
}
