import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { ErrorAlert } from '../../../ui/states';

const InviteDocument = graphql(`
  mutation CodesignInviteCoAuthor($proposalId: ID!, $userId: ID!) {
    inviteCoAuthor(proposalId: $proposalId, userId: $userId) {
      id
    }
  }
`);

const InviteReporterDocument = graphql(`
  mutation CodesignInviteReporter($proposalId: ID!, $pepinId: ID!) {
    inviteReporter(proposalId: $proposalId, pepinId: $pepinId) {
      id
    }
  }
`);

interface Props {
  proposalId: string;
  candidates: readonly { readonly id: string; readonly displayName: string }[];
  pepins: readonly { readonly id: string; readonly reference: string }[];
  onChanged(): void;
}

/**
 * A manager invites by name (any operator or manager of the site: they will sign) or the
 * reporter of a linked pépin (nobody learns who: they may stay anonymous). Invited people
 * appear only once they accept, so this page says what it sent.
 */
export function CoAuthorInvite({ proposalId, candidates, pepins, onChanged }: Props) {
  const { t } = useTranslation('codesign');
  const selectId = useId();
  const [chosen, setChosen] = useState('');
  const [sent, setSent] = useState<readonly string[]>([]);
  // Reporters already invited from this page: their button goes (inviting again would change
  // nothing), the message saying what was sent stays.
  const [reportersInvited, setReportersInvited] = useState<ReadonlySet<string>>(new Set());
  const [invite, invited] = useMutation(InviteDocument);
  const [inviteReporter, reporterInvited] = useMutation(InviteReporterDocument);
  const busy = invited.loading || reporterInvited.loading;

  async function run(action: Promise<unknown>, message: string): Promise<boolean> {
    if (!(await action.then(() => true).catch(() => false))) return false;
    setSent((list) => [...list, message]);
    onChanged();
    return true;
  }
  const uninvited = pepins.filter((pepin) => !reportersInvited.has(pepin.id));

  const person = candidates.find((candidate) => candidate.id === chosen);
  return (
    <div className="stack">
      {candidates.length > 0 && (
        <form
          className="card stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (person) {
              void run(
                invite({ variables: { proposalId, userId: person.id } }),
                t('coAuthors.sent', { name: person.displayName }),
              );
            }
          }}
        >
          <h3>{t('coAuthors.byNameTitle')}</h3>
          <p className="hint">{t('coAuthors.byNameHint')}</p>
          <label htmlFor={selectId}>{t('coAuthors.person')}</label>
          <div className="row">
            <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">{t('coAuthors.choose')}</option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.displayName}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy || !person}>
              {t('coAuthors.inviteByName')}
            </button>
          </div>
        </form>
      )}
      {uninvited.length > 0 && (
        <div className="card stack">
          <h3>{t('coAuthors.reporterTitle')}</h3>
          <p className="hint">{t('coAuthors.reporterHint')}</p>
          <ul className="plain stack">
            {uninvited.map((pepin) => (
              <li key={pepin.id}>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      inviteReporter({ variables: { proposalId, pepinId: pepin.id } }),
                      t('coAuthors.sentToReporter', { reference: pepin.reference }),
                    ).then((done) => {
                      if (done) setReportersInvited((ids) => new Set([...ids, pepin.id]));
                    })
                  }
                >
                  {t('coAuthors.inviteReporter', { reference: pepin.reference })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {sent.map((message, index) => (
        <p key={index} role="status" className="success">
          {message}
        </p>
      ))}
      <ErrorAlert error={invited.error ?? reporterInvited.error} />
    </div>
  );
}
