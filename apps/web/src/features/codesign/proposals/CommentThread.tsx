import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { formatDateTime } from '../../../ui/format';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/states';
import { CommentForm } from './CommentForm';

const CommentsDocument = graphql(`
  query CodesignComments($id: ID!, $number: Int!) {
    proposal(id: $id) {
      id
      revision(number: $number) {
        number
        comments {
          id
          parentId
          depth
          body
          createdAt
          author {
            ...CodesignAuthorFields
          }
        }
      }
    }
  }
`);

const CommentDocument = graphql(`
  mutation CodesignComment($input: CommentOnProposalInput!) {
    commentOnProposal(input: $input) {
      id
    }
  }
`);

/**
 * The discussion of the current revision, threads depth-first as the API orders them.
 * Authors read as the API names them: operators stay "Opérateur" unless they signed.
 */
export function CommentThread({ proposalId, revision }: { proposalId: string; revision: number }) {
  const { t } = useTranslation('codesign');
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(CommentsDocument, {
    variables: { id: proposalId, number: revision },
  });
  const [comment, { loading: sending, error: sendError }] = useMutation(CommentDocument);
  const comments = data?.proposal.revision.comments;

  async function send(body: string, signed: boolean, parentId: string | null): Promise<boolean> {
    const result = await comment({ variables: { input: { proposalId, revision, body, signed, parentId } } }).catch(
      () => null,
    );
    if (!result?.data) return false;
    setReplyTo(null);
    await refetch();
    return true;
  }

  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{t('comments.title', { number: revision })}</h2>
      {error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
      {loading && !comments && <Loading />}
      {comments && comments.length === 0 && <EmptyState title={t('comments.empty')} />}
      {comments && comments.length > 0 && (
        <ul className="comment-list">
          {comments.map((item) => (
            <li key={item.id} className="card comment" style={{ marginLeft: `${Math.min(item.depth, 4) * 1.5}rem` }}>
              <p className="muted">
                <strong>{item.author.person?.displayName ?? item.author.label}</strong>
                {item.author.person ? ` (${item.author.label})` : ''} · {formatDateTime(item.createdAt)}
              </p>
              <p className="prewrap">{item.body}</p>
              {replyTo === item.id ? (
                <CommentForm
                  label={t('comments.reply')}
                  submitLabel={t('comments.sendReply')}
                  busy={sending}
                  error={sendError}
                  onSubmit={(body, signed) => send(body, signed, item.id)}
                  onCancel={() => setReplyTo(null)}
                />
              ) : (
                <button
                  type="button"
                  onClick={() => setReplyTo(item.id)}
                  aria-label={t('comments.replyTo', { name: item.author.person?.displayName ?? item.author.label })}
                >
                  {t('comments.replyButton')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {replyTo === null && (
        <CommentForm
          label={t('comments.new')}
          submitLabel={t('comments.send')}
          busy={sending}
          error={sendError}
          onSubmit={(body, signed) => send(body, signed, null)}
        />
      )}
    </section>
  );
}
