import type { Key, ReactNode } from 'react';

export interface Column<Row> {
  /** The heading; markup where a string will not do (a select-all box, a hidden label). */
  header?: ReactNode;
  /** Figures: right-aligned, heading and cells. */
  numeric?: boolean;
  /** Classes of the column's cells (mono, nowrap, small). */
  className?: string;
  /** The cell is the row's heading (`<th scope="row">`). */
  rowHeader?: boolean;
  cell: (row: Row) => ReactNode;
}

/** What a row carries besides its cells: a class and the data attributes tests and styles read. */
export type RowAttributes = { className?: string | undefined } & {
  [attribute: `data-${string}`]: string | number | undefined;
};

const numericClass = (column: { numeric?: boolean; className?: string }) =>
  [column.numeric ? 'numeric' : '', column.className ?? ''].filter(Boolean).join(' ') || undefined;

/** The frame every table shares: it scrolls inside its own box, so a phone scrolls the table and not the page. */
export function TableFrame<Row>({
  columns,
  caption,
  testId,
  footer,
  children,
}: {
  columns: ReadonlyArray<Pick<Column<Row>, 'header' | 'numeric'>>;
  caption?: string;
  testId?: string;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const headed = columns.some((column) => column.header !== undefined);
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        {headed ? (
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}

/** A table from data: the columns say how a row shows, one row per item. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowAttributes,
  ...frame
}: {
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  rowAttributes?: (row: Row) => RowAttributes;
  caption?: string;
  testId?: string;
  footer?: ReactNode;
}) {
  return (
    <TableFrame columns={columns} {...frame}>
      {rows.map((row, index) => (
        <tr key={rowKey(row, index)} {...rowAttributes?.(row)}>
          {columns.map((column, columnIndex) =>
            column.rowHeader ? (
              <th key={columnIndex} scope="row" className={numericClass(column)}>
                {column.cell(row)}
              </th>
            ) : (
              <td key={columnIndex} className={numericClass(column)}>
                {column.cell(row)}
              </td>
            ),
          )}
        </tr>
      ))}
    </TableFrame>
  );
}
