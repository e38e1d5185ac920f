import type { ReactNode } from 'react';

/**
 * The head of a page: the title, an optional intro line and more content under them (`children`), and `actions` on
 * the right (badges, a summary, a small form).
 */
export function PageHead({
  title,
  intro,
  actions,
  children,
}: {
  title: ReactNode;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
      </div>
      {actions}
    </div>
  );
}
