import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { PepinStatus } from '../gql/graphql';

// Spread `...StatusBadge` where a badge is shown (keeps the PepinStatus type generated).
graphql(`
  fragment StatusBadge on Pepin {
    status
  }
`);

/** A pépin's status as a word and a colour (the word carries the meaning, not the colour). */
export function StatusBadge({ status }: { status: PepinStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}
