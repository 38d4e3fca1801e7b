/**
 * A bottom sheet on the native <dialog> (showModal): the browser traps focus, Escape closes it and
 * the page behind is inert, so no focus-trap code of our own.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { IconButton } from './IconButton';

export interface SheetProps {
  open: boolean;
  title: string;
  onClose: () => void;
  closeLabel: string;
  testid?: string;
  children: ReactNode;
}

export function Sheet({ open, title, onClose, closeLabel, testid, children }: SheetProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="sheet"
      aria-label={title}
      data-testid={testid}
      onClose={onClose}
      // A click on the backdrop (the dialog element itself, outside its content) closes it.
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="sheet-body">
        <div className="sheet-head">
          <h2 className="grow">{title}</h2>
          <IconButton label={closeLabel} onClick={onClose} data-testid={testid ? `${testid}-close` : undefined}>
            <X size={18} aria-hidden />
          </IconButton>
        </div>
        {children}
      </div>
    </dialog>
  );
}
