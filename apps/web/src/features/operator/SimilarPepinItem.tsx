import { useMutation } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { errorMessage } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { WithdrawSupportButton } from './WithdrawSupportButton';

const SupportPepinDocument = graphql(`
  mutation OperatorSupportPepin($id: ID!, $signed: Boolean) {
    supportPepin(id: $id, signed: $signed) {
      id
      supportCount
    }
  }
`);

interface Similar {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly description: string;
  readonly supportCount: number;
  readonly ruleKey?: string | null;
  readonly createdAt: string;
}

/**
 * One look-alike pépin: read it in full before saying "me too" (signed only if the operator
 * ticked "Sign"), and take the support back if it was a mistake.
 */
export function SimilarPepinItem({ pepin, signed, badge }: { pepin: Similar; signed: boolean; badge: ReactNode }) {
  const { t } = useTranslation('operator');
  const [support, { loading }] = useMutation(SupportPepinDocument);
  const [supportCount, setSupportCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function meToo() {
    setError(null);
    try {
      const result = await support({ variables: { id: pepin.id, signed: signed || null } });
      if (result.data) setSupportCount(result.data.supportPepin.supportCount);
    } catch (caught) {
      setError(caught);
    }
  }

  const count = supportCount ?? pepin.supportCount;
  return (
    <li className="operator-similar-item">
      <div className="row">
        <strong>{pepin.reference}</strong> {badge}
        {pepin.ruleKey && <span className="muted">{pepin.ruleKey}</span>}
      </div>
      <p className="operator-similar-title">{pepin.title}</p>
      <details className="operator-similar-read">
        <summary>{t('similar.read')}</summary>
        <p className="operator-similar-description">{pepin.description}</p>
        <p className="hint">{t('similar.filedOn', { date: formatDate(pepin.createdAt) })}</p>
      </details>
      <div className="row">
        <span className="muted">{t('similar.supporters', { count })}</span>
        {supportCount === null ? (
          <button
            type="button"
            onClick={() => void meToo()}
            disabled={loading}
            aria-label={t('similar.meTooLabel', { reference: pepin.reference, title: pepin.title })}
          >
            {t('similar.meToo')}
          </button>
        ) : (
          <span className="success">
            {t('similar.supported')} <Link to={`/my-pepins/${pepin.id}`}>{t('similar.seeMine')}</Link>{' '}
            <WithdrawSupportButton
              pepinId={pepin.id}
              reference={pepin.reference}
              onWithdrawn={() => setSupportCount(null)}
            />
          </span>
        )}
      </div>
      {error !== null && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
    </li>
  );
}
