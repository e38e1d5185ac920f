import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OverlayForm } from '@/components/qc/overlay-form';
import { QcSettingsRow, RecomputeForm, type QcParameterView } from '@/components/qc/qc-settings-form';
import { QcFlagBadge, QcReasons } from '@/components/qc/reasons';
import { RevokeButton } from '@/components/qc/revoke-button';
import type { QcChartFlag } from '@/components/qc/flags';
import { formatDateTime } from '@/lib/domain/time';
import { createOverlayAction, requestRecomputeAction, revokeOverlayAction, updateQcSettingsAction } from '@/server/actions/qc';
import { getQcStationPage } from '@/server/queries/qc';

type Props = { params: Promise<{ code: string }> };

function decode(code: string): string {
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: decode(code) };
}

export default async function QcStationPage({ params }: Props) {
  const { code: raw } = await params;
  const [t, data] = await Promise.all([getTranslations('qc'), getQcStationPage(decode(raw))]);
  const code = data.station.code;
  return (
    <>
      <p className="small">
        <Link href="/qc">{t('station.back')}</Link> · <Link href={`/stations/${encodeURIComponent(code)}`}>{t('station.stationPage')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('station.title', { name: `${data.station.name} (${code})` })}</h1>
      </div>
      <section className="panel" aria-labelledby="qc-periods-title" data-testid="qc-periods">
        <h2 id="qc-periods-title">{t('periods.title', { days: data.periodDays })}</h2>
        {data.periods.length === 0 ? (
          <p className="empty">{t('periods.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('periods.parameter')}</th>
                  <th>{t('periods.from')}</th>
                  <th>{t('periods.to')}</th>
                  <th>{t('periods.flag')}</th>
                  <th className="num">{t('periods.count')}</th>
                  <th>{t('periods.reasons')}</th>
                </tr>
              </thead>
              <tbody>
                {data.periods.map((p) => (
                  <tr key={`${p.parameter}-${p.from}`}>
                    <td>{p.parameter}</td>
                    <td className="nowrap">{formatDateTime(p.from)}</td>
                    <td className="nowrap">{formatDateTime(p.to)}</td>
                    <td>
                      <QcFlagBadge flag={p.flag} label={t(`flags.${p.flag as QcChartFlag}`)} />
                    </td>
                    <td className="num">{p.count}</td>
                    <td>
                      <QcReasons reasons={p.reasons} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.periodsTruncated && <p className="muted small">{t('periods.truncated')}</p>}
      </section>

      {data.canOverlay && <OverlayForm station={code} parameters={data.station.parameters} action={createOverlayAction} />}

      <section className="panel" aria-labelledby="qc-overlays-title" data-testid="qc-overlays">
        <h2 id="qc-overlays-title">{t('overlay.listTitle')}</h2>
        {data.overlays.length === 0 ? (
          <p className="empty">{t('overlay.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('overlay.action')}</th>
                  <th>{t('overlay.parameters')}</th>
                  <th>{t('overlay.period')}</th>
                  <th>{t('overlay.reason')}</th>
                  <th>{t('overlay.by')}</th>
                  <th>{t('overlay.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.overlays.map((o) => (
                  <tr key={o.id} data-testid="qc-overlay-row" data-active={o.revokedAt ? 'false' : 'true'}>
                    <td>
                      <span className={o.action === 'invalidate' ? 'badge badge-rejected' : 'badge badge-accepted'}>{t(`overlay.${o.action}`)}</span>
                    </td>
                    <td>{o.parameters.length === 0 ? t('overlay.all') : o.parameters.join(', ')}</td>
                    <td className="nowrap">
                      {formatDateTime(o.from)} – {formatDateTime(o.to)}
                    </td>
                    <td>{o.reason}</td>
                    <td className="small">
                      {o.createdBy}
                      <div className="muted">{formatDateTime(o.createdAt)}</div>
                    </td>
                    <td>
                      {o.revokedAt ? (
                        <span className="muted small">
                          {t('overlay.revoked')} {formatDateTime(o.revokedAt)}
                        </span>
                      ) : data.canOverlay ? (
                        <RevokeButton station={code} id={o.id} label={t('overlay.revoke')} action={revokeOverlayAction} />
                      ) : (
                        t('overlay.active')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

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
