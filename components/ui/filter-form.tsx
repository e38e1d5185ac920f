import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './filter-form.module.css';

/**
 * A plain GET filter form: the filters live in the URL, work without JavaScript and survive reloads and shared links.
 * Pages give the fields; the form adds the apply button and, when any filter is set, a link back to the bare page.
 */
export function FilterForm({
  action,
  label,
  testId,
  active,
  applyLabel,
  resetLabel,
  children,
}: {
  action: string;
  label: string;
  testId?: string;
  active: boolean;
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
        {active && (
          <Link href={action} className="btn">
            {resetLabel}
          </Link>
        )}
      </div>
    </form>
  );
}

export type FilterOption = { value: string; label: string };

/** A labelled select whose first option ("all …") leaves the filter empty. */
export function SelectFilter({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  value: string;
  allLabel: string;
  options: readonly FilterOption[];
}) {
  return (
    <label>
      <span>{label}</span>
      <select name={name} className="input" defaultValue={value}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
      <input
        name={name}
        className="input"
        defaultValue={value}
        placeholder={placeholder}
        inputMode="numeric"
        pattern="\d{1,2}/\d{1,2}/\d{4}"
        autoComplete="off"
      />
    </label>
  );
}

/** The station select shared by every filter form: "CODE · name". */
export function stationOptions(stations: readonly { code: string; name: string }[]): FilterOption[] {
  return stations.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }));
}
