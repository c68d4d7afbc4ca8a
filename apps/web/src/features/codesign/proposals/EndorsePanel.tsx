import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { ErrorAlert } from '../../../ui/states';

const EndorseDocument = graphql(`
  mutation CodesignEndorse($id: ID!, $comment: String, $signed: Boolean) {
    endorseProposal(id: $id, comment: $comment, signed: $signed) {
      id
      endorsementCount
      myEndorsement {
        comment
        signed
      }
    }
  }
`);

interface EndorsementView {
  readonly comment?: string | null;
  readonly signed: boolean;
  readonly author: {
    readonly label: string;
    readonly mine: boolean;
    readonly person?: { readonly displayName: string } | null;
  };
}

interface Props {
  proposal: {
    readonly id: string;
    readonly endorsementCount: number;
    readonly endorsements: readonly EndorsementView[];
    readonly myEndorsement?: { readonly comment?: string | null; readonly signed: boolean } | null;
  };
  canEndorse: boolean;
  onChanged(): void;
}

/** Operators' support: who (when signed) and why; an operator adds or updates their own. */
export function EndorsePanel({ proposal, canEndorse, onChanged }: Props) {
  const { t } = useTranslation('codesign');
  const mine = proposal.myEndorsement;
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [signed, setSigned] = useState(mine?.signed ?? false);
  const [done, setDone] = useState(false);
  const [endorse, { loading, error }] = useMutation(EndorseDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const result = await endorse({ variables: { id: proposal.id, comment: comment.trim(), signed } }).catch(() => null);
    if (result?.data) {
      setDone(true);
      onChanged();
    }
  }

  return (
    <section aria-labelledby="endorsements">
      <h2 id="endorsements">{t('endorse.title', { count: proposal.endorsementCount })}</h2>
      {proposal.endorsements.length === 0 ? (
        <p className="muted">{t('endorse.none')}</p>
      ) : (
        <ul>
          {proposal.endorsements.map((item, index) => (
            <li key={index}>
              <strong>{item.author.person?.displayName ?? item.author.label}</strong>
              {item.author.mine && ` (${t('endorse.you')})`}
              {item.comment && ` : « ${item.comment} »`}
            </li>
          ))}
        </ul>
      )}
      {canEndorse && (
        <form className="card stack" onSubmit={submit}>
          <label>
            {t('endorse.comment')}
            <textarea maxLength={1000} value={comment} onChange={(event) => setComment(event.target.value)} />
          </label>
          <label className="inline">
            <input type="checkbox" checked={signed} onChange={(event) => setSigned(event.target.checked)} />
            {t('endorse.sign')}
          </label>
          <ErrorAlert error={error} />
          {done && (
            <p role="status" className="success">
              {t('endorse.done')}
            </p>
          )}
          <div>
            <button type="submit" className="primary" disabled={loading}>
              {mine ? t('endorse.update') : t('endorse.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
