import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../../gql/graphql';

// Reuses the pépin palette: the word carries the meaning, the colour only echoes it.
const TONE: Record<ProposalStatus, string> = {
  DRAFT: 'status-acknowledged',
  IN_DESIGN: 'status-in_design',
  IN_VOTE: 'status-in_vote',
  APPROVED: 'sla-ok',
  REJECTED: 'status-declined',
  PUBLISHED: 'status-published',
  WITHDRAWN: 'status-duplicate',
};

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation('codesign');
  return <span className={`badge ${TONE[status]}`}>{t(`proposalStatus.${status}`)}</span>;
}
