import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../../auth/auth-context';
import { errorCode } from '../../../ui/error-message';
import { Page } from '../../../ui/page';
import { ErrorBanner, Loading } from '../../../ui/states';
import { EditorPepinDocument, EditorProposalDocument, EditorRulebookDocument } from './editor-queries';
import { ProposalEditor } from './ProposalEditor';
import { EMPTY_RULE, ruleText } from '../diff/rule-fields';
import type { ChangeDraft } from './RuleChangeEditor';

/** /proposals/new?pepins=a,b — a proposal answering those pépins. */
export function NewProposalPage() {
  const { t } = useTranslation('codesign');
  const [params] = useSearchParams();
  const pepinIds = (params.get('pepins') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const rulebook = useRules();
  // The first pépin's rule is the one to amend, most of the time: preselected.
  const first = useQuery(EditorPepinDocument, { variables: { id: pepinIds[0] ?? '' }, skip: pepinIds.length === 0 });
  const waiting = pepinIds.length > 0 && first.loading;
  const preselected = rulebook.rules?.find((rule) => rule.key === first.data?.pepin.ruleKey);
  return (
    <Page title={t('editor.newTitle')}>
      {rulebook.error ? (
        <ErrorBanner error={rulebook.error} onRetry={rulebook.retry} />
      ) : rulebook.rules && !waiting ? (
        <ProposalEditor
          mode={{ kind: 'create', pepinIds }}
          rules={rulebook.rules}
          initial={{
            title: '',
            rationale: '',
            changes: [
              {
                uid: 1,
                kind: 'AMEND',
                ruleKey: preselected?.key ?? '',
                fields: preselected ? ruleText(preselected) : EMPTY_RULE,
              },
            ],
          }}
        />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

/** /proposals/:id/edit — a new revision of the proposal (the whole set of changes again). */
export function EditProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('codesign');
  const user = useCurrentUser();
  const rulebook = useRules();
  const { data, error, refetch } = useQuery(EditorProposalDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const proposal = data?.proposal;
  const failure = error ?? rulebook.error;
  const operator = user.role === 'OPERATOR';
  // Operators revise once they accepted to co-author; their revision is signed as they accepted.
  const coAuthorship = proposal?.myCoAuthorship;
  const allowed = !operator || coAuthorship?.status === 'ACCEPTED';
  const signature = operator
    ? coAuthorship?.anonymous
      ? t('editor.signedAnonymous')
      : t('editor.signedByName', { name: user.displayName })
    : undefined;
  return (
    <Page title={proposal ? t('editor.editTitle', { reference: proposal.reference }) : t('editor.editTitleLoading')}>
      {failure ? (
        <ErrorBanner error={failure} onRetry={() => void refetch()} />
      ) : proposal && !allowed ? (
        <p role="alert" className="error-banner">
          {t('editor.coAuthorsOnly')}
        </p>
      ) : proposal && rulebook.rules ? (
        <ProposalEditor
          mode={{ kind: 'revise', proposalId: proposal.id, pepins: proposal.pepins }}
          rules={rulebook.rules}
          signature={signature}
          initial={{
            title: proposal.title,
            rationale: proposal.rationale,
            changes: proposal.revision.changes.map((change, index): ChangeDraft => ({
              uid: index + 1,
              kind: change.kind,
              ruleKey: change.ruleKey,
              fields: change.rule ? ruleText(change.rule) : EMPTY_RULE,
            })),
          }}
        />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

/** The rules in force; an empty rulebook (no release yet) is not an error for the editor. */
function useRules() {
  const { data, error, refetch } = useQuery(EditorRulebookDocument);
  const empty = error && errorCode(error) === 'NOT_FOUND';
  return {
    rules: empty ? [] : data?.rulebook.rules,
    error: empty ? undefined : error,
    retry: () => void refetch(),
  };
}
