import { useTranslation } from 'react-i18next';
import { Page } from '../ui/page';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound')}>
      <p>
        <a href="/">{t('appName')}</a>
      </p>
    </Page>
  );
}
