import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LimitsAdminTabs } from '@/components/limits-admin/admin-subnav';
import { BindingsPanel } from '@/components/limits-admin/bindings-panel';
import { formatDayKey } from '@/lib/domain/time';
import { PermitsPanel } from '@/components/limits-admin/permits-panel';
import { StationLimitsTable } from '@/components/limits-admin/station-limits-table';
import { createPermitLimitAction, endPermitLimitAction, removeStationBindingAction, setStationBindingAction } from '@/server/actions/limits-admin';
import { getStationLimitsAdminPage } from '@/server/queries/limits-admin';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function decode(code: string): string {
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ code }, t] = await Promise.all([params, getTranslations('limitsAdmin')]);
  return { title: `${t('title')} – ${decode(code)}` };
}

export default async function StationLimitsAdminPage({ params, searchParams }: Props) {
  const [{ code: raw }, sp] = await Promise.all([params, searchParams]);
  const at = Array.isArray(sp.at) ? sp.at[0] : sp.at;
  const [t, data] = await Promise.all([getTranslations('limitsAdmin'), getStationLimitsAdminPage(decode(raw), at)]);
  const s = data.station;
  return (
    <>
      <LimitsAdminTabs current="limits" />
      <p className="small">
        <Link href="/admin/limits">{t('station.back')}</Link> · <Link href={`/stations/${encodeURIComponent(s.code)}`}>{t('station.stationPage')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t('station.title', { name: `${s.name} (${s.code})` })}</h1>
          <p className="muted">{t('station.facility', { name: s.facilityName, code: s.facilityCode })}</p>
        </div>
        <form method="get" className="toolbar" aria-label={t('station.atLabel')}>
          <label>
            {t('station.at')} <input className="input" type="date" name="at" defaultValue={data.at} style={{ width: 160 }} />
          </label>
          <button className="btn" type="submit">
            {t('station.show')}
          </button>
        </form>
      </div>
      <section className="panel" aria-labelledby="station-limits-title">
        <h2 id="station-limits-title">{t('station.limitsTitle', { date: formatDayKey(data.at) })}</h2>
        <p className="muted">{t('station.limitsIntro')}</p>
        <StationLimitsTable parameters={data.parameters} />
      </section>
      <section className="panel" aria-labelledby="station-bindings-title">
        <h2 id="station-bindings-title">{t('bindings.title')}</h2>
        <BindingsPanel
          stationCode={s.code}
          kind={s.kind}
          bindings={data.bindings}
          standards={data.standards}
          setAction={setStationBindingAction}
          removeAction={removeStationBindingAction}
        />
      </section>
      <section className="panel" aria-labelledby="station-permits-title">
        <h2 id="station-permits-title">{t('permits.title', { facility: s.facilityName })}</h2>
        <p className="muted">{t('permits.intro')}</p>
        <PermitsPanel
          stationCode={s.code}
          facilityCode={s.facilityCode}
          parameters={data.parameters.map((p) => p.parameter)}
          permits={data.permits}
          createAction={createPermitLimitAction}
          endAction={endPermitLimitAction}
        />
      </section>
    </>
  );
}
