import type { ReactNode } from 'react';

/**
 * A table of the console: its caption (for screen readers only unless `showCaption`), one
 * header per column, the body's rows (each led by a `<th scope="row">` where a row has a
 * name) and an optional footer. Columns are named once, here, for every list and chart.
 */
export function DataTable({
  caption,
  columns,
  footer,
  showCaption = false,
  className,
  children,
}: {
  caption: ReactNode;
  columns: readonly ReactNode[];
  footer?: ReactNode;
  showCaption?: boolean;
  className?: string;
  /** The body's `<tr>` rows. */
  children: ReactNode;
}) {
  return (
    <table className={className}>
      <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
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
