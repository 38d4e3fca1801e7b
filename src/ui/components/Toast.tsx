/** A transient status message (polite live region), e.g. "Copied". */
import { useCallback, useEffect, useState, type ReactNode } from 'react';

export function useToast(ms = 2000): { toast: ReactNode; show: (text: string) => void } {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    const id = setTimeout(() => setText(null), ms);
    return () => clearTimeout(id);
  }, [text, ms]);
  const show = useCallback((t: string) => setText(t), []);
  const toast = (
    <div className="toast-region" role="status" aria-live="polite">
      {text && (
        <div className="toast" data-testid="toast">
          {text}
        </div>
      )}
    </div>
  );
  return { toast, show };
}
