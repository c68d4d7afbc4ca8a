import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/auth-context';
import { graphql } from '../../../gql';
import type { CoAuthorStatus } from '../../../gql/graphql';
import { ErrorAlert } from '../../../ui/states';
import { CoAuthorInvite } from './CoAuthorInvite';

const RespondDocument = graphql(`
  mutation CodesignRespondToInvitation($proposalId: ID!, $accept: Boolean!, $anonymous: Boolean) {
    respondToCoAuthorInvitation(proposalId: $proposalId, accept: $accept, anonymous: $anonymous) {
      id
    }
  }
`);

interface Person {
  readonly id: string;
  readonly displayName: string;
}

interface Props {
  proposalId: string;
  coAuthors: readonly {
    readonly status: CoAuthorStatus;
    readonly anonymous: boolean;
    readonly author: { readonly label: string; readonly person?: Person | null };
  }[];
  myCoAuthorship?: { readonly status: CoAuthorStatus; readonly asReporter: boolean } | null;
  /** Whom the reader may invite by name (managers only; empty otherwise). */
  candidates: readonly Person[];
  pepins: readonly { readonly id: string; readonly reference: string }[];
  /** A manager of the site on a proposal still open to co-authors. */
  canInvite: boolean;
  onChanged(): void;
}

/**
 * Who co-writes the proposal, and the rule that keeps an anonymous co-author anonymous: a
 * person invited by name signs; only a pépin's reporter, invited without being named, may
 * stay anonymous. The invitee accepts or declines here.
 */
export function CoAuthorPanel(props: Props) {
  const { proposalId, coAuthors, myCoAuthorship, candidates, pepins, canInvite, onChanged } = props;
  const { t } = useTranslation('codesign');
  const user = useCurrentUser();
  const [anonymous, setAnonymous] = useState(true);
  const [respond, responded] = useMutation(RespondDocument);
  const operator = user.role === 'OPERATOR';
  const asReporter = myCoAuthorship?.asReporter ?? false;

  async function answer(accept: boolean) {
    const ok = await respond({
      variables: { proposalId, accept, anonymous: accept && operator && asReporter ? anonymous : null },
    })
      .then(() => true)
      .catch(() => false);
    if (ok) onChanged();
  }

  return (
    <section aria-labelledby="co-authors">
      <h2 id="co-authors">{t('coAuthors.title')}</h2>
      <p className="hint">{t('coAuthors.rule')}</p>
      {coAuthors.length === 0 ? (
        <p className="muted">{t('coAuthors.none')}</p>
      ) : (
        <ul>
          {coAuthors.map((coAuthor, index) => (
            <li key={coAuthor.author.person?.id ?? `anonymous-${index}`}>
              {coAuthor.author.person?.displayName ?? coAuthor.author.label}{' '}
              <span className="muted">
                ({t(`coAuthors.status.${coAuthor.status}`)}
                {coAuthor.anonymous ? `, ${t('coAuthors.anonymous')}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
      {myCoAuthorship?.status === 'INVITED' && (
        <div className="card stack">
          <p>{asReporter ? t('coAuthors.invitedAsReporter') : t('coAuthors.invitedByName')}</p>
          {operator && asReporter && (
            <label className="inline">
              <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
              {t('coAuthors.stayAnonymous')}
            </label>
          )}
          <div className="row">
            <button type="button" className="primary" disabled={responded.loading} onClick={() => void answer(true)}>
              {asReporter || !operator ? t('coAuthors.accept') : t('coAuthors.acceptSigned')}
            </button>
            <button type="button" disabled={responded.loading} onClick={() => void answer(false)}>
              {t('coAuthors.decline')}
            </button>
          </div>
          <ErrorAlert error={responded.error} />
        </div>
      )}
      {canInvite && (
        <CoAuthorInvite proposalId={proposalId} candidates={candidates} pepins={pepins} onChanged={onChanged} />
      )}
    </section>
  );
}
