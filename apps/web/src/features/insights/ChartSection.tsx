import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/states';

/**
 * One chart with its heading and explanation, and the same numbers as a table behind a
 * disclosure: the drawing is hidden from assistive technologies, the table is the text
 * alternative (and what keyboard users can read precisely).
 */
export function ChartSection({
  id,
  title,
  hint,
  emptyText,
  isEmpty,
  table,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  emptyText: string;
  isEmpty: boolean;
  table: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('insights');
  return (
    <section className="card stack insights-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p className="hint">{hint}</p>
      {isEmpty ? (
        <EmptyState title={emptyText} />
      ) : (
        <>
          <div className="chart insights-chart" aria-hidden="true">
            {children}
          </div>
          <details className="insights-data">
            <summary>{t('data.show')}</summary>
            <div className="table-wrap">{table}</div>
          </details>
        </>
      )}
    </section>
  );
}
