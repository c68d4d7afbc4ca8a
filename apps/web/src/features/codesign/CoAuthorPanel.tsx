import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth-context';
import { graphql } from '../../gql';
import type { CoAuthorStatus } from '../../gql/graphql';
import { ErrorAlert } from '../../ui/states';

const InviteDocument = graphql(`
  mutation CodesignInviteCoAuthor($proposalId: ID!, $userId: ID!) {
    inviteCoAuthor(proposalId: $proposalId, userId: $userId) {
      id
    }
  }
`);

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
    readonly author: { readonly label: string; readonly person?: Person | null };
  }[];
  myCoAuthorship?: { readonly status: CoAuthorStatus } | null;
  /** Operators who signed their support: the ones a manager can name, so invite. */
  signedEndorsers: readonly Person[];
  onChanged(): void;
}

/**
 * Who co-writes the proposal. Managers invite operators who endorsed it by name (the only
 * operators they may know); an invited person accepts or declines, operators anonymously by default.
 */
export function CoAuthorPanel({ proposalId, coAuthors, myCoAuthorship, signedEndorsers, onChanged }: Props) {
  const { t } = useTranslation('codesign');
  const user = useCurrentUser();
  const [anonymous, setAnonymous] = useState(true);
  // Invited operators stay hidden until they accept: remember whom this page invited.
  const [sent, setSent] = useState<readonly Person[]>([]);
  const [invite, invited] = useMutation(InviteDocument);
  const [respond, responded] = useMutation(RespondDocument);
  const error = invited.error ?? responded.error;
  const known = new Set(coAuthors.flatMap((coAuthor) => (coAuthor.author.person ? [coAuthor.author.person.id] : [])));
  for (const person of sent) known.add(person.id);
  const invitable = user.role === 'OPERATOR' ? [] : signedEndorsers.filter((person) => !known.has(person.id));

  async function run(action: Promise<unknown>): Promise<boolean> {
    const ok = await action.then(() => true).catch(() => false);
    if (ok) onChanged();
    return ok;
  }

  async function inviteOne(person: Person) {
    if (await run(invite({ variables: { proposalId, userId: person.id } }))) setSent((list) => [...list, person]);
  }

  return (
    <section aria-labelledby="co-authors">
      <h2 id="co-authors">{t('coAuthors.title')}</h2>
      {coAuthors.length === 0 ? (
        <p className="muted">{t('coAuthors.none')}</p>
      ) : (
        <ul>
          {coAuthors.map((coAuthor, index) => (
            <li key={coAuthor.author.person?.id ?? `anonymous-${index}`}>
              {coAuthor.author.person?.displayName ?? coAuthor.author.label}{' '}
              <span className="muted">({t(`coAuthors.status.${coAuthor.status}`)})</span>
            </li>
          ))}
        </ul>
      )}
      {myCoAuthorship?.status === 'INVITED' && (
        <div className="card stack">
          <p>{t('coAuthors.invited')}</p>
          {user.role === 'OPERATOR' && (
            <label className="inline">
              <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
              {t('coAuthors.stayAnonymous')}
            </label>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={responded.loading}
              onClick={() =>
                void run(
                  respond({
                    variables: { proposalId, accept: true, anonymous: user.role === 'OPERATOR' ? anonymous : null },
                  }),
                )
              }
            >
              {t('coAuthors.accept')}
            </button>
            <button
              type="button"
              disabled={responded.loading}
              onClick={() => void run(respond({ variables: { proposalId, accept: false } }))}
            >
              {t('coAuthors.decline')}
            </button>
          </div>
        </div>
      )}
      {invitable.length > 0 && (
        <ul className="plain stack">
          {invitable.map((person) => (
            <li key={person.id}>
              <button type="button" disabled={invited.loading} onClick={() => void inviteOne(person)}>
                {t('coAuthors.invite', { name: person.displayName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {sent.map((person) => (
        <p key={person.id} role="status" className="success">
          {t('coAuthors.sent', { name: person.displayName })}
        </p>
      ))}
      <ErrorAlert error={error} />
    </section>
  );
}
