import type { ReactNode } from 'react';

/** An admin list table: one header cell per column, the rows, and the empty text under it when there are no rows. */
export function AdminTable({
  testId,
  columns,
  rowCount,
  emptyText,
  children,
}: {
  testId: string;
  columns: readonly ReactNode[];
  rowCount: number;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {rowCount === 0 && <div className="empty">{emptyText}</div>}
    </div>
  );
}
