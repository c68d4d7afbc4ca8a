import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { DesktopStatusService } from './application/desktop-status.service';
import { DesktopStatusBatcher } from './application/status-batcher';
import { FloorChangeHub } from './application/floor-change-hub';
import { FloorWatch } from './application/floor-watch.service';
import { FloorChangeResolver } from './graphql/floor-change.resolver';
import { DesktopStatusController } from './http/desktop-status.controller';
import { DesktopStatusFastPath } from './http/desktop-status-fast-path';
import { MandatoryReadingService } from './application/mandatory-reading.service';
import { SearchGapService } from './application/search-gap.service';
import { ReleaseAdoptionService } from './application/release-adoption.service';
import { ReturnPathRetention } from './application/retention.service';
import { DesktopStatusResolver } from './graphql/desktop-status.resolver';
import { MandatoryReadingResolver } from './graphql/mandatory-reading.resolver';
import { SearchGapResolver } from './graphql/search-gap.resolver';
import { RETURN_PATH_OPTIONS, type ReturnPathOptions } from './return-path.options';

export interface ReturnPathModuleOptions extends ReturnPathOptions {
  /** The composition root's rulebook module instance (not global), for `ReleaseCatalog`. */
  readonly rulebook: NonNullable<ModuleMetadata['imports']>[number];
}

/**
 * The feed's return path (issue 19): what desktops send back — the release they run, the
 * mandatory changes their operator acknowledged, the searches that found nothing — and the
 * managers' views of it. Owns its tables; reads releases through the rulebook's catalogue.
 */
@Module({})
export class ReturnPathModule {
  static forRoot(options: ReturnPathModuleOptions): DynamicModule {
    const { rulebook, ...settings } = options;
    return {
      module: ReturnPathModule,
      imports: [rulebook],
      controllers: [DesktopStatusController],
      providers: [
        { provide: RETURN_PATH_OPTIONS, useValue: settings },
        DesktopStatusService,
        DesktopStatusBatcher,
        FloorChangeHub,
        FloorWatch,
        FloorChangeResolver,
        DesktopStatusFastPath,
        ReleaseAdoptionService,
        ReturnPathRetention,
        DesktopStatusResolver,
        MandatoryReadingService,
        MandatoryReadingResolver,
        SearchGapService,
        SearchGapResolver,
      ],
      exports: [ReturnPathRetention, DesktopStatusFastPath, FloorChangeHub],
    };
  }
}
