import { Module, type DynamicModule } from '@nestjs/common';
import { BallotBox } from './application/ballot-box.service';
import { VoteClosing } from './application/vote-closing';
import { VoteDeadlines } from './application/vote-deadlines.service';
import { VoteOpening } from './application/vote-opening.service';
import { VoteQueries } from './application/vote-queries.service';
import { VotingService } from './application/voting.service';
import { VotingStatistics } from './application/voting-statistics.service';
import { VotingResolver } from './graphql/voting.resolver';

/**
 * Voting: managers' votes on proposals. Global: the publication context injects
 * `VotingService` (`approvalOf`) without importing this module again. Needs the global
 * identity, notifications, pépins, audit, proposals and jobs modules.
 */
@Module({})
export class VotingModule {
  static forRoot(): DynamicModule {
    return {
      module: VotingModule,
      global: true,
      providers: [
        VoteClosing,
        VoteQueries,
        VoteOpening,
        BallotBox,
        VoteDeadlines,
        VotingService,
        VotingStatistics,
        VotingResolver,
      ],
      exports: [VotingService, VotingStatistics],
    };
  }
}
