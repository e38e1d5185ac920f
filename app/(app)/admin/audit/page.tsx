import { getTranslations } from 'next-intl/server';
import { firstParam, type SearchParams } from '@/app/_lib/params';
import { AdminPage } from '@/components/admin/admin-page';
import { AuditFilters, AuditPager, AuditTable } from '@/components/admin/audit-admin';
import { titleMetadata } from '@/app/_lib/metadata';
import { getAdminAudit } from '@/server/queries/admin-audit';

export const generateMetadata = titleMetadata('adminArea.audit.title');

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const search = Object.fromEntries(['actor', 'entity', 'action', 'entityId', 'from', 'to', 'page'].map((k) => [k, firstParam(sp[k])]));
  const [t, data] = await Promise.all([getTranslations('adminArea.audit'), getAdminAudit(search)]);
  const filters = (
    <>
      <AuditFilters values={data.filter} entities={data.entities} actions={data.actions} />
      {data.error && (
        <p className="form-error" role="alert">
          {t('badFilter', { details: data.error })}
        </p>
      )}
    </>
  );
  return (
    <AdminPage area="audit" beforeList={filters}>
      <AuditTable entries={data.entries} />
      <AuditPager page={data.page} pageCount={data.pageCount} total={data.total} values={data.filter} />
    </AdminPage>
  );
}
