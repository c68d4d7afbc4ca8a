import { Module, type DynamicModule } from '@nestjs/common';
import { AdvisoryService } from './application/advisory.service';
import { ReleaseAssembler } from './application/release-assembler';
import { ReleaseBrotli } from './application/release-brotli.service';
import { ReleaseCatalog } from './application/release-catalog.service';
import { RulebookImport } from './application/rulebook-import.service';
import { RulebookEventHub } from './application/rulebook-event-hub';
import { RuleChangeHistory } from './application/rule-change-history.service';
import { RulebookPublisher } from './application/rulebook-publisher.service';
import { ScheduledPublications } from './application/scheduled-publications.service';
import { MandatoryChanges } from './application/mandatory-changes.service';
import { FeedFastPath } from './feed/feed-fast-path';
import { LiveStreams } from './feed/live-streams';
import { FeedReaderGuard } from './feed/feed-reader.guard';
import { RulebookFeedController } from './feed/rulebook-feed.controller';
import { RULEBOOK_GRAPHQL_PROVIDERS } from './graphql/rulebook-graphql.providers';
import { RULEBOOK_OPTIONS, type RulebookOptions } from './rulebook.options';

@Module({})
export class RulebookModule {
  static forRoot(options: RulebookOptions): DynamicModule {
    return {
      module: RulebookModule,
      controllers: [RulebookFeedController],
      providers: [
        { provide: RULEBOOK_OPTIONS, useValue: options },
        RulebookEventHub,
        ReleaseCatalog,
        ReleaseAssembler,
        ReleaseBrotli,
        RulebookPublisher,
        AdvisoryService,
        ScheduledPublications,
        RulebookImport,
        RuleChangeHistory,
        MandatoryChanges,
        FeedReaderGuard,
        FeedFastPath,
        LiveStreams,
        ...RULEBOOK_GRAPHQL_PROVIDERS,
      ],
      exports: [FeedFastPath, LiveStreams, ReleaseBrotli, RulebookPublisher, ReleaseCatalog, AdvisoryService, RulebookEventHub, ScheduledPublications, RulebookImport, RuleChangeHistory, MandatoryChanges],
    };
  }
}
