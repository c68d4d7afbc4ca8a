import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime, formatNumber } from '../../ui/format';
import type { TriagePepin } from './detail-documents';
import { SlaBadge } from './SlaBadge';

/** What the pépin says, as a description list; the reporter only by name when they signed. */
export function PepinFacts({ pepin }: { pepin: TriagePepin }) {
  const { t } = useTranslation('triage');
  const { t: common } = useTranslation();
  // Merged duplicates leave a DUPLICATE_MERGED line whose message is their reference.
  const merged = pepin.history.filter((event) => event.kind === 'DUPLICATE_MERGED' && event.message);
  const signedSupporters = pepin.supporters.map((s) => s.displayName).join(', ');
  return (
    <section className="card stack" aria-labelledby="triage-facts">
      <h2 id="triage-facts">{t('detail.facts')}</h2>
      <h3>{t('detail.description')}</h3>
      <p className="triage-description">{pepin.description}</p>
      <dl className="triage-facts">
        <dt>{t('detail.status')}</dt>
        <dd>
          <StatusBadge status={pepin.status} />
        </dd>
        <dt>{t('detail.sla')}</dt>
        <dd>
          <SlaBadge pepin={pepin} />
          {pepin.escalationLevel > 0 && (
            <span className="hint"> {t('detail.escalation', { count: pepin.escalationLevel })}</span>
          )}
        </dd>
        <dt>{t('detail.rule')}</dt>
        <dd>
          {pepin.ruleKey
            ? t('detail.ruleValue', { key: pepin.ruleKey, version: pepin.ruleVersion ?? '?' })
            : t('detail.noRule')}
          {pepin.ruleCategory && (
            <span className="hint"> — {t('detail.ruleCategory', { category: pepin.ruleCategory })}</span>
          )}
        </dd>
        <dt>{t('detail.impact')}</dt>
        <dd>{common(`impact.${pepin.customerImpact}`)}</dd>
        <dt>{t('detail.callReference')}</dt>
        <dd>{pepin.callReference ?? t('detail.noCallReference')}</dd>
        <dt>{t('detail.supports')}</dt>
        <dd>
          {formatNumber(pepin.supportCount)}
          {signedSupporters && (
            <span className="hint"> — {t('detail.signedSupporters', { names: signedSupporters })}</span>
          )}
        </dd>
        <dt>{t('detail.reporter')}</dt>
        <dd>{pepin.reporter?.displayName ?? t('detail.anonymous')}</dd>
        <dt>{t('detail.filed')}</dt>
        <dd>{formatDateTime(pepin.createdAt)}</dd>
        {pepin.duplicateOf && (
          <>
            <dt>{t('detail.duplicateOf')}</dt>
            <dd>
              <Link to={`/triage/${pepin.duplicateOf.id}`}>
                {pepin.duplicateOf.reference} {pepin.duplicateOf.title}
              </Link>
            </dd>
          </>
        )}
        <dt>{t('detail.duplicates')}</dt>
        <dd>{merged.length ? merged.map((event) => event.message).join(', ') : t('detail.noDuplicates')}</dd>
      </dl>
    </section>
  );
}
