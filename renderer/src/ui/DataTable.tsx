import type { ReactNode } from 'react';

export interface Column<T> {
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (row: T) => ReactNode;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  readonly className?: string;
  /** The cell that names its row (a `th` with row scope, read out before each cell of the row). */
  readonly rowHeader?: boolean;
  /** The column the rows can be sorted by: its state for screen readers (the header is then the caller's sort button). */
  readonly sort?: 'ascending' | 'descending' | 'none';
}

/**
 * The read-only list table every screen uses: a card, a labelled table, column headers with
 * scope, numbers right-aligned, and a sentence in place of rows when there are none.
 * (The accounts list, with 10,000 rows, is a virtualised grid of its own.)
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  className,
  rowClassName,
  card = true,
}: {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown in the table body when `rows` is empty. */
  empty?: ReactNode;
  className?: string;
  rowClassName?: (row: T) => string | undefined;
  /** Inside a bordered card (default), or bare inside a section that has one. */
  card?: boolean;
}) {
  const table = (
    <table className={`data-table ${className ?? ''}`} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              aria-sort={c.sort}
              className={[c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined}
            >
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={columns.length} className="data-table__empty">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => {
                const className = [c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined;
                return c.rowHeader ? (
                  <th key={c.key} scope="row" className={className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={className}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
  return card ? <div className="table-card">{table}</div> : table;
}
