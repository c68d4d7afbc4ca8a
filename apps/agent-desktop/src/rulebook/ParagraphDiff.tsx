import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffParagraphs, diffWords } from '@pepite/text-diff';

/**
 * One part of a rule, before and now in one reading: its paragraphs kept, the words taken out
 * struck (<del>) and the words put in marked (<ins>). Screen readers hear "supprimé" /
 * "ajouté" too, so the change is not told by colour alone. The diff is the product's one
 * (the API's `segments` and the console show the same).
 */
export function ParagraphDiff({ before, after }: { readonly before: string; readonly after: string }) {
  const { t } = useTranslation();
  const paragraphs = useMemo(() => diffParagraphs(diffWords(before, after)), [before, after]);
  return (
    <div className="paragraph-diff">
      {paragraphs.map((segments, index) => (
        <p key={index} className="diff-paragraph">
          {segments.map((segment, at) =>
            segment.kind === 'SAME' ? (
              <span key={at}>{segment.text}</span>
            ) : segment.kind === 'REMOVED' ? (
              <del key={at}>
                <span className="visually-hidden">{t('changes.wordRemoved')} </span>
                {segment.text}
              </del>
            ) : (
              <ins key={at}>
                <span className="visually-hidden">{t('changes.wordAdded')} </span>
                {segment.text}
              </ins>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
