import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { errorMessage } from '../../ui/error-message';

const WithdrawSupportDocument = graphql(`
  mutation OperatorWithdrawSupport($id: ID!) {
    withdrawSupport(id: $id) {
      id
      supportCount
    }
  }
`);

/** Takes back the operator's "me too" (their own pépins have none to take back). */
export function WithdrawSupportButton({
  pepinId,
  reference,
  onWithdrawn,
}: {
  pepinId: string;
  reference: string;
  onWithdrawn: (supportCount: number) => void;
}) {
  const { t } = useTranslation('operator');
  const [withdraw, { loading }] = useMutation(WithdrawSupportDocument);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setError(null);
    try {
      const result = await withdraw({ variables: { id: pepinId } });
      if (result.data) onWithdrawn(result.data.withdrawSupport.supportCount);
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={() => void run()}
        disabled={loading}
        aria-label={t('similar.withdrawLabel', { reference })}
      >
        {t('similar.withdraw')}
      </button>
      {error !== null && (
        <span role="alert" className="error">
          {errorMessage(error)}
        </span>
      )}
    </>
  );
}
