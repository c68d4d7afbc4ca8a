import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { errorMessage } from '../../ui/error-message';
import { ErrorBanner, Loading } from '../../ui/states';

const ManagersDocument = graphql(`
  query OperatorListeningManagers {
    listeningSessionManagers {
      id
      displayName
    }
  }
`);

const RequestDocument = graphql(`
  mutation OperatorRequestListeningSession($input: RequestListeningSessionInput!) {
    requestListeningSession(input: $input) {
      id
      status
      manager {
        id
        displayName
      }
    }
  }
`);

export function ListeningRequestForm({ pepinId }: { pepinId: string }) {
  const { t } = useTranslation('operator');
  const managers = useQuery(ManagersDocument);
  const [managerId, setManagerId] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [request, { loading }] = useMutation(RequestDocument, {
    refetchQueries: ['OperatorPepinDetail'],
    awaitRefetchQueries: true,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      const result = await request({
        variables: { input: { pepinId, managerId, reason: reason.trim() || null } },
      });
      if (result.data) setDone(result.data.requestListeningSession.manager.displayName);
      setReason('');
    } catch (caught) {
      setError(caught);
    }
  }

  if (managers.loading && !managers.data) return <Loading />;
  if (managers.error) return <ErrorBanner error={managers.error} onRetry={() => void managers.refetch()} />;
  const list = managers.data?.listeningSessionManagers ?? [];
  if (list.length === 0) return <p className="muted">{t('listening.noManager')}</p>;

  return (
    <form onSubmit={submit} className="stack operator-narrow">
      <label>
        {t('listening.manager')}
        <select value={managerId} onChange={(e) => setManagerId(e.target.value)} required>
          <option value="">{t('listening.choose')}</option>
          {list.map((manager) => (
            <option key={manager.id} value={manager.id}>
              {manager.displayName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('listening.reason')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} rows={2} />
      </label>
      {error !== null && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      <p role="status" className="success operator-live">
        {done ? t('listening.requested', { name: done }) : ''}
      </p>
      <div className="row">
        <button type="submit" disabled={loading || !managerId}>
          {loading ? t('listening.requesting') : t('listening.request')}
        </button>
      </div>
    </form>
  );
}
