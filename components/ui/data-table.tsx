import type { CSSProperties, HTMLAttributes, Key, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

type DataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined };
export type CellProps = TdHTMLAttributes<HTMLTableCellElement> & DataAttributes;
export type RowProps = HTMLAttributes<HTMLTableRowElement> & DataAttributes;

/** One column: its header and how a row fills its cell. */
export type Column<Row> = {
  /** None for a column of row actions. */
  header?: ReactNode;
  headerProps?: ThHTMLAttributes<HTMLTableCellElement>;
  /** Numbers: the header and the cells are right-aligned. */
  num?: boolean;
  /** The body cells' class (added to `num`). */
  className?: string | ((row: Row) => string | undefined);
  cell: (row: Row, index: number) => ReactNode;
  /** More attributes of a body cell: data-*, title, style. */
  cellProps?: (row: Row) => CellProps;
};

/** A column left out: `cond && column`. */
export type MaybeColumn<Row> = Column<Row> | false | null | undefined;

function classes(...names: (string | false | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

/**
 * A table from column definitions: a header row, one body row per item, an optional footer, and the `empty` text
 * under the table when there are no rows. `wrap` is the class of the scrolling box around it (false: none).
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowProps,
  testId,
  className = 'data',
  style,
  wrap = 'table-wrap',
  caption,
  foot,
  empty,
}: {
  columns: readonly MaybeColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  rowProps?: (row: Row) => RowProps;
  testId?: string;
  /** The table's class; '' for a table without one. */
  className?: string;
  style?: CSSProperties;
  wrap?: string | false;
  caption?: ReactNode;
  foot?: ReactNode;
  empty?: ReactNode;
}) {
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  const table = (
    <table className={className || undefined} style={style} data-testid={testId}>
      {caption}
      <thead>
        <tr>
          {shown.map((c, j) => (
            <th key={j} scope="col" className={c.num ? 'num' : undefined} {...c.headerProps}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} {...rowProps?.(row)}>
            {shown.map((c, j) => (
              <td key={j} className={classes(c.num && 'num', typeof c.className === 'function' ? c.className(row) : c.className)} {...c.cellProps?.(row)}>
                {c.cell(row, i)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {foot && <tfoot>{foot}</tfoot>}
    </table>
  );
  if (wrap === false) return table;
  return (
    <div className={wrap}>
      {table}
      {rows.length === 0 && empty && <div className="empty">{empty}</div>}
    </div>
  );
}
