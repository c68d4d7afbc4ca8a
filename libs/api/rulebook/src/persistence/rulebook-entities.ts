import { AdvisoryEntity } from './advisory.entity';
import { ReleaseRuleEntity } from './release-rule.entity';
import { ReleaseEntity } from './release.entity';
import { RuleVersionEntity } from './rule-version.entity';
import { RuleEntity } from './rule.entity';
import { RulebookCounterEntity } from './rulebook-counter.entity';
import { ScheduledPublicationEntity } from './scheduled-publication.entity';

/** The tables the rulebook context owns. */
export const RULEBOOK_ENTITIES = [
  RuleEntity,
  RuleVersionEntity,
  ReleaseEntity,
  ReleaseRuleEntity,
  RulebookCounterEntity,
  AdvisoryEntity,
  ScheduledPublicationEntity,
];
