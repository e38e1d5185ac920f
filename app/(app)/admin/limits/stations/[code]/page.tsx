import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { decodeSegment, firstParam, type SearchParams } from '@/app/_lib/params';
import { AdminAreaNav } from '@/components/admin/admin-area-nav';
import { BindingsPanel } from '@/components/limits-admin/bindings-panel';
import { formatDayKey } from '@/lib/domain/time';
import { PermitsPanel } from '@/components/limits-admin/permits-panel';
import { StationLimitsTable } from '@/components/limits-admin/station-limits-table';
import { PageHead } from '@/components/ui/page-head';
import { Panel } from '@/components/ui/panel';
import { titleMetadata } from '@/app/_lib/metadata';
import { createPermitLimitAction, endPermitLimitAction, removeStationBindingAction, setStationBindingAction } from '@/server/actions/limits-admin';
import { getStationLimitsAdminPage } from '@/server/queries/limits-admin';
import { DateInput } from '@/components/ui/date-input';

type Props = { params: Promise<{ code: string }>; searchParams: SearchParams };

export const generateMetadata = titleMetadata('limitsAdmin.title', { param: 'code', separator: ' – ' });

export default async function StationLimitsAdminPage({ params, searchParams }: Props) {
  const [{ code: raw }, sp] = await Promise.all([params, searchParams]);
  const at = firstParam(sp.at);
  const [t, data] = await Promise.all([getTranslations('limitsAdmin'), getStationLimitsAdminPage(decodeSegment(raw), at)]);
  const s = data.station;
  return (
    <>
      <AdminAreaNav />
      <p className="small">
        <Link href="/admin/limits">{t('station.back')}</Link> · <Link href={`/stations/${encodeURIComponent(s.code)}`}>{t('station.stationPage')}</Link>
      </p>
      <PageHead
        title={t('station.title', { name: `${s.name} (${s.code})` })}
        intro={t('station.facility', { name: s.facilityName, code: s.facilityCode })}
        actions={
          <form method="get" className="toolbar" aria-label={t('station.atLabel')}>
            <label>
              {t('station.at')} <DateInput name="at" defaultValue={data.at} style={{ width: 160 }} />
            </label>
            <button className="btn" type="submit">
              {t('station.show')}
            </button>
          </form>
        }
      />
      <Panel id="station-limits-title" title={t('station.limitsTitle', { date: formatDayKey(data.at) })} intro={t('station.limitsIntro')}>
        <StationLimitsTable parameters={data.parameters} />
      </Panel>
      <Panel id="station-bindings-title" title={t('bindings.title')}>
        <BindingsPanel
          stationCode={s.code}
          kind={s.kind}
          bindings={data.bindings}
          standards={data.standards}
          setAction={setStationBindingAction}
          removeAction={removeStationBindingAction}
        />
      </Panel>
      <Panel id="station-permits-title" title={t('permits.title', { facility: s.facilityName })} intro={t('permits.intro')}>
        <PermitsPanel
          stationCode={s.code}
          facilityCode={s.facilityCode}
          parameters={data.parameters.map((p) => p.parameter)}
          permits={data.permits}
          createAction={createPermitLimitAction}
          endAction={endPermitLimitAction}
        />
      </Panel>
    </>
  );
}
