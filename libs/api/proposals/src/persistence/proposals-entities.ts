import { ProposalCoAuthorEntity } from './proposal-co-author.entity';
import { ProposalCommentEntity } from './proposal-comment.entity';
import { ProposalEndorsementEntity } from './proposal-endorsement.entity';
import { ProposalPepinEntity } from './proposal-pepin.entity';
import { ProposalRevisionEntity } from './proposal-revision.entity';
import { ProposalEntity } from './proposal.entity';

/** The tables the proposals context owns. */
export const PROPOSAL_ENTITIES = [
  ProposalEntity,
  ProposalPepinEntity,
  ProposalRevisionEntity,
  ProposalCoAuthorEntity,
  ProposalCommentEntity,
  ProposalEndorsementEntity,
];
