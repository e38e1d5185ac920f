import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { AuditFilters, AuditPager, AuditTable } from '@/components/admin/audit-admin';
import { getAdminAudit } from '@/server/queries/admin-audit';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminArea.audit');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminAuditPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const search = Object.fromEntries(['actor', 'entity', 'action', 'entityId', 'from', 'to', 'page'].map((k) => [k, one(sp[k])]));
  const [t, data] = await Promise.all([getTranslations('adminArea.audit'), getAdminAudit(search)]);
  return (
    <>
      <AdminAreaNav />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <AuditFilters values={data.filter} entities={data.entities} actions={data.actions} />
      {data.error && (
        <p className="form-error" role="alert">
          {t('badFilter', { details: data.error })}
        </p>
      )}
      <section className="panel">
        <AuditTable entries={data.entries} />
        <AuditPager page={data.page} pageCount={data.pageCount} total={data.total} values={data.filter} />
      </section>
    </>
  );
}
