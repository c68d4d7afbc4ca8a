import { useTranslation } from 'react-i18next';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { formatPeople } from './insights-format';

type Participation = InsightsDashboardQuery['insights']['participation'];

const OPERATOR_FIGURES = ['activeOperators', 'filers', 'supporters', 'coDesigners', 'commenters', 'endorsers'] as const;
const MANAGER_FIGURES = ['managersWhoVoted', 'managersCalledToVote', 'votesOpened', 'proposals', 'proposalsCoDesigned'] as const;

/** Who took part, as counts of distinct people (operators' small groups come folded from the API). */
export function ParticipationFigures({ participation }: { participation: Participation }) {
  const { t } = useTranslation('insights');
  return (
    <section className="card stack insights-section" aria-labelledby="insights-participation-heading">
      <h2 id="insights-participation-heading">{t('participation.heading')}</h2>
      <p className="hint">{t('participation.hint')}</p>
      <div className="grid-2">
        <div>
          <h3>{t('participation.operators')}</h3>
          <dl className="insights-list">
            {OPERATOR_FIGURES.map((key) => (
              <div key={key}>
                <dt>{t(`participation.${key}`)}</dt>
                <dd>{formatPeople(participation[key])}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>{t('participation.managers')}</h3>
          <dl className="insights-list">
            {MANAGER_FIGURES.map((key) => (
              <div key={key}>
                <dt>{t(`participation.${key}`)}</dt>
                <dd>{formatNumber(participation[key])}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </section>
  );
}
