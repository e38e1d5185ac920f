import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { segmentMetadata } from '@/app/_lib/metadata';
import { decodeSegment } from '@/app/_lib/params';
import { OverlayForm } from '@/components/qc/overlay-form';
import { QcSettingsRow, RecomputeForm, type QcParameterView } from '@/components/qc/qc-settings-form';
import { QcFlagBadge, QcReasons } from '@/components/qc/reasons';
import { RevokeButton } from '@/components/qc/revoke-button';
import type { QcChartFlag } from '@/components/qc/flags';
import { DataTable } from '@/components/ui/data-table';
import { PageHead } from '@/components/ui/page-head';
import { Panel } from '@/components/ui/panel';
import { formatDateTime } from '@/lib/domain/time';
import { createOverlayAction, requestRecomputeAction, revokeOverlayAction, updateQcSettingsAction } from '@/server/actions/qc';
import { getQcStationPage } from '@/server/queries/qc';
import { parameterLabel } from '@/lib/domain/parameters';

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = segmentMetadata('code');

export default async function QcStationPage({ params }: Props) {
  const { code: raw } = await params;
  const [t, locale, data] = await Promise.all([getTranslations('qc'), getLocale(), getQcStationPage(decodeSegment(raw))]);
  const loc = locale === 'en' ? 'en' : 'vi';
  const code = data.station.code;
  return (
    <>
      <p className="small">
        <Link href="/qc">{t('station.back')}</Link> · <Link href={`/stations/${encodeURIComponent(code)}`}>{t('station.stationPage')}</Link>
      </p>
      <PageHead title={t('station.title', { name: `${data.station.name} (${code})` })} />
      <Panel id="qc-periods-title" title={t('periods.title', { days: data.periodDays })} testId="qc-periods">
        {data.periods.length === 0 ? (
          <p className="empty">{t('periods.empty')}</p>
        ) : (
          <DataTable
            className=""
            rows={data.periods}
            rowKey={(p) => `${p.parameter}-${p.from}`}
            columns={[
              { header: t('periods.parameter'), cell: (p) => parameterLabel(p.parameter, loc) },
              { header: t('periods.from'), className: 'nowrap', cell: (p) => formatDateTime(p.from) },
              { header: t('periods.to'), className: 'nowrap', cell: (p) => formatDateTime(p.to) },
              { header: t('periods.flag'), cell: (p) => <QcFlagBadge flag={p.flag} label={t(`flags.${p.flag as QcChartFlag}`)} /> },
              { header: t('periods.count'), num: true, cell: (p) => p.count },
              { header: t('periods.reasons'), cell: (p) => <QcReasons reasons={p.reasons} /> },
            ]}
          />
        )}
        {data.periodsTruncated && <p className="muted small">{t('periods.truncated')}</p>}
      </Panel>

      {data.canOverlay && <OverlayForm station={code} parameters={data.station.parameters} action={createOverlayAction} />}

      <Panel id="qc-overlays-title" title={t('overlay.listTitle')} testId="qc-overlays">
        {data.overlays.length === 0 ? (
          <p className="empty">{t('overlay.empty')}</p>
        ) : (
          <DataTable
            className=""
            rows={data.overlays}
            rowKey={(o) => o.id}
            rowProps={(o) => ({ 'data-testid': 'qc-overlay-row', 'data-active': o.revokedAt ? 'false' : 'true' })}
            columns={[
              {
                header: t('overlay.action'),
                cell: (o) => <span className={o.action === 'invalidate' ? 'badge badge-rejected' : 'badge badge-accepted'}>{t(`overlay.${o.action}`)}</span>,
              },
              { header: t('overlay.parameters'), cell: (o) => (o.parameters.length === 0 ? t('overlay.all') : o.parameters.map((c) => parameterLabel(c, loc)).join(', ')) },
              {
                header: t('overlay.period'),
                className: 'nowrap',
                cell: (o) => (
                  <>
                    {formatDateTime(o.from)} – {formatDateTime(o.to)}
                  </>
                ),
              },
              { header: t('overlay.reason'), cell: (o) => o.reason },
              {
                header: t('overlay.by'),
                className: 'small',
                cell: (o) => (
                  <>
                    {o.createdBy}
                    <div className="muted">{formatDateTime(o.createdAt)}</div>
                  </>
                ),
              },
              {
                header: t('overlay.status'),
                cell: (o) =>
                  o.revokedAt ? (
                    <span className="muted small">
                      {t('overlay.revoked')} {formatDateTime(o.revokedAt)}
                    </span>
                  ) : data.canOverlay ? (
                    <RevokeButton station={code} id={o.id} label={t('overlay.revoke')} action={revokeOverlayAction} />
                  ) : (
                    t('overlay.active')
                  ),
              },
            ]}
          />
        )}
      </Panel>

      {data.settings && (
        <>
          <section className="panel" aria-labelledby="qc-settings-title">
            <h2 id="qc-settings-title">{t('settings.title')}</h2>
            <p className="muted small">{t('settings.intro')}</p>
          </section>
          {data.settings.parameters.map((p) => (
            <QcSettingsRow key={p.parameter} station={code} p={p as QcParameterView} action={updateQcSettingsAction} />
          ))}
          <RecomputeForm station={code} pending={data.settings.pendingJobs} action={requestRecomputeAction} />
        </>
      )}
    </>
  );
}
