/**
 * A family's popup parts (src/families/ui.ts), loaded when one of its screens first needs them:
 * null while loading and for families whose screens need nothing of their own.
 */
import { useEffect, useState } from 'react';
import type { Family } from '../../families/ids';
import type { FamilyUi } from '../../families/types';
import { FAMILY_UI } from '../../families/ui';

/** The family's popup parts, or null when it has none (code outside React: the payment-link reader). */
export async function loadFamilyUi(family: Family): Promise<FamilyUi | null> {
  const load: (() => Promise<FamilyUi>) | null = FAMILY_UI[family];
  return load ? load() : null;
}

export function useFamilyUi(family: Family): FamilyUi | null {
  const [ui, setUi] = useState<FamilyUi | null>(null);
  useEffect(() => {
    let live = true;
    setUi(null);
    const load: (() => Promise<FamilyUi>) | null = FAMILY_UI[family];
    load?.().then((u) => live && setUi(u), () => undefined);
    return () => {
      live = false;
    };
  }, [family]);
  return ui;
}
