import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { ActiveBadge } from '@/components/admin/facility-admin';
import { StationParameters, StationSummary } from '@/components/admin/station-admin';
import { StationForm } from '@/components/admin/station-form';
import { PageHead } from '@/components/ui/page-head';
import { Panel } from '@/components/ui/panel';
import { titleMetadata } from '@/app/_lib/metadata';
import {
  addStationParameterAction,
  removeStationParameterAction,
  updateStationAction,
  updateStationParameterAction,
} from '@/server/actions/admin-stations';
import { getAdminStation } from '@/server/queries/admin';

type Params = Promise<{ code: string }>;

export const generateMetadata = titleMetadata('adminArea.stations.title', { param: 'code', separator: ' ' });

export default async function AdminStationPage({ params }: { params: Params }) {
  const { code } = await params;
  const [t, data] = await Promise.all([getTranslations('adminArea.stations'), getAdminStation(decodeURIComponent(code))]);
  const s = data.station;
  return (
    <>
      <AdminAreaNav />
      <PageHead
        title={
          <>
            {s.name} <span className="mono muted">{s.code}</span> <ActiveBadge active={s.active} />
          </>
        }
      >
        <StationSummary station={s} />
        <p>
          <Link href={`/stations/${encodeURIComponent(s.code)}`}>{t('openStation')}</Link> ·{' '}
          <Link href={`/admin/audit?entity=station&entityId=${encodeURIComponent(s.code)}`}>{t('seeAudit')}</Link>
        </p>
      </PageHead>
      <Panel title={t('edit')}>
        <StationForm action={updateStationAction} station={s} facilities={data.facilities} registry={data.registry} bounds={data.bounds} />
      </Panel>
      <Panel title={t('parameters')} intro={t('parametersIntro')}>
        <StationParameters
          station={s}
          registry={data.registry}
          update={updateStationParameterAction}
          remove={removeStationParameterAction}
          add={addStationParameterAction}
        />
      </Panel>
    </>
  );
}
