import { registerEnumType } from '@nestjs/graphql';
import { CoAuthorStatus, ParticipantKind, ProposalStatus } from '../domain/proposal-status';

/** docs/design.md `RuleChangeKind`. */
export enum RuleChangeKind {
  CREATE = 'CREATE',
  AMEND = 'AMEND',
  RETIRE = 'RETIRE',
}

/** What a revision's diff compares it with. */
export enum ProposalDiffBase {
  PUBLISHED = 'PUBLISHED',
  PREVIOUS = 'PREVIOUS',
  BASE = 'BASE',
}

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where a proposal stands: co-designed (IN_DESIGN), voted, approved or rejected, published, withdrawn.',
});
registerEnumType(RuleChangeKind, {
  name: 'RuleChangeKind',
  valuesMap: {
    CREATE: { description: 'A new rule (every wording field required but tags and effectiveFrom).' },
    AMEND: { description: 'A new wording of a rule in force; fields left out keep the published value.' },
    RETIRE: { description: 'The rule leaves the rulebook (its key only).' },
  },
});
registerEnumType(ProposalDiffBase, {
  name: 'ProposalDiffBase',
  valuesMap: {
    PUBLISHED: { description: 'The rules in force in the latest release.' },
    PREVIOUS: { description: 'The revision before this one.' },
    BASE: {
      description:
        'The rules in force in the release the revision was written against (`baseRelease`): what a published proposal changed.',
    },
  },
});
registerEnumType(ParticipantKind, {
  name: 'ProposalParticipantKind',
  description: 'In which capacity someone takes part in a proposal.',
});
registerEnumType(CoAuthorStatus, { name: 'CoAuthorStatus', description: 'Where an invitation to co-author stands.' });

export { CoAuthorStatus, ParticipantKind, ProposalStatus };
