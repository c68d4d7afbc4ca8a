import type { Provider } from '@nestjs/common';
import { AdvisoryResolver } from './advisory.resolver';
import { ReleaseResolver } from './release.resolver';
import { RuleAdvisoriesResolver } from './rule-advisories.resolver';
import { RuleResolver } from './rule.resolver';
import { RulebookChangeFeed } from './rulebook-change-feed';
import { RulebookChangeResolver } from './rulebook-change.resolver';
import { RulebookResolver } from './rulebook.resolver';

/** The rulebook's GraphQL API: resolvers and what the subscription needs. */
export const RULEBOOK_GRAPHQL_PROVIDERS: Provider[] = [
  RulebookResolver,
  RuleResolver,
  RuleAdvisoriesResolver,
  ReleaseResolver,
  AdvisoryResolver,
  RulebookChangeFeed,
  RulebookChangeResolver,
];
