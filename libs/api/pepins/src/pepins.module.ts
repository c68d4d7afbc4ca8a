import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { AcknowledgementDeadlines } from './application/acknowledgement-deadlines.service';
import { ListeningSessions } from './application/listening-sessions.service';
import { PepinChangeHub } from './application/pepin-change-hub';
import { PepinConversation } from './application/pepin-conversation.service';
import { PepinFiling } from './application/pepin-filing.service';
import { PepinNotifier } from './application/pepin-notifier';
import { PepinQueries } from './application/pepin-queries.service';
import { PepinStatistics } from './application/pepin-statistics.service';
import { PepinTriage } from './application/pepin-triage.service';
import { RuleReferences } from './application/rule-references.service';
import { PEPIN_GRAPHQL_PROVIDERS } from './graphql/pepins-graphql.providers';

export interface PepinsModuleOptions {
  /**
   * The rulebook module instance of the composition root (not global), for
   * `ReleaseCatalog`: pass the very object given to the root's `imports`, so Nest shares
   * one instance. Identity and notifications are global modules.
   */
  readonly rulebook: NonNullable<ModuleMetadata['imports']>[number];
}

/** The use cases other contexts may call (through this context's index). */
const PEPIN_SERVICES = [
  PepinFiling,
  PepinTriage,
  PepinQueries,
  PepinConversation,
  ListeningSessions,
  AcknowledgementDeadlines,
  PepinStatistics,
];

/**
 * Pépins: filing, me too, triage, conversation, double écoute. Global, like identity and
 * notifications: the contexts that drive pépins later (proposals, the SLA job) inject
 * `PepinTriage` and `PepinQueries` without importing this module again.
 */
@Module({})
export class PepinsModule {
  static forRoot(options: PepinsModuleOptions): DynamicModule {
    return {
      module: PepinsModule,
      global: true,
      imports: [options.rulebook],
      providers: [RuleReferences, PepinNotifier, PepinChangeHub, ...PEPIN_SERVICES, ...PEPIN_GRAPHQL_PROVIDERS],
      exports: PEPIN_SERVICES,
    };
  }
}
