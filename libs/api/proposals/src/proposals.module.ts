import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { ProposalAudit } from './application/proposal-audit';
import { CoAuthorInvitations } from './application/co-author-invitations.service';
import { ProposalAuthoring } from './application/proposal-authoring.service';
import { ProposalDiscussion } from './application/proposal-discussion.service';
import { ProposalNotifier } from './application/proposal-notifier';
import { ProposalPublication } from './application/proposal-publication.service';
import { PUBLICATION_OPTIONS } from './application/publication-commands';
import { ProposalQueries } from './application/proposal-queries.service';
import { ProposalWorkflow } from './application/proposal-workflow.service';
import { PublishedRules } from './application/published-rules';
import { ProposalStatistics } from './application/proposal-statistics.service';
import { PROPOSAL_GRAPHQL_PROVIDERS } from './graphql/proposals-graphql.providers';
import { PublicationResolver } from './graphql/publication.resolver';

export interface ProposalsModuleOptions {
  /**
   * The rulebook module instance of the composition root (not global), for
   * `ReleaseCatalog`: pass the very object given to the root's `imports`, so Nest shares
   * one instance. Identity, notifications, pépins and audit are global modules.
   */
  readonly rulebook: NonNullable<ModuleMetadata['imports']>[number];
  /** Publication of approved proposals; four eyes is on when omitted. */
  readonly publication?: { readonly fourEyes: boolean };
}

/**
 * Proposals: co-design of rule changes from pépins (revisions and their diffs, co-authors,
 * comments, endorsements). Global: the voting and publication contexts inject
 * `ProposalWorkflow` (and `ProposalQueries`) without importing this module again.
 */
@Module({})
export class ProposalsModule {
  static forRoot(options: ProposalsModuleOptions): DynamicModule {
    return {
      module: ProposalsModule,
      global: true,
      imports: [options.rulebook],
      providers: [
        PublishedRules,
        ProposalNotifier,
        ProposalAudit,
        ProposalAuthoring,
        CoAuthorInvitations,
        ProposalDiscussion,
        ProposalQueries,
        ProposalWorkflow,
        { provide: PUBLICATION_OPTIONS, useValue: { fourEyes: options.publication?.fourEyes ?? true } },
        ProposalPublication,
        ProposalStatistics,
        PublicationResolver,
        ...PROPOSAL_GRAPHQL_PROVIDERS,
      ],
      exports: [
        ProposalAuthoring,
        CoAuthorInvitations,
        ProposalDiscussion,
        ProposalQueries,
        ProposalWorkflow,
        ProposalPublication,
        ProposalStatistics,
      ],
    };
  }
}
