import type { CSSProperties } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { DisplayLocale } from '@/lib/domain/format';
import type { LimitValue } from '@/lib/domain/limits';
import { formatBounds } from './format';

/** The values of one standard version (the catalogue and the import preview show the same table). */
export function LimitValuesTable({ values, style }: { values: readonly LimitValue[]; style?: CSSProperties }) {
  const t = useTranslations('limitsAdmin');
  const locale = useLocale() as DisplayLocale;
  return (
    <table className="data" style={style}>
      <thead>
        <tr>
          <th>{t('values.parameter')}</th>
          <th>{t('values.column')}</th>
          <th>{t('values.limit')}</th>
          <th>{t('values.averaging')}</th>
          <th>{t('values.coefficients')}</th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => (
          <tr key={`${v.column}|${v.parameter}|${v.averaging}`}>
            <td className="mono">{v.parameter}</td>
            <td>{v.column === 'all' ? t('values.anyColumn') : v.column}</td>
            <td className="num">{formatBounds(v.min, v.max, locale)}</td>
            <td>{t(`averaging.${v.averaging}`)}</td>
            <td>{v.applyCoefficients ? t('values.yes') : t('values.no')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
