import type { CSSProperties } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { DisplayLocale } from '@/lib/domain/format';
import type { LimitValue } from '@/lib/domain/limits';
import { formatBounds } from './format';
import { DataTable } from '@/components/ui/data-table';

/** The values of one standard version (the catalogue and the import preview show the same table). */
export function LimitValuesTable({ values, style }: { values: readonly LimitValue[]; style?: CSSProperties }) {
  const t = useTranslations('limitsAdmin');
  const locale = useLocale() as DisplayLocale;
  return (
    <DataTable
      wrap={false}
      style={style}
      rows={values}
      rowKey={(v) => `${v.column}|${v.parameter}|${v.averaging}`}
      columns={[
        { header: t('values.parameter'), className: 'mono', cell: (v) => v.parameter },
        { header: t('values.column'), cell: (v) => (v.column === 'all' ? t('values.anyColumn') : v.column) },
        { header: t('values.limit'), className: 'num', cell: (v) => formatBounds(v.min, v.max, locale) },
        { header: t('values.averaging'), cell: (v) => t(`averaging.${v.averaging}`) },
        { header: t('values.coefficients'), cell: (v) => (v.applyCoefficients ? t('values.yes') : t('values.no')) },
      ]}
    />
  );
}
