import { useLocale, useTranslations } from 'next-intl';
import type { DisplayLocale } from '@/lib/domain/format';
import { formatDayKey } from '@/lib/domain/time';
import { formatBounds, formatCoefficients } from './format';
import styles from './limits-admin.module.css';
import type { StationLimitItem, StationParameterLimits } from './types';
import { parameterLabel } from '@/lib/domain/parameters';

/** How the limit was obtained, in one line: "QCVN40:2011 2011 · cột B · 150 × Kq 0,9 × Kf 1,1". */
function Derivation({ l }: { l: StationLimitItem }) {
  const t = useTranslations('limitsAdmin.derivation');
  const locale = useLocale() as DisplayLocale;
  if (l.source === 'station') return <span>{t('stationOwn')}</span>;
  if (l.source === 'permit') return <span>{t('permit', { id: l.permitId ?? '?', note: l.version.replace(/^permit#\d+\s?/, '') || '—' })}</span>;
  const coefficients = formatCoefficients(l.coefficients, locale);
  return (
    <span>
      <strong>{l.standard}</strong> {l.version} · {l.column === 'all' ? t('anyColumn') : t('column', { column: l.column })} ·{' '}
      {coefficients ? t('formula', { base: formatBounds(l.base.min, l.base.max, locale), coefficients }) : t('noCoefficients', { base: formatBounds(l.base.min, l.base.max, locale) })}
      {l.o2Ref !== null && <> · {t('o2Ref', { o2: l.o2Ref })}</>}
    </span>
  );
}

/** Each station parameter's limits in force on the chosen date, per averaging period, with their derivation. */
export function StationLimitsTable({ parameters }: { parameters: StationParameterLimits[] }) {
  const t = useTranslations('limitsAdmin');
  const locale = useLocale() as DisplayLocale;
  return (
    <div className="table-wrap">
      <table className={`data ${styles.derivation}`} data-testid="station-limits">
        <thead>
          <tr>
            <th>{t('values.parameter')}</th>
            <th>{t('values.averaging')}</th>
            <th>{t('values.limit')}</th>
            <th>{t('derivation.title')}</th>
            <th>{t('derivation.effective')}</th>
          </tr>
        </thead>
        <tbody>
          {parameters.flatMap((p) =>
            p.limits.length === 0
              ? [
                  <tr key={p.parameter} data-parameter={p.parameter} data-source="none">
                    <td>{parameterLabel(p.parameter, locale)}</td>
                    <td colSpan={4} className="muted">
                      {t('derivation.none')}
                    </td>
                  </tr>,
                ]
              : p.limits.map((l, i) => (
                  <tr key={`${p.parameter}|${l.averaging}|${i}`} data-parameter={p.parameter} data-averaging={l.averaging} data-source={l.source}>
                    <td>{i === 0 ? parameterLabel(p.parameter, locale) : ''}</td>
                    <td className="nowrap">
                      {t(`averaging.${l.averaging}`)} {l.live && <span className="badge badge-neutral" title={t('derivation.liveHint')}>{t('derivation.live')}</span>}
                    </td>
                    <td className="num nowrap">
                      {formatBounds(l.min, l.max, locale)} <span className="muted small">{p.unit}</span>
                    </td>
                    <td>
                      <Derivation l={l} />
                    </td>
                    <td className="nowrap">
                      {l.effectiveFrom ? t('standards.period', { from: formatDayKey(l.effectiveFrom), to: l.effectiveTo ? formatDayKey(l.effectiveTo) : t('standards.open') }) : '—'}
                    </td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
    </div>
  );
}
