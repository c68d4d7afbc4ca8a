import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { StatusBadge } from '../../ui/StatusBadge';
import { ErrorBanner } from '../../ui/states';
import { SimilarPepinItem } from './SimilarPepinItem';
import { useDebouncedValue } from './use-debounced-value';

const SimilarPepinsDocument = graphql(`
  query OperatorSimilarPepins($text: String!) {
    similarPepins(text: $text, first: 5) {
      id
      reference
      title
      status
      supportCount
      ruleKey
      createdAt
      score
    }
  }
`);

const MIN_WORDS = 3;
const DEBOUNCE_MS = 300;
const SHOWN = 5;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** One debounced search over one field (skipped below three words). */
function useSimilar(text: string) {
  const settled = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const skip = wordCount(settled) < MIN_WORDS;
  const result = useQuery(SimilarPepinsDocument, {
    variables: { text: settled },
    skip,
    fetchPolicy: 'cache-and-network',
  });
  return { ...result, skip, items: skip ? [] : (result.data?.similarPepins ?? []) };
}

/**
 * While the operator types, the open pépins of their site that look the same: one "me too"
 * is worth more than a second report of the same snag (and keeps the queue readable).
 * Title and description are searched apart: the API wants every word to match, so the
 * two glued together would rarely find anything.
 */
export function SimilarPepins({ title, description, signed }: { title: string; description: string; signed: boolean }) {
  const { t } = useTranslation('operator');
  const byTitle = useSimilar(title);
  const byDescription = useSimilar(description);
  const searching = !byTitle.skip || !byDescription.skip;
  const loading = (byTitle.loading && !byTitle.data) || (byDescription.loading && !byDescription.data);
  const error = byTitle.error ?? byDescription.error;
  const best = new Map<string, (typeof byTitle.items)[number]>();
  for (const item of [...byTitle.items, ...byDescription.items]) {
    const seen = best.get(item.id);
    if (!seen || seen.score < item.score) best.set(item.id, item);
  }
  const items = [...best.values()].sort((a, b) => b.score - a.score).slice(0, SHOWN);

  return (
    <section className="card stack operator-card operator-similar" aria-labelledby="similar-title" aria-live="polite">
      <h2 id="similar-title">{t('similar.title')}</h2>
      <p className="hint">{t('similar.intro')}</p>
      {searching && loading && <p className="muted">{t('similar.searching')}</p>}
      {searching && error && (
        <ErrorBanner
          error={error}
          onRetry={() => {
            if (!byTitle.skip) void byTitle.refetch();
            if (!byDescription.skip) void byDescription.refetch();
          }}
        />
      )}
      {searching && !loading && !error && (
        <p className="muted">{items.length === 0 ? t('similar.none') : t('similar.count', { count: items.length })}</p>
      )}
      {items.length > 0 && (
        <ul className="operator-similar-list">
          {items.map((pepin) => (
            <SimilarPepinItem
              key={pepin.id}
              pepin={pepin}
              signed={signed}
              badge={<StatusBadge status={pepin.status} />}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
