/** A list row: leading visual, title and subtitle, trailing content; a button when clickable. */
import type { ReactNode } from 'react';

export interface ListItemProps {
  leading?: ReactNode;
  title: ReactNode;
  subtitle?: ReactNode;
  trailing?: ReactNode;
  onClick?: () => void;
  selected?: boolean;
  testid?: string;
}

export function ListItem({ leading, title, subtitle, trailing, onClick, selected, testid }: ListItemProps): ReactNode {
  const inner = (
    <>
      {leading && <span className="li-lead">{leading}</span>}
      <span className="li-main">
        <span className="li-title">{title}</span>
        {subtitle && <span className="li-sub">{subtitle}</span>}
      </span>
      {trailing && <span className="li-trail">{trailing}</span>}
    </>
  );
  return (
    <li className={`list-item${selected ? ' selected' : ''}`}>
      {onClick ? (
        <button type="button" className="li-button" data-testid={testid} aria-current={selected ? 'true' : undefined} onClick={onClick}>
          {inner}
        </button>
      ) : (
        <div className="li-button static" data-testid={testid}>
          {inner}
        </div>
      )}
    </li>
  );
}
