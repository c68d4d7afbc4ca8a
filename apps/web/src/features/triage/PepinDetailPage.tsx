import { useQuery, useSubscription } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { serialRefetch } from '../../apollo/serial-refetch';
import { Page } from '../../ui/page';
import { ErrorBanner, Loading } from '../../ui/states';
import { TriagePepinChangedDocument, TriagePepinDocument } from './detail-documents';
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
  // Live for every manager viewing the page (not only the one the answer notifies): the API
  // says only "this pépin changed", and the page reads it again through its usual query.
  const refreshPepin = useMemo(() => serialRefetch(['TriagePepin']), []);
  useSubscription(TriagePepinChangedDocument, {
    variables: { id },
    skip: !id,
    onData: ({ client }) => refreshPepin(client),
  });

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
