import type { ApolloDriverConfig } from '@nestjs/apollo';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, visit, type DocumentNode, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { QueryLimitErrors, type DomainError } from '@pepite/api/errors';
import type { GraphqlLimits } from '../config/api-config';

/**
 * A GraphQL request refused before execution: over one of the limits that protect the
 * server, or with input no column can hold. It carries the catalogue error (QUERY_TOO_DEEP,
 * TOO_MANY_ALIASES, QUERY_TOO_COMPLEX, DOCUMENT_TOO_LARGE, BAD_USER_INPUT) that
 * formatGraphqlError shows in the caller's language, with HTTP 400.
 */
export class QueryLimitError extends GraphQLError {
  constructor(readonly domainError: DomainError) {
    super(domainError.text.en, { extensions: { http: { status: 400 } } });
    this.name = 'QueryLimitError';
  }
}

/** The limit error behind an error Apollo is about to format, if it is one. */
export function queryLimitErrorOf(error: unknown): DomainError | null {
  if (error instanceof QueryLimitError) return error.domainError;
  if (error instanceof GraphQLError && error.originalError instanceof QueryLimitError) return error.originalError.domainError;
  // graphql-js's own token limit (parse option `maxTokens`) raises a syntax error.
  const tokens = error instanceof GraphQLError ? TOO_MANY_TOKENS.exec(error.message) : null;
  if (tokens) return QueryLimitErrors.documentTooLarge({ limit: Number(tokens[1]) });
  return null;
}

// graphql-js 16 says "more that N tokens"; accept the corrected spelling too.
const TOO_MANY_TOKENS = /Document contains more th\w+ (\d+) tokens/;
const FOUND = /found (\d+)/;

/**
 * Validation rules for depth and aliases (GraphQL Armor's, maintained and fragment-aware);
 * their rejection is reported as our own error so that it gets its own code.
 */
export function queryLimitRules(limits: GraphqlLimits): ValidationRule[] {
  const report =
    (make: (found: number) => DomainError) =>
    (context: ValidationContext | null, error: GraphQLError): void => {
      const found = Number(FOUND.exec(error.message)?.[1] ?? Number.NaN);
      context?.reportError(new QueryLimitError(make(found)));
    };
  return [
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [report((found) => QueryLimitErrors.tooDeep({ limit: limits.maxDepth, found }))],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      // Every alias counts, `__typename` ones too (GraphQL Armor lets those through by default).
      allowList: [],
      exposeLimits: true,
      propagateOnRejection: false,
      onReject: [report((found) => QueryLimitErrors.tooManyAliases({ limit: limits.maxAliases, found }))],
    }),
  ];
}

/** The largest page the cost counts: a bigger `first` is the field's own error to report. */
const COST_PAGE_CAP = 100;

/**
 * A page asks for `first` items: its selection costs that many times (capped at 100, so an
 * oversized page gets the field's clear BAD_USER_INPUT, not a cost error). Many big pages in
 * one request, or pages inside pages, add up.
 */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = args['first'];
  if (typeof first !== 'number') return undefined;
  return 1 + childComplexity * Math.min(COST_PAGE_CAP, Math.max(1, first));
};

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * The estimated cost of an operation (1 per field, a paged field's selection times `first`)
 * against the limit, once the variables are known; and no NUL character in any text.
 */
export function queryLimitsPlugin(limits: GraphqlLimits): ApolloPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document, schema, operationName }) => {
          // PostgreSQL text cannot hold U+0000: refuse it as input rather than fail in the database.
          if (hasNulCharacter(request.variables) || documentHasNulCharacter(document)) {
            throw new QueryLimitError(QueryLimitErrors.nulCharacter());
          }
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not coerce: execution reports them (BAD_USER_INPUT).
            return Promise.resolve();
          }
          if (cost > limits.maxCost) {
            throw new QueryLimitError(QueryLimitErrors.tooComplex({ limit: limits.maxCost, found: cost }));
          }
          return Promise.resolve();
        },
      }),
  };
}

function hasNulCharacter(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNulCharacter);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => hasNulCharacter(key) || hasNulCharacter(item));
  return false;
}

function documentHasNulCharacter(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}
