import { diffWords, sideOf } from '@pepite/text-diff';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One field side by side: the current text with its removed words struck (<del>), the
 * proposed text with its added words marked (<ins>). Screen readers hear "supprimé" /
 * "ajouté" too, so the change is not told by colour alone. The diff is the product's one
 * word diff (the API serves the same as `segments`, the desktop shows the same).
 */
export function WordDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useTranslation('codesign');
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <div className="diff">
      <div className="diff-side">
        <p className="diff-caption">{beforeLabel}</p>
        {before === '' ? (
          <span className="muted">{t('diff.none')}</span>
        ) : (
          sideOf(parts, 'before').map((part, index) =>
            part.kind === 'REMOVED' ? (
              <del key={index}>
                <span className="visually-hidden">{t('diff.removed')} </span>
                {part.text}
              </del>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )
        )}
      </div>
      <div className="diff-side">
        <p className="diff-caption">{afterLabel}</p>
        {after === '' ? (
          <span className="muted">{t('diff.none')}</span>
        ) : (
          sideOf(parts, 'after').map((part, index) =>
            part.kind === 'ADDED' ? (
              <ins key={index}>
                <span className="visually-hidden">{t('diff.added')} </span>
                {part.text}
              </ins>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )
        )}
      </div>
    </div>
  );
}
