import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../../../gql';
import { ErrorAlert } from '../../../ui/states';
import { fromLocalInput, toLocalInput } from '../datetime';

const OpenVoteDocument = graphql(`
  mutation CodesignOpenVote($proposalId: ID!, $closesAt: DateTime!, $quorum: Int, $resultsHidden: Boolean) {
    openVote(proposalId: $proposalId, closesAt: $closesAt, quorum: $quorum, resultsHidden: $resultsHidden) {
      id
      status
    }
  }
`);

const THREE_DAYS = 3 * 24 * 3600 * 1000;

/** Managers freeze the current revision and ask the site's managers to vote (closes in 3 days by default). */
export function OpenVoteForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('codesign');
  const navigate = useNavigate();
  const [closesAt, setClosesAt] = useState(() => toLocalInput(new Date(Date.now() + THREE_DAYS)));
  const [quorum, setQuorum] = useState('');
  const [resultsHidden, setResultsHidden] = useState(false);
  const [openVote, { loading, error }] = useMutation(OpenVoteDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await openVote({
      variables: {
        proposalId,
        closesAt: fromLocalInput(closesAt),
        quorum: quorum ? Number(quorum) : null,
        resultsHidden,
      },
    }).catch(() => null);
    if (result?.data) await navigate(`/proposals/${proposalId}/vote`);
  }

  return (
    <section aria-labelledby="open-vote" className="card">
      <h2 id="open-vote">{t('openVote.title')}</h2>
      <p className="hint">{t('openVote.hint')}</p>
      <form className="stack" onSubmit={submit}>
        <div className="row">
          <label>
            {t('openVote.closesAt')}
            <input
              type="datetime-local"
              required
              value={closesAt}
              onChange={(event) => setClosesAt(event.target.value)}
            />
          </label>
          <label>
            {t('openVote.quorum')}
            <input
              type="number"
              min={1}
              inputMode="numeric"
              value={quorum}
              onChange={(event) => setQuorum(event.target.value)}
              aria-describedby="quorum-hint"
            />
            <span id="quorum-hint" className="hint">
              {t('openVote.quorumHint')}
            </span>
          </label>
        </div>
        <label className="inline">
          <input type="checkbox" checked={resultsHidden} onChange={(event) => setResultsHidden(event.target.checked)} />
          {t('openVote.resultsHidden')}
        </label>
        <ErrorAlert error={error} />
        <div>
          <button type="submit" className="primary" disabled={loading}>
            {t('openVote.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
