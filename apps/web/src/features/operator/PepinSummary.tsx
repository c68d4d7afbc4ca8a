import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerImpact, PepinStatus } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../ui/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { SlaBadge } from './SlaBadge';

interface SummaryPepin {
  readonly status: PepinStatus;
  readonly description: string;
  readonly customerImpact: CustomerImpact;
  readonly ruleKey?: string | null;
  readonly ruleVersion?: number | null;
  readonly ruleCategory?: string | null;
  readonly noRuleApplies: boolean;
  readonly callReference?: string | null;
  readonly signed: boolean;
  readonly supportCount: number;
  readonly ackDueAt: string;
  readonly acknowledgedAt?: string | null;
  readonly overdue: boolean;
  readonly createdAt: string;
  readonly duplicateOf?: { readonly id: string; readonly reference: string; readonly title: string } | null;
}

/** What the pépin says, as filed, with its status and the acknowledgement promise. */
export function PepinSummary({ pepin }: { pepin: SummaryPepin }) {
  const { t } = useTranslation('operator');
  const { t: tc } = useTranslation();
  const rule = pepin.ruleKey
    ? [pepin.ruleKey, pepin.ruleVersion ? `v${pepin.ruleVersion}` : null, pepin.ruleCategory]
        .filter(Boolean)
        .join(' · ')
    : t('mine.noRule');
  return (
    <section className="card stack operator-card" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('detail.summary')}</h2>
      <div className="row">
        <StatusBadge status={pepin.status} />
        <SlaBadge pepin={pepin} />
      </div>
      <dl className="operator-facts">
        <dt>{t('detail.description')}</dt>
        <dd className="operator-description">{pepin.description}</dd>
        <dt>{t('detail.rule')}</dt>
        <dd>{rule}</dd>
        <dt>{t('detail.impact')}</dt>
        <dd>{tc(`impact.${pepin.customerImpact}`)}</dd>
        {pepin.callReference && (
          <>
            <dt>{t('detail.callReference')}</dt>
            <dd>{pepin.callReference}</dd>
          </>
        )}
        <dt>{t('detail.supporters')}</dt>
        <dd>{formatNumber(pepin.supportCount)}</dd>
        <dt>{t('detail.filed')}</dt>
        <dd>{formatDateTime(pepin.createdAt)}</dd>
        <dt>{t('detail.anonymity')}</dt>
        <dd>{pepin.signed ? t('detail.signed') : t('detail.anonymous')}</dd>
        {pepin.duplicateOf && (
          <>
            <dt>{t('detail.duplicateOf')}</dt>
            <dd>
              <Link to={`/my-pepins/${pepin.duplicateOf.id}`}>
                {pepin.duplicateOf.reference} — {pepin.duplicateOf.title}
              </Link>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
