import { Module, type DynamicModule } from '@nestjs/common';
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
      providers: [VotingService, VotingStatistics, VotingResolver],
      exports: [VotingService, VotingStatistics],
    };
  }
}
