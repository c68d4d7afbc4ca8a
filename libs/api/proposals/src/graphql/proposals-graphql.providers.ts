import type { Provider } from '@nestjs/common';
import { CoAuthorResolver } from './co-author.resolver';
import { ProposalPeople } from './people';
import { ProposalAuthorResolver, ProposalResolver, ProposalRevisionResolver } from './proposal.resolver';
import { RequestBatcher } from '@pepite/api/graphql-kit';

/** The proposals' GraphQL API. */
export const PROPOSAL_GRAPHQL_PROVIDERS: Provider[] = [
  { provide: RequestBatcher, useValue: new RequestBatcher() },
  ProposalPeople,
  ProposalResolver,
  ProposalRevisionResolver,
  ProposalAuthorResolver,
  CoAuthorResolver,
];
