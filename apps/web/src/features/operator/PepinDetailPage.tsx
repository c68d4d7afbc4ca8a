import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { errorCode } from '../../ui/error-message';
import { Page } from '../../ui/page';
import { ErrorBanner, Loading } from '../../ui/states';
import { Conversation } from './Conversation';
import { ListeningSessions } from './ListeningSessions';
import { PepinSummary } from './PepinSummary';
import { PepinTimeline } from './PepinTimeline';
import { PepitePanel } from './PepitePanel';

const PepinDetailDocument = graphql(`
  query OperatorPepinDetail($id: ID!) {
    pepin(id: $id) {
      ...PepinCoreFields
      supportCount
      ...PepinThreadFields
      listeningSessions {
        ...ListeningSessionCoreFields
      }
    }
  }
`);

/** /my-pepins/:id: where my pépin stands, what managers asked, and the double écoute. */
export function PepinDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('operator');
  const { data, loading, error, refetch } = useQuery(PepinDetailDocument, { variables: { id } });
  const pepin = data?.pepin;
  const back = <Link to="/my-pepins">{t('detail.back')}</Link>;

  if (!pepin) {
    const missing = error && ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(errorCode(error) ?? '');
    return (
      <Page title={t('detail.summary')} actions={back}>
        {loading && <Loading />}
        {error &&
          (missing ? (
            <p role="alert" className="error-banner">
              {t('detail.notFound')}
            </p>
          ) : (
            <ErrorBanner error={error} onRetry={() => void refetch()} />
          ))}
      </Page>
    );
  }

  const published =
    pepin.status === 'PUBLISHED' ? pepin.history.find((event) => event.kind === 'PUBLISHED') : undefined;
  return (
    <Page title={`${pepin.reference} — ${pepin.title}`} actions={back}>
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      <div className="stack">
        {pepin.status === 'PUBLISHED' && <PepitePanel event={published ?? null} />}
        <PepinSummary pepin={pepin} />
        <div className="grid-2">
          <PepinTimeline events={pepin.history} />
          <Conversation pepinId={pepin.id} messages={pepin.conversation ?? null} />
        </div>
        <ListeningSessions pepinId={pepin.id} sessions={pepin.listeningSessions} />
      </div>
    </Page>
  );
}
