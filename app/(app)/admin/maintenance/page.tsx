import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LimitsAdminTabs } from '@/components/limits-admin/admin-subnav';
import { MaintenanceForm } from '@/components/limits-admin/maintenance-form';
import { MaintenanceTable } from '@/components/limits-admin/maintenance-table';
import { cancelMaintenanceWindowAction, createMaintenanceWindowAction } from '@/server/actions/limits-admin';
import { getMaintenancePage } from '@/server/queries/limits-admin';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('limitsAdmin.maintenance');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function MaintenancePage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const station = Array.isArray(sp.station) ? sp.station[0] : sp.station;
  const [t, data] = await Promise.all([getTranslations('limitsAdmin.maintenance'), getMaintenancePage({ station })]);
  return (
    <>
      <LimitsAdminTabs current="maintenance" />
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="maintenance-new">
        <h2 id="maintenance-new">{t('new')}</h2>
        <MaintenanceForm stations={data.stations} action={createMaintenanceWindowAction} defaultStation={data.station} />
      </section>
      <section className="panel" aria-labelledby="maintenance-list">
        <h2 id="maintenance-list">{t('list')}</h2>
        <form method="get" className="toolbar" style={{ marginBottom: 10 }}>
          <label>
            {t('filterStation')}{' '}
            <select className="input" name="station" defaultValue={data.station ?? ''} style={{ width: 'auto' }}>
              <option value="">{t('allStations')}</option>
              {data.stations.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code}
                </option>
              ))}
            </select>
          </label>
          <button className="btn" type="submit">
            {t('filter')}
          </button>
        </form>
        <MaintenanceTable windows={data.windows} cancelAction={cancelMaintenanceWindowAction} />
      </section>
    </>
  );
}
