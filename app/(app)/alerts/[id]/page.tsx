import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AcknowledgeForm, DispositionForm } from '@/components/alerts/alert-actions';
import { AlertStateBadge, DispositionBadge } from '@/components/alerts/alert-badges';
import { AlertHistory } from '@/components/alerts/alert-history';
import styles from '@/components/alerts/alerts.module.css';
import { EvidenceChart } from '@/components/alerts/evidence-chart';
import { formatDuration } from '@/components/alerts/format';
import { ReadingsTable } from '@/components/alerts/readings-table';
import { Fact } from '@/components/ui/fact';
import { alertKindInfo } from '@/lib/domain/alerts/kinds';
import { isAlertBasis } from '@/lib/domain/alerts/lifecycle';
import { formatNumber, formatPercent, type DisplayLocale } from '@/lib/domain/format';
import { formatDate, formatDateTime } from '@/lib/domain/time';
import { parameterLabel } from '@/lib/domain/parameters';
import { titleMetadata } from '@/app/_lib/metadata';
import { acknowledgeAlertAction, setDispositionAction } from '@/server/actions/alerts';
import { getAlertDetailPage } from '@/server/queries/alerts';
import { AlertCameraSection } from './camera-section'; // camera

type Props = { params: Promise<{ id: string }> };

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export const generateMetadata = titleMetadata('alerts.title', { param: 'id', separator: ' #' });

export default async function AlertPage({ params }: Props) {
  const { id: raw } = await params;
  const id = parseId(raw);
  if (id == null) notFound();
  const [t, t2, locale, page] = await Promise.all([getTranslations('alerts'), getTranslations('alerts2'), getLocale(), getAlertDetailPage(id)]);
  const loc: DisplayLocale = locale === 'en' ? 'en' : 'vi';
  const a = page.alert;
  const num = (v: number | null) => (v == null ? '—' : `${formatNumber(v, a.decimals, loc)}${a.unit ? ` ${a.unit}` : ''}`);
  const kind = t(`kinds.${a.kind}`);
  const basis = isAlertBasis(a.basis) ? t(`bases.${a.basis}`) : '—';
  const dueDay = a.dueAt ? formatDate(a.dueAt) : null;
  const assigneeNames = Object.fromEntries(page.inspectors.map((i) => [i.id, i.name]));
  if (a.assigneeId != null && a.assigneeName) assigneeNames[a.assigneeId] = a.assigneeName;
  const readOnly = !page.canAcknowledge && !page.canDispose;
  return (
    <>
      <p>
        <Link href="/alerts">{t('detail.back')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 data-testid="alert-heading">
            {a.parameter
              ? t('detail.heading', { kind, parameter: a.parameter, station: a.stationName })
              : t('detail.headingNoParam', { kind, station: a.stationName })}
          </h1>
          <p className="muted">
            <span className="mono">{a.stationCode}</span> · {a.facilityName} · <Link href={`/stations/${encodeURIComponent(a.stationCode)}`}>{t('detail.stationLink')}</Link>
          </p>
        </div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <AlertStateBadge state={a.state} />
          <DispositionBadge disposition={a.disposition} />
        </div>
      </div>

      <section className="panel" style={{ marginBottom: 16 }}>
        <dl className={styles.facts} data-testid="alert-facts">
          <Fact label={t('detail.openedAt')}>{formatDateTime(a.openedAt)}</Fact>
          <Fact label={t('detail.lastSeenAt')}>{formatDateTime(a.lastSeenAt)}</Fact>
          {a.resolvedAt && <Fact label={t('detail.resolvedAt')}>{formatDateTime(a.resolvedAt)}</Fact>}
          <Fact label={t('detail.duration')}>{formatDuration(a.durationMs, (k, v) => t(`duration.${k}`, v))}</Fact>
          <Fact label={t('detail.count')}>{a.count}</Fact>
          <Fact label={t('detail.peak')}>{num(a.peakValue)}</Fact>
          <Fact label={t('detail.limit')} testId="alert-limit">{num(a.limit)}</Fact>
          {a.averageValue != null && <Fact label={t('detail.average')}>{num(a.averageValue)}</Fact>}
          <Fact label={t('detail.basis')}>{basis}</Fact>
          {a.completeness != null && <Fact label={t('detail.completeness')}>{formatPercent(a.completeness, loc)}</Fact>}
          {a.periodStart && a.periodEnd && (
            <Fact label={t('detail.period')}>
              {formatDateTime(a.periodStart)} – {formatDateTime(a.periodEnd)}
            </Fact>
          )}
          {a.derivation && <Fact label={t('detail.derivation')}>{a.derivation}</Fact>}
          {a.acknowledgedAt && (
            <Fact label={t('detail.acknowledged')}>
              {formatDateTime(a.acknowledgedAt)} · {a.acknowledgedBy}
            </Fact>
          )}
          {a.assigneeName && <Fact label={t('detail.assignee')}>{a.assigneeName}</Fact>}
          {dueDay && <Fact label={t('detail.dueAt')}>{dueDay}</Fact>}
          {a.dispositionNote && <Fact label={t('detail.dispositionNote')}>{a.dispositionNote}</Fact>}
        </dl>
        {(a.reopenedByRecompute || a.resolvedByRecompute || a.suppressed) && (
          <ul className="small muted" style={{ marginBottom: 0 }}>
            {a.reopenedByRecompute && <li>{t('detail.reopenedByRecompute')}</li>}
            {a.resolvedByRecompute && <li>{t('detail.resolvedByRecompute')}</li>}
            {a.suppressed && <li>{t('detail.suppressed')}</li>}
          </ul>
        )}
      </section>

      <div className={styles.grid}>
        <div className={styles.stack}>
          <EvidenceChart
            points={page.evidence.points.map((p) => ({ t: p.t, v: p.v, flagged: p.flagged, exceeding: p.exceeding }))}
            from={page.evidence.from}
            to={page.evidence.to}
            unit={a.unit}
            decimals={a.decimals}
            limitMax={a.limitMax}
            limitMin={a.limitMin}
            average={alertKindInfo(a.kind).basis === 'average' ? a.averageValue : null}
            periodStart={a.periodStart ? Date.parse(a.periodStart) : null}
            periodEnd={a.periodEnd ? Date.parse(a.periodEnd) : null}
            locale={loc}
            labels={{
              title: a.parameter ? `${t('chart.title')} · ${parameterLabel(a.parameter, loc)}` : t('chart.title'),
              empty: t('chart.empty'),
              value: t('chart.value'),
              limit: t('chart.limit'),
              average: t('chart.average'),
              flagged: t('chart.flagged'),
              exceeding: t('chart.exceeding'),
              period: t('chart.period'),
            }}
          />
          <section className="panel">
            <h2>{t('data.title')}</h2>
            <ReadingsTable rows={page.evidence.points} decimals={a.decimals} unit={a.unit} total={page.evidence.total} />
          </section>
          <AlertCameraSection alertId={a.id} />
        </div>
        <div className={styles.stack}>
          <section className="panel" data-testid="alert-actions">
            <h2>{t('actions.title')}</h2>
            {page.cannot ? (
              <p className="muted" data-testid="alert-cannot">
                {t2(`cannot.${page.cannot}`)}
              </p>
            ) : (
              readOnly && <p className="muted">{t('actions.readOnly')}</p>
            )}
            {page.canAcknowledge && <AcknowledgeForm alertId={a.id} acknowledge={acknowledgeAlertAction} />}
            {page.canDispose && (
              <>
                <h3 style={{ marginTop: 20 }}>{t('actions.dispositionTitle')}</h3>
                <DispositionForm
                  alertId={a.id}
                  initial={{ disposition: a.disposition, note: a.dispositionNote, assigneeId: a.assigneeId, dueDate: dueDay }}
                  inspectors={page.inspectors}
                  save={setDispositionAction}
                />
              </>
            )}
          </section>
          <section className="panel">
            <h2>{t('history.title')}</h2>
            <AlertHistory events={a.events} assigneeNames={assigneeNames} />
          </section>
        </div>
      </div>
    </>
  );
}
