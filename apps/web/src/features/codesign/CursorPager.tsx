import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';

type Cursors = (string | null)[];

/** Previous/next through a connection: `cursors` is the stack of `after` values, the last one the page shown. */
export function CursorPager({ cursors, onChange, pageInfo }: {
  cursors: Cursors;
  onChange: Dispatch<SetStateAction<Cursors>>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
}) {
  const { t } = useTranslation('codesign');
  if (!pageInfo || (cursors.length <= 1 && !pageInfo.hasNextPage)) return null;
  return (
    <div className="row">
      <button type="button" disabled={cursors.length <= 1} onClick={() => onChange((list) => list.slice(0, -1))}>
        {t('common:previous')}
      </button>
      <button
        type="button"
        disabled={!pageInfo.hasNextPage}
        onClick={() => onChange((list) => [...list, pageInfo.endCursor ?? null])}
      >
        {t('common:next')}
      </button>
    </div>
  );
}
