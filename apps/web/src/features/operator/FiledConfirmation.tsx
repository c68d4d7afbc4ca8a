import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';

export interface FiledPepin {
  readonly id: string;
  readonly reference: string;
  readonly ackDueAt: string;
}

/** What the operator sees once the pépin is in: its reference, the promise, what next. */
export function FiledConfirmation({ pepin }: { pepin: FiledPepin }) {
  const { t } = useTranslation('operator');
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: move focus to the news so keyboard and screen-reader users are not lost.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="card stack operator-confirmation" role="status">
      <h2 ref={heading} tabIndex={-1}>
        {t('file.done', { reference: pepin.reference })}
      </h2>
      <p>{t('file.doneHint', { due: formatDateTime(pepin.ackDueAt) })}</p>
      <p className="row">
        <Link to={`/my-pepins/${pepin.id}`}>{t('file.openIt', { reference: pepin.reference })}</Link>
        <Link to="/pepins/new">{t('file.another')}</Link>
      </p>
    </div>
  );
}
