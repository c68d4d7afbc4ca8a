import { useTranslation } from 'react-i18next';
import { errorCode, errorMessage } from '../../../ui/error-message';

/** A refused publication: the API's own sentence, and what to do about it for the usual causes. */
export function PublishError({ error }: { error: unknown }) {
  const { t } = useTranslation('codesign');
  const code = errorCode(error);
  return (
    <div role="alert" className="error-banner">
      <p>
        <strong>{t('publish.refused')}</strong> {errorMessage(error)}
      </p>
      {code === 'FORBIDDEN' && <p>{t('publish.fourEyesHint')}</p>}
      {code === 'CONFLICT' && <p>{t('publish.conflictHint')}</p>}
    </div>
  );
}
