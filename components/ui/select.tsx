import type { ReactNode, SelectHTMLAttributes } from 'react';

export type Option = { value: string | number; label: ReactNode };

/**
 * A select in the input style over a list of options (a plain string is its own label). `empty` adds a first option
 * with the value '' ("all …", "choose …"); with `emptyDisabled` it is a prompt that cannot be chosen.
 */
export function Select({
  options,
  empty,
  emptyDisabled,
  className = 'input',
  ...props
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  options: readonly (Option | string)[];
  empty?: ReactNode;
  emptyDisabled?: boolean;
}) {
  return (
    <select className={className} {...props}>
      {empty != null && empty !== false && (
        <option value="" disabled={emptyDisabled}>
          {empty}
        </option>
      )}
      {options.map((o) => {
        const { value, label } = typeof o === 'string' ? { value: o, label: o } : o;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </select>
  );
}
