/**
 * The logo chunk, loaded once per page after the first paint (it is not in the popup's initial
 * JS); until it arrives, marks draw as initials.
 */
import { useEffect, useState } from 'react';

export type LogoSet = typeof import('./logoSvgs');

let loaded: LogoSet | null = null;
let loading: Promise<LogoSet> | null = null;

export function useLogos(): LogoSet | null {
  const [set, setSet] = useState<LogoSet | null>(loaded);
  useEffect(() => {
    if (set) return;
    let live = true;
    loading ??= import('./logoSvgs').then((m) => (loaded = m));
    void loading.then((m) => live && setSet(m), () => undefined);
    return () => {
      live = false;
    };
  }, [set]);
  return set;
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
