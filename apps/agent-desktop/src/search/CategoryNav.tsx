import { useTranslation } from 'react-i18next';

interface Props {
  readonly counts: readonly (readonly [string, number])[];
  readonly total: number;
  readonly selected: string | undefined;
  readonly onSelect: (category: string | undefined) => void;
}

/** The categories with their rule counts; one chosen narrows the list and the search. */
export function CategoryNav({ counts, total, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const item = (category: string | undefined, name: string, count: number) => (
    <li key={category ?? ''}>
      <button
        type="button"
        className="category"
        aria-pressed={selected === category}
        onClick={() => onSelect(category)}
      >
        {t('search.categoryCount', { name, count })}
      </button>
    </li>
  );
  return (
    <nav aria-label={t('search.categories')} className="categories">
      <ul>
        {item(undefined, t('search.all'), total)}
        {counts.map(([category, count]) => item(category, category, count))}
      </ul>
    </nav>
  );
}
