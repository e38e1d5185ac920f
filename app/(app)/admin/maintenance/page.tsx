import { getTranslations } from 'next-intl/server';
import { firstParam, type SearchParams } from '@/app/_lib/params';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { MaintenanceForm } from '@/components/limits-admin/maintenance-form';
import { MaintenanceTable } from '@/components/limits-admin/maintenance-table';
import { PageHead } from '@/components/ui/page-head';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { titleMetadata } from '@/app/_lib/metadata';
import { cancelMaintenanceWindowAction, createMaintenanceWindowAction } from '@/server/actions/limits-admin';
import { getMaintenancePage } from '@/server/queries/limits-admin';

export const generateMetadata = titleMetadata('limitsAdmin.maintenance.title');

export default async function MaintenancePage({ searchParams }: { searchParams: SearchParams }) {
  const station = firstParam((await searchParams).station);
  const [t, data] = await Promise.all([getTranslations('limitsAdmin.maintenance'), getMaintenancePage({ station })]);
  return (
    <>
      <AdminAreaNav />
      <PageHead title={t('title')} intro={t('intro')} />
      <Panel id="maintenance-new" title={t('new')}>
        <MaintenanceForm stations={data.stations} action={createMaintenanceWindowAction} defaultStation={data.station} />
      </Panel>
      <Panel id="maintenance-list" title={t('list')}>
        <form method="get" className="toolbar" style={{ marginBottom: 10 }}>
          <label>
            {t('filterStation')}{' '}
            <Select name="station" defaultValue={data.station ?? ''} style={{ width: 'auto' }} empty={t('allStations')} options={data.stations.map((s) => s.code)} />
          </label>
          <button className="btn" type="submit">
            {t('filter')}
          </button>
        </form>
        <MaintenanceTable windows={data.windows} cancelAction={cancelMaintenanceWindowAction} />
      </Panel>
    </>
  );
}
