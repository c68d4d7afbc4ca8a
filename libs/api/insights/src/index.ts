export * from './insights.module';
export * from './insights.errors';
export { INSIGHTS_LIMITS } from './domain/insights-period';
export type { PeopleCount } from './domain/people-count';
export { InsightsService, type InsightsQuery } from './application/insights.service';
export type * from './application/insights-views';
