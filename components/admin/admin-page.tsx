import type { ReactNode } from 'react';
import { PageHead } from '@/components/ui/page-head';
import { AdminAreaNav } from './admin-area-nav';

/**
 * The scaffold of an admin list page: the admin sub-navigation, the title and intro, an optional folded "new …" form
 * (its summary labels the section), optional content before the list (filters), then the list in a panel.
 */
export function AdminPage({
  title,
  intro,
  create,
  beforeList,
  children,
}: {
  title: string;
  intro: string;
  create?: { id: string; label: string; form: ReactNode };
  beforeList?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <AdminAreaNav />
      <PageHead title={title} intro={intro} />
      {create && (
        <section className="panel" aria-labelledby={create.id}>
          <details>
            <summary id={create.id}>{create.label}</summary>
            {create.form}
          </details>
        </section>
      )}
      {beforeList}
      <section className="panel">{children}</section>
    </>
  );
}
