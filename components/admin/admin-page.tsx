import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { PageHead } from '@/components/ui/page-head';
import { AdminAreaNav } from './admin-area-nav';

type ListArea = 'facilities' | 'stations' | 'users' | 'ftp' | 'tokens';

/**
 * The scaffold of an admin list page: the admin sub-navigation, the area's title and intro, the folded "new …" form
 * (its summary labels the section `create.id`), optional content before the list (filters), then the list in a panel.
 */
export function AdminPage(
  props: ({ area: ListArea; create: { id: string; form: ReactNode } } | { area: 'audit'; create?: undefined }) & {
    beforeList?: ReactNode;
    children: ReactNode;
  },
) {
  const t = useTranslations('adminArea');
  return (
    <>
      <AdminAreaNav />
      <PageHead title={t(`${props.area}.title`)} intro={t(`${props.area}.intro`)} />
      {props.area !== 'audit' && (
        <section className="panel" aria-labelledby={props.create.id}>
          <details>
            <summary id={props.create.id}>{t(`${props.area}.new`)}</summary>
            {props.create.form}
          </details>
        </section>
      )}
      {props.beforeList}
      <section className="panel">{props.children}</section>
    </>
  );
}
