import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { ErrorBanner, Loading } from '../../../ui/states';
import { ProposalChanges } from './ProposalChanges';

const RevisionDiffDocument = graphql(`
  query CodesignRevisionDiff($id: ID!, $number: Int!) {
    proposal(id: $id) {
      id
      revision(number: $number) {
        number
        diff(against: PREVIOUS) {
          ...CodesignRuleDiffFields
        }
      }
    }
  }
`);

interface RevisionItem {
  readonly number: number;
  readonly note?: string | null;
  readonly createdAt: string;
  readonly author: { readonly label: string; readonly person?: { readonly displayName: string } | null };
}

/** Every revision with its note, and what one revision changed against the one before. */
export function RevisionHistory({ proposalId, revisions }: { proposalId: string; revisions: readonly RevisionItem[] }) {
  const { t } = useTranslation('codesign');
  const latest = revisions[revisions.length - 1]?.number ?? 1;
  // Follows the latest revision until the reader picks another one.
  const [picked, setPicked] = useState<number | null>(null);
  const number = picked ?? latest;
  const { data, loading, error } = useQuery(RevisionDiffDocument, {
    variables: { id: proposalId, number },
    skip: number < 2,
    // Read-only view of a revision that the comments query also caches (same unnormalised field):
    // keeping it out of the cache stops the two from overwriting each other.
    fetchPolicy: 'no-cache',
  });

  return (
    <section aria-labelledby="revisions">
      <h2 id="revisions">{t('revisions.title')}</h2>
      <ol className="timeline">
        {revisions.map((revision) => (
          <li key={revision.number}>
            <strong>{t('proposal.revisionN', { number: revision.number })}</strong> —{' '}
            {revision.author.person?.displayName ?? revision.author.label}, {formatDateTime(revision.createdAt)}
            {revision.note && <p className="prewrap">{revision.note}</p>}
          </li>
        ))}
      </ol>
      {revisions.length > 1 && (
        <div className="stack">
          <label>
            {t('revisions.compare')}
            <select value={number} onChange={(event) => setPicked(Number(event.target.value))}>
              {revisions
                .filter((revision) => revision.number > 1)
                .map((revision) => (
                  <option key={revision.number} value={revision.number}>
                    {t('revisions.option', { number: revision.number, previous: revision.number - 1 })}
                  </option>
                ))}
            </select>
          </label>
          {error && <ErrorBanner error={error} />}
          {loading && !data && <Loading />}
          {data && (
            <ProposalChanges
              diffs={data.proposal.revision.diff}
              beforeLabel={t('proposal.revisionN', { number: number - 1 })}
              afterLabel={t('proposal.revisionN', { number })}
            />
          )}
        </div>
      )}
    </section>
  );
}
