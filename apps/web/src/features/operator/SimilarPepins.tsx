import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { StatusBadge } from '../../ui/StatusBadge';
import { ErrorBanner } from '../../ui/states';
import { SimilarPepinItem } from './SimilarPepinItem';
import { useDebouncedValue } from './use-debounced-value';

const SimilarPepinsDocument = graphql(`
  query OperatorSimilarPepins($text: String!, $description: String, $ruleKey: String) {
    similarPepins(text: $text, description: $description, ruleKey: $ruleKey, first: 5) {
      id
      reference
      title
      description
      status
      supportCount
      ruleKey
      createdAt
      score
    }
  }
`);

const MIN_WORDS = 2;
const DEBOUNCE_MS = 300;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * While the operator types, the open pépins of their site that look the same: one "me too"
 * is worth more than a second report of the same snag (and keeps the queue readable).
 * Title, description and rule go in one search: the API weighs the same rule most, then the
 * French stems the texts share.
 */
export function SimilarPepins({
  title,
  description,
  ruleKey,
  signed,
}: {
  title: string;
  description: string;
  ruleKey: string;
  signed: boolean;
}) {
  const { t } = useTranslation('operator');
  // Debounced as one string: a new object every render would restart the timer for ever.
  const typed = JSON.stringify([title.trim(), description.trim(), ruleKey.trim()]);
  const [text, typedDescription, typedRule] = JSON.parse(useDebouncedValue(typed, DEBOUNCE_MS)) as [string, string, string];
  const settled = { text, description: typedDescription, ruleKey: typedRule };
  const skip = wordCount(`${settled.text} ${settled.description}`) < MIN_WORDS;
  const { data, loading: fetching, error, refetch } = useQuery(SimilarPepinsDocument, {
    variables: {
      text: settled.text,
      description: settled.description || null,
      ruleKey: settled.ruleKey || null,
    },
    skip,
    fetchPolicy: 'cache-and-network',
  });
  const searching = !skip;
  const loading = fetching && !data;
  const items = skip ? [] : (data?.similarPepins ?? []);

  return (
    <section className="card stack operator-card operator-similar" aria-labelledby="similar-title" aria-live="polite">
      <h2 id="similar-title">{t('similar.title')}</h2>
      <p className="hint">{t('similar.intro')}</p>
      {searching && loading && <p className="muted">{t('similar.searching')}</p>}
      {searching && error && <ErrorBanner error={error} onRetry={() => void refetch()} />}
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
