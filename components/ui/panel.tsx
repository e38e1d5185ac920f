import type { ReactNode } from 'react';

/** A panel section with its heading and intro; given an `id`, the heading labels the section. */
export function Panel({
  id,
  title,
  intro,
  testId,
  children,
}: {
  id?: string;
  title?: ReactNode;
  intro?: ReactNode;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={id} data-testid={testId}>
      {title && <h2 id={id}>{title}</h2>}
      {intro && <p className="muted">{intro}</p>}
      {children}
    </section>
  );
}
