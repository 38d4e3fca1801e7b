/**
 * A family's popup parts (src/families/ui.ts), loaded when one of its screens first needs them:
 * null while loading and for families whose screens need nothing of their own.
 */
import { useEffect, useState } from 'react';
import type { Family } from '../../families/ids';
import type { FamilyUi } from '../../families/types';
import { FAMILY_UI } from '../../families/ui';

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
