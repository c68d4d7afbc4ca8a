import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../../auth/auth-context';
import { graphql } from '../../../gql';
import { StatusBadge } from '../../../ui/StatusBadge';
import { formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/page';
import { ErrorBanner, Loading } from '../../../ui/states';
import { CoAuthorPanel } from './CoAuthorPanel';
import { CommentThread } from './CommentThread';
import { EndorsePanel } from './EndorsePanel';
import { OpenVoteForm } from '../votes/OpenVoteForm';
import { ProposalChanges } from './ProposalChanges';
import { ProposalStatusBadge } from './ProposalStatusBadge';
import { RevisionHistory } from './RevisionHistory';
import { VoteSummary } from '../votes/VoteSummary';

const ProposalDocument = graphql(`
  query CodesignProposal($id: ID!) {
    proposal(id: $id) {
      id
      reference
      title
      rationale
      status
      currentRevision
      createdAt
      createdBy {
        id
        displayName
      }
      pepins {
        ...CodesignProposalPepinFields
        status
      }
      coAuthors {
        kind
        status
        anonymous
        author {
          ...CodesignAuthorFields
        }
      }
      myCoAuthorship {
        status
        asReporter
      }
      coAuthorCandidates {
        id
        displayName
      }
      endorsementCount
      commentCount
      endorsements {
        comment
        signed
        createdAt
        author {
          ...CodesignAuthorFields
        }
      }
      myEndorsement {
        comment
        signed
      }
      revisions {
        number
        note
        createdAt
        author {
          ...CodesignAuthorFields
        }
      }
      revision {
        ...CodesignRevisionChanges
        diff(against: PUBLISHED) {
          publishedRevision
        }
        baseDiff: diff(against: BASE) {
          ...CodesignRuleDiffFields
        }
      }
    }
  }
`);

/** A proposal read in full: why, which pépins, each rule change side by side, revisions, comments, support. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('codesign');
  const user = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(ProposalDocument, { variables: { id } });
  const proposal = data?.proposal;

  if (!proposal) {
    return (
      <Page title={t('proposal.loadingTitle')}>
        {error ? <ErrorBanner error={error} onRetry={() => void refetch()} /> : loading && <Loading />}
      </Page>
    );
  }

  const manager = user.role !== 'OPERATOR';
  const coAuthor = proposal.myCoAuthorship?.status === 'ACCEPTED';
  const editable = proposal.status === 'IN_DESIGN' || proposal.status === 'DRAFT';
  const hasVote = proposal.status !== 'IN_DESIGN' && proposal.status !== 'DRAFT';
  // Four eyes: a manager who is every author of it (creator, co-authors, revisions) may not publish it.
  const soleAuthor =
    manager &&
    proposal.createdBy?.id === user.id &&
    proposal.coAuthors.every((coAuthor) => coAuthor.status !== 'ACCEPTED' || coAuthor.author.mine) &&
    proposal.revisions.every((revision) => revision.author.mine);
  const titles = new Map(proposal.revision.changes.map((change) => [change.ruleKey, change.rule?.title ?? null]));

  return (
    <Page
      title={proposal.title}
      actions={
        <>
          {(manager || coAuthor) && editable && (
            <Link className="button" to={`/proposals/${proposal.id}/edit`}>
              {t('proposal.revise')}
            </Link>
          )}
          {hasVote && (
            <Link className="button" to={`/proposals/${proposal.id}/vote`}>
              {t('vote.open')}
            </Link>
          )}
        </>
      }
    >
      <div className="stack codesign">
        <div className="row">
          <span className="muted">{proposal.reference}</span>
          <ProposalStatusBadge status={proposal.status} />
          <span>{t('proposal.revisionN', { number: proposal.currentRevision })}</span>
          <span className="muted">
            {t('proposal.createdBy', {
              name: proposal.createdBy?.displayName ?? '—',
              date: formatDateTime(proposal.createdAt),
            })}
          </span>
        </div>
        <VoteSummary proposalId={proposal.id} status={proposal.status} soleAuthor={soleAuthor} />

        <section aria-labelledby="why" className="card">
          <h2 id="why">{t('proposal.why')}</h2>
          <p className="prewrap">{proposal.rationale}</p>
        </section>

        <section aria-labelledby="answers">
          <h2 id="answers">{t('proposal.answers')}</h2>
          <ul>
            {proposal.pepins.map((pepin) => (
              <li key={pepin.id}>
                {pepin.reference} — {pepin.title} <StatusBadge status={pepin.status} />
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="changes">
          <h2 id="changes">{t('proposal.changes')}</h2>
          {proposal.status === 'PUBLISHED' && <p className="hint">{t('proposal.publishedHint')}</p>}
          {/* Once published, the latest release already reads like the proposal: show what it changed. */}
          <ProposalChanges
            diffs={proposal.status === 'PUBLISHED' ? proposal.revision.baseDiff : proposal.revision.diff}
            titles={titles}
          />
        </section>

        {manager && proposal.status === 'IN_DESIGN' && <OpenVoteForm proposalId={proposal.id} />}

        <RevisionHistory proposalId={proposal.id} revisions={proposal.revisions} />
        <CoAuthorPanel
          proposalId={proposal.id}
          coAuthors={proposal.coAuthors}
          myCoAuthorship={proposal.myCoAuthorship}
          candidates={proposal.coAuthorCandidates}
          pepins={proposal.pepins}
          canInvite={manager && proposal.status !== 'PUBLISHED' && proposal.status !== 'WITHDRAWN'}
          onChanged={() => void refetch()}
        />
        <EndorsePanel proposal={proposal} canEndorse={user.role === 'OPERATOR'} onChanged={() => void refetch()} />
        <CommentThread proposalId={proposal.id} revision={proposal.currentRevision} />
      </div>
    </Page>
  );
}
