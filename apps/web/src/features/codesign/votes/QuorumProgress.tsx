import { useTranslation } from 'react-i18next';

/** Ballots cast against the quorum, as a bar and in words (the bar alone says nothing to a screen reader). */
export function QuorumProgress({ cast, quorum, electorate }: { cast: number; quorum: number; electorate: number }) {
  const { t } = useTranslation('codesign');
  const text = t('vote.quorumText', { cast, quorum, electorate });
  const percent = quorum > 0 ? Math.min(100, Math.round((cast / quorum) * 100)) : 100;
  return (
    <div className="stack quorum">
      <p id="quorum-label">{text}</p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby="quorum-label"
        aria-valuemin={0}
        aria-valuemax={quorum}
        aria-valuenow={Math.min(cast, quorum)}
        aria-valuetext={text}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
