import type { ReactNode } from 'react';

/**
 * The numbers behind a chart as a table: a caption for screen readers, one header per column,
 * the rows (each led by a `<th scope="row">`) and an optional footer row.
 */
export function ChartTable({
  caption,
  columns,
  footer,
  children,
}: {
  caption: string;
  columns: readonly string[];
  footer?: ReactNode;
  /** The body's `<tr>` rows. */
  children: ReactNode;
}) {
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {footer && <tfoot>{footer}</tfoot>}
    </table>
  );
}
