import { DesktopStatusEntity } from './desktop-status.entity';
import { ReleaseUptakeEntity } from './release-uptake.entity';
import { RuleAcknowledgementEntity } from './rule-acknowledgement.entity';
import { SearchGapEntity } from './search-gap.entity';

/** The return path's tables, for the composition root. */
export const RETURN_PATH_ENTITIES = [DesktopStatusEntity, ReleaseUptakeEntity, RuleAcknowledgementEntity, SearchGapEntity];
