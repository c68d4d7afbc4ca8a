import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../ui/StatusBadge';
import { errorMessage } from '../../../ui/error-message';
import { EditorPepinDocument } from '../editor/editor-queries';

/** A pépin named by its reference and title (the query string only carries ids). */
export function PepinTitle({ id }: { id: string }) {
  const { t } = useTranslation('codesign');
  const { data, error } = useQuery(EditorPepinDocument, { variables: { id } });
  if (error) return <span className="error">{t('editor.pepinUnreadable', { id, message: errorMessage(error) })}</span>;
  if (!data) return <span className="muted">{t('common:loading')}</span>;
  return (
    <>
      {data.pepin.reference} — {data.pepin.title} <StatusBadge status={data.pepin.status} />
    </>
  );
}
