import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { ApiConfig } from '../config/api-config';
import { formatGraphqlError } from './format-graphql-error';

export interface GraphqlContext {
  readonly req: Request;
  readonly res: Response;
}

/** Apollo as the GraphQL-over-HTTP spec and production hardening want it. */
export function graphqlOptions(config: ApiConfig): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !config.production,
    graphiql: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    autoTransformHttpErrors: false,
    formatError: formatGraphqlError,
    context: ({ req, res }: GraphqlContext): GraphqlContext => ({ req, res }),
  };
}
