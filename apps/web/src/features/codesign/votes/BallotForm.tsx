import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { VoteChoice } from '../../../gql/graphql';
import { ErrorAlert } from '../../../ui/states';

const CastVoteDocument = graphql(`
  mutation CodesignCastVote($proposalId: ID!, $choice: VoteChoice!, $reason: String) {
    castVote(proposalId: $proposalId, choice: $choice, reason: $reason) {
      voteId
      choice
      reason
    }
  }
`);

const CHOICES: readonly VoteChoice[] = ['APPROVE', 'REJECT', 'ABSTAIN'];

/** A manager's ballot; REJECT asks for the reason the authors will read. Casting again changes it. */
export function BallotForm({
  proposalId,
  current,
  onCast,
}: {
  proposalId: string;
  current: { choice: VoteChoice; reason?: string | null } | null;
  onCast(): void;
}) {
  const { t } = useTranslation('codesign');
  const [choice, setChoice] = useState<VoteChoice | ''>(current?.choice ?? '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [cast, { loading, error }] = useMutation(CastVoteDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!choice) return;
    const result = await cast({ variables: { proposalId, choice, reason: reason.trim() || null } }).catch(() => null);
    if (result?.data) onCast();
  }

  return (
    <form className="stack" onSubmit={submit}>
      <fieldset className="stack">
        <legend>{t('vote.yourChoice')}</legend>
        {CHOICES.map((value) => (
          <label key={value} className="inline">
            <input
              type="radio"
              name="choice"
              value={value}
              required
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            {t(`vote.choiceLabel.${value}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {choice === 'REJECT' ? t('vote.reasonRequired') : t('vote.reasonOptional')}
        <textarea
          required={choice === 'REJECT'}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <ErrorAlert error={error} />
      <div>
        <button type="submit" className="primary" disabled={loading || !choice}>
          {current ? t('vote.change') : t('vote.cast')}
        </button>
      </div>
    </form>
  );
}
