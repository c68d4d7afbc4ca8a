import { diffWords } from 'diff';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One field side by side: the current text with its removed words struck (<del>), the
 * proposed text with its added words marked (<ins>). Screen readers hear "supprimé" /
 * "ajouté" too, so the change is not told by colour alone.
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
          parts
            .filter((part) => !part.added)
            .map((part, index) =>
              part.removed ? (
                <del key={index}>
                  <span className="visually-hidden">{t('diff.removed')} </span>
                  {part.value}
                </del>
              ) : (
                <span key={index}>{part.value}</span>
              ),
            )
        )}
      </div>
      <div className="diff-side">
        <p className="diff-caption">{afterLabel}</p>
        {after === '' ? (
          <span className="muted">{t('diff.none')}</span>
        ) : (
          parts
            .filter((part) => !part.removed)
            .map((part, index) =>
              part.added ? (
                <ins key={index}>
                  <span className="visually-hidden">{t('diff.added')} </span>
                  {part.value}
                </ins>
              ) : (
                <span key={index}>{part.value}</span>
              ),
            )
        )}
      </div>
    </div>
  );
}
