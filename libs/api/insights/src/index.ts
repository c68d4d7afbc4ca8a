export * from './insights.module';
export * from './insights.errors';
export { INSIGHTS_LIMITS } from './domain/insights-period';
export type { PeopleCount } from './domain/people-count';
export { InsightsService, type InsightsQuery } from './application/insights.service';
export type * from './application/insights-views';
// The "fewer than 3" rule and its GraphQL shape, for the other contexts that count people (return path).
export { peopleCount } from './domain/people-count';
export { PeopleCountType } from './graphql/insights.type';
