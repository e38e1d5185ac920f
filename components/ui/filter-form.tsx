import Link from 'next/link';
import type { InputHTMLAttributes, ReactNode } from 'react';
import styles from './filter-form.module.css';
import { Select, type Option } from './select';

/**
 * A plain GET filter form: the filters live in the URL, work without JavaScript and survive reloads and shared links.
 * Pages give the fields; the form adds the apply button and, when any filter is set, a link back to the bare page.
 */
export function FilterForm({
  action,
  label,
  testId,
  values,
  applyLabel,
  resetLabel,
  children,
}: {
  action: string;
  label: string;
  testId?: string;
  /** The current filters (the form offers the way back while any is set). */
  values: Record<string, string>;
  applyLabel: string;
  resetLabel: string;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} className={`panel ${styles.filters}`} aria-label={label} data-testid={testId}>
      {children}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary">
          {applyLabel}
        </button>
        {anyFilterSet(values) && (
          <Link href={action} className="btn">
            {resetLabel}
          </Link>
        )}
      </div>
    </form>
  );
}

/** Whether any filter has a value (the form then offers a way back to the bare page). */
export function anyFilterSet(values: Record<string, string>): boolean {
  return Object.values(values).some((v) => v !== '');
}

export type FilterOption = Option;

export type SelectFilterProps = { name: string; label: string; value: string; allLabel: string; options: readonly FilterOption[] };

/** A labelled select whose first option ("all …") leaves the filter empty. */
export function SelectFilter({ name, label, value, allLabel, options }: SelectFilterProps) {
  return (
    <label>
      <span>{label}</span>
      <Select name={name} defaultValue={value} empty={allLabel} options={options} />
    </label>
  );
}

/** A dd/MM/yyyy date typed as text: the screen format of the whole product, parsed on the server. */
export function DateFilter({
  name,
  label,
  value,
  placeholder,
}: {
  name: string;
  label: string;
  value: string;
  placeholder: string;
}) {
  return (
    <label>
      <span>{label}</span>
      <DayInput name={name} defaultValue={value} placeholder={placeholder} autoComplete="off" />
    </label>
  );
}

/** The from / to days of a filter form. */
export function DateRangeFilter({
  from,
  to,
  fromLabel,
  toLabel,
  placeholder,
}: {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  placeholder: string;
}) {
  return (
    <>
      <DateFilter name="from" label={fromLabel} value={from} placeholder={placeholder} />
      <DateFilter name="to" label={toLabel} value={to} placeholder={placeholder} />
    </>
  );
}

/** The text input of a dd/MM/yyyy day, with the browser's pattern check. */
export function DayInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'inputMode' | 'pattern'>) {
  return <input className="input" inputMode="numeric" pattern="\d{1,2}/\d{1,2}/\d{4}" {...props} />;
}

/** The station select shared by every filter form: "CODE · name". */
export function stationOptions(stations: readonly { code: string; name: string }[]): FilterOption[] {
  return stations.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }));
}
