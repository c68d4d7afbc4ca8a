import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { InsightsService } from './application/insights.service';
import { InsightsResolver } from './graphql/insights.resolver';

export interface InsightsModuleOptions {
  /** The composition root's rulebook module instance (not global), for `RuleChangeHistory`. */
  readonly rulebook: NonNullable<ModuleMetadata['imports']>[number];
}

/**
 * Insights: the managers' dashboard. Owns no table: it composes the read-only statistics
 * the pépins, proposals, voting and rulebook contexts export (all global but the rulebook).
 */
@Module({})
export class InsightsModule {
  static forRoot(options: InsightsModuleOptions): DynamicModule {
    return {
      module: InsightsModule,
      imports: [options.rulebook],
      providers: [InsightsService, InsightsResolver],
      exports: [InsightsService],
    };
  }
}
