import { useTranslation } from 'react-i18next';
import type { InsightsDashboardQuery } from '../../gql/graphql';
import { formatNumber } from '../../ui/format';
import { EmptyState } from '../../ui/states';
import { formatMonth, formatPeople } from './insights-format';

type Participation = InsightsDashboardQuery['insights']['participation'];

const OPERATOR_FIGURES = ['activeOperators', 'filers', 'supporters', 'coDesigners', 'commenters', 'endorsers'] as const;
const MANAGER_FIGURES = [
  'managersWhoVoted',
  'managersCalledToVote',
  'votesOpened',
  'proposals',
  'proposalsCoDesigned',
] as const;

/**
 * Who took part. Operators: counts of distinct people per ended calendar month, as the API
 * gives them (never over the period: differencing two periods would point at someone; small
 * groups come folded). Managers vote under their name: their counts follow the period.
 */
export function ParticipationFigures({ participation }: { participation: Participation }) {
  const { t } = useTranslation('insights');
  return (
    <section className="card stack insights-section" aria-labelledby="insights-participation-heading">
      <h2 id="insights-participation-heading">{t('participation.heading')}</h2>
      <h3 id="insights-operators-heading">{t('participation.operators')}</h3>
      <p className="hint">{t('participation.monthsHint')}</p>
      {participation.months.length === 0 ? (
        <EmptyState title={t('participation.noMonth')} />
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="insights-operators-heading" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('participation.monthsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participation.month')}</th>
                {OPERATOR_FIGURES.map((key) => (
                  <th key={key} scope="col">
                    {t(`participation.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {participation.months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{formatMonth(month.month)}</th>
                  {OPERATOR_FIGURES.map((key) => (
                    <td key={key}>{formatPeople(month[key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('participation.managers')}</h3>
      <p className="hint">{t('participation.hint')}</p>
      <dl className="insights-list">
        {MANAGER_FIGURES.map((key) => (
          <div key={key}>
            <dt>{t(`participation.${key}`)}</dt>
            <dd>{formatNumber(participation[key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
