import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Select } from '@/components/ui/select';
import { stationOptions } from './station-options';
import styles from './reports.module.css';

// The GET filter form of the report tabs and its common fields.

const DAY_PATTERN = String.raw`\d{1,2}/\d{1,2}/\d{4}`;

/** The form (not printed) with the given fields and a submit button after them. */
export function ReportFilterForm({
  testId,
  submitLabel,
  children,
}: {
  testId?: string;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form method="get" className={`${styles.filters} ${styles.noPrint}`} data-testid={testId}>
      {children}
      <div>
        <button className="btn btn-primary" type="submit">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The from / to days (dd/mm/yyyy typed as text); `validate` adds the browser's pattern check. */
export function ReportRangeInputs({ from, to, validate = false }: { from: string; to: string; validate?: boolean }) {
  const t = useTranslations('reports');
  const pattern = validate ? DAY_PATTERN : undefined;
  return (
    <>
      <label>
        {t('from')}
        <input className="input" name="from" defaultValue={from} placeholder="dd/mm/yyyy" pattern={pattern} />
      </label>
      <label>
        {t('to')}
        <input className="input" name="to" defaultValue={to} placeholder="dd/mm/yyyy" pattern={pattern} />
      </label>
    </>
  );
}

/** The `station` select: an empty first option, then "CODE — name". */
export function ReportStationSelect({
  label,
  emptyLabel,
  stations,
  value,
  testId,
}: {
  label: string;
  emptyLabel: string;
  stations: readonly { code: string; name: string }[];
  value: string;
  testId?: string;
}) {
  return (
    <label>
      {label}
      <Select name="station" defaultValue={value} data-testid={testId} empty={emptyLabel} options={stationOptions(stations)} />
    </label>
  );
}
