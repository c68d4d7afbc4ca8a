import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isErrorCode } from '@pepite/api/errors';
import { presentError } from '../http/error-presentation';

/**
 * Apollo's last word on every error. Errors Apollo raises about the request itself
 * (parse, validation, bad variables) keep their message, which names the query problem;
 * everything thrown by our code goes through `presentError`.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const apolloCode = formatted.extensions?.code;
  const raisedByApollo = original === error || original === undefined;
  if (raisedByApollo && isErrorCode(apolloCode)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: apolloCode } };
  }
  if (raisedByApollo && apolloCode === 'BAD_USER_INPUT') {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const presented = presentError(original ?? error);
  return {
    message: presented.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: presented.code, ...presented.details },
  };
}
