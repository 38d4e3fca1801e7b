/** An icon-only button: the label is required (it is the accessible name and the tooltip). */
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label'> {
  label: string;
  children: ReactNode;
}

export function IconButton({ label, children, className, type = 'button', ...rest }: IconButtonProps): ReactNode {
  return (
    <button type={type} aria-label={label} title={label} className={`icon-btn ${className ?? ''}`} {...rest}>
      {children}
    </button>
  );
}
