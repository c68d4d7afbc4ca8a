import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isErrorCode } from '@pepite/api/errors';
import { presentError } from '../http/error-presentation';
import { queryLimitErrorOf } from './query-limits';

/**
 * Apollo's last word on every error. Errors Apollo raises about the request itself
 * (parse, validation, bad variables) keep their message, which names the query problem;
 * everything thrown by our code goes through `presentError`.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const apolloCode = formatted.extensions?.code;
  const raisedByApollo = original === error || original === undefined;
  const overLimit = raisedByApollo ? queryLimitErrorOf(error) : null;
  if (overLimit) {
    const presented = presentError(overLimit);
    return { message: presented.message, locations: formatted.locations, extensions: { code: presented.code, ...presented.details } };
  }
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

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Production: graphql-js's "Did you mean …?" hints (fields, arguments, input fields, enum
 * values, types) would let a caller rebuild the schema that introspection hides.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
}
