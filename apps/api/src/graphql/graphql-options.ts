import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { AuthenticationService } from '@pepite/api/identity';
import type { ApiConfig } from '../config/api-config';
import type { ApiMetrics } from '../metrics/api-metrics';
import { formatGraphqlError, withoutSuggestions } from './format-graphql-error';
import { queryLimitRules, queryLimitsPlugin } from './query-limits';
import {
  isSocketContext,
  subscriptionContext,
  subscriptionTransport,
  type SocketContext,
  type SubscriptionContext,
} from './subscription-transport';

export interface GraphqlContext {
  readonly req: Request;
  readonly res: Response;
}

/**
 * Apollo as the GraphQL-over-HTTP spec and production hardening want it, plus graphql-ws
 * on the same path for subscriptions (authenticated with the same bearer tokens).
 */
export function graphqlOptions(config: ApiConfig, authentication: AuthenticationService, metrics: ApiMetrics): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !config.production,
    // The development GraphiQL is the API's own bundle (http/graphiql-page.ts), not Apollo's CDN page.
    graphiql: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    autoTransformHttpErrors: false,
    formatError: config.production
      ? (formatted, error) => withoutSuggestions(formatGraphqlError(formatted, error))
      : formatGraphqlError,
    // Limits on what one operation may ask for: tokens (graphql-js parser), depth and
    // aliases (validation rules), estimated cost (plugin, once variables are known).
    parseOptions: { maxTokens: config.graphqlLimits.maxTokens },
    validationRules: queryLimitRules(config.graphqlLimits),
    plugins: [queryLimitsPlugin(config.graphqlLimits), metrics.graphqlPlugin()],
    // Called by Apollo with Express's request and response, and by graphql-ws with its
    // connection for every subscription.
    context: (source: GraphqlContext | SocketContext): GraphqlContext | SubscriptionContext =>
      isSocketContext(source) ? subscriptionContext(source) : { req: source.req, res: source.res },
    subscriptions: { 'graphql-ws': subscriptionTransport(authentication, config) },
  };
}
