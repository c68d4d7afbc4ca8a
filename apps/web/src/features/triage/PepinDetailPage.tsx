import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../ui/page';
import { ErrorBanner, Loading } from '../../ui/states';
import { TriagePepinDocument } from './detail-documents';
import { ListeningSessions } from './ListeningSessions';
import { PepinConversation } from './PepinConversation';
import { PepinFacts } from './PepinFacts';
import { PepinHistory } from './PepinHistory';
import { TriageActions } from './TriageActions';

/** /triage/:id: one pépin for its site's managers, with every triage step it allows. */
export function PepinDetailPage() {
  const { t } = useTranslation('triage');
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(TriagePepinDocument, { variables: { id } });
  const pepin = data?.pepin;
  const changed = () => void refetch();

  if (!pepin) {
    return (
      <Page title={t('queue.title')}>
        {error ? <ErrorBanner error={error} onRetry={changed} /> : <Loading />}
        <p>
          <Link to="/triage">{t('detail.back')}</Link>
        </p>
      </Page>
    );
  }
  const canDesign = pepin.status === 'NEW' || pepin.status === 'ACKNOWLEDGED';
  return (
    <Page
      title={`${pepin.reference} — ${pepin.title}`}
      actions={
        <>
          <Link to="/triage">{t('detail.back')}</Link>
          {canDesign && (
            <Link className="button-link primary" to={`/proposals/new?pepins=${encodeURIComponent(pepin.id)}`}>
              {t('detail.design')}
            </Link>
          )}
        </>
      }
    >
      {error && <ErrorBanner error={error} onRetry={changed} />}
      <div className="grid-2">
        <PepinFacts pepin={pepin} />
        <TriageActions pepin={pepin} onChanged={changed} />
      </div>
      <PepinConversation pepin={pepin} onChanged={changed} />
      <ListeningSessions pepin={pepin} onChanged={changed} />
      <PepinHistory history={pepin.history} />
    </Page>
  );
}
