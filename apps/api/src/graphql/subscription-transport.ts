import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { CloseCode, type Context, type ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { DEFAULT_LOCALE, ErrorCode, isLocale, type Locale } from '@pepite/api/errors';
import { bearerToken, type AuthenticationService } from '@pepite/api/identity';
import type { ApiConfig } from '../config/api-config';
import { jsonTooDeepError, jsonValueTooDeep } from '../http/json-depth';
import { withRequestContext } from '../http/request-context';
import { formatGraphqlError } from './format-graphql-error';
import { queryLimitErrorOf, queryLimitRules } from './query-limits';

/** What graphql-ws's `ws` adapter passes as `ctx.extra`. */
interface SocketExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

type ConnectionParams = Record<string, unknown> | undefined;

/** One graphql-ws connection. */
export type SocketContext = Context<ConnectionParams, SocketExtra>;

type SocketServerOptions = Pick<
  ServerOptions<ConnectionParams, SocketExtra>,
  'onConnect' | 'onSubscribe' | 'onNext' | 'onError' | 'validate'
> & {
  readonly path: string;
};

/**
 * The `req` a subscription's guards and resolvers see, in place of Express's: the access
 * guard reads the bearer token from its headers and records the caller on it.
 */
export interface SubscriptionRequest {
  readonly headers: { readonly authorization?: string; readonly 'accept-language'?: string };
  readonly ip?: string;
}

export interface SubscriptionContext {
  readonly req: SubscriptionRequest;
}

/** Settled when the connection was accepted: the language its errors are written in. */
interface Session {
  readonly id: string;
  readonly locale: Locale;
}

const sessions = new WeakMap<SocketContext, Session>();

export function isSocketContext(value: unknown): value is SocketContext {
  return typeof value === 'object' && value !== null && 'connectionInitReceived' in value && 'extra' in value;
}

/** One context per subscribe message, so the guard's per-request memo is per operation. */
export function subscriptionContext(ctx: SocketContext): SubscriptionContext {
  const authorization = authorizationOf(ctx.connectionParams);
  // The client's language (`connectionParams.language`) reads as the request's
  // Accept-Language, so a subscription renders in the language an HTTP query would.
  const language = ctx.connectionParams?.['language'];
  const headers = {
    ...(authorization ? { authorization } : {}),
    ...(isLocale(language) ? { 'accept-language': language } : {}),
  };
  return { req: { headers, ip: ctx.extra.request.socket.remoteAddress } };
}

/**
 * graphql-ws on `/graphql`, for subscriptions only (queries and mutations stay on HTTP,
 * with its CSRF, rate-limit and request-id handling). The client proves who it is in
 * `connectionParams.authorization` ("Bearer <token>", as the HTTP header); a connection
 * without a valid token is closed with 4401 before any operation. Each subscription is then
 * checked again by the global access guard, like any other operation.
 */
export function subscriptionTransport(
  authentication: AuthenticationService,
  config: Pick<ApiConfig, 'graphqlLimits' | 'subscriptionReauthSeconds'>,
): GraphQLWsSubscriptionsConfig {
  // Revocation: a deactivation in this process closes that user's connections at once; a
  // deactivation on another instance, or the token's expiry, at the next re-check.
  const socketsByUser = new Map<string, Set<WebSocket>>();
  const limitRules = queryLimitRules(config.graphqlLimits);
  authentication.onAccessRevoked((userId) => {
    for (const socket of socketsByUser.get(userId) ?? []) socket.close(CloseCode.Unauthorized, 'Unauthorized');
  });
  const options: SocketServerOptions = {
    path: '/graphql',
    onConnect: async (ctx) => {
      const { socket } = ctx.extra;
      const token = bearerToken(authorizationOf(ctx.connectionParams));
      const user = token ? await authentication.authenticate(token) : null;
      if (!token || !user) {
        // 4401 rather than graphql-ws's default 4403: clients must sign in again, not retry.
        socket.close(CloseCode.Unauthorized, 'Unauthorized');
        return false;
      }
      const language = ctx.connectionParams?.['language'];
      sessions.set(ctx, { id: randomUUID(), locale: isLocale(language) ? language : user.locale });
      const userSockets = socketsByUser.get(user.id) ?? new Set<WebSocket>();
      socketsByUser.set(user.id, userSockets.add(socket));
      const recheck = setInterval(() => {
        authentication
          .authenticate(token)
          .then((still) => {
            if (!still) socket.close(CloseCode.Unauthorized, 'Unauthorized');
          })
          .catch(() => undefined); // the database is away: keep the connection, check again later
      }, config.subscriptionReauthSeconds * 1000).unref();
      socket.once('close', () => {
        clearInterval(recheck);
        userSockets.delete(socket);
        if (userSockets.size === 0) socketsByUser.delete(user.id);
      });
      return true;
    },
    onSubscribe: (ctx, _id, payload) => {
      if (jsonValueTooDeep(payload.variables) || jsonValueTooDeep(payload.extensions)) {
        const tooDeep = jsonTooDeepError();
        return [new GraphQLError(tooDeep.messageIn(sessions.get(ctx)?.locale), { extensions: { code: tooDeep.code } })];
      }
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: config.graphqlLimits.maxTokens });
      } catch (error) {
        const overLimit = queryLimitErrorOf(error);
        if (overLimit) return [new GraphQLError(overLimit.messageIn(sessions.get(ctx)?.locale), { extensions: { code: overLimit.code } })];
        return [withCode(error, ErrorCode.GRAPHQL_PARSE_FAILED)];
      }
      const operation = getOperationAST(document, payload.operationName);
      if (operation && operation.operation !== 'subscription') {
        return [
          new GraphQLError('Only subscriptions are served over WebSocket: send queries and mutations over HTTP.', {
            extensions: { code: ErrorCode.BAD_REQUEST },
          }),
        ];
      }
      return undefined;
    },
    // The same depth and alias limits as over HTTP.
    validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limitRules]),
    // Errors raised before execution (the document does not match the schema or the limits).
    onError: (ctx, _id, _payload, errors) =>
      errors.map((error): GraphQLFormattedError => {
        const { message, locations, extensions } = error.toJSON();
        const overLimit = queryLimitErrorOf(error);
        if (overLimit) return { message: overLimit.messageIn(sessions.get(ctx)?.locale), extensions: { code: overLimit.code } };
        return {
          message,
          locations,
          extensions: { code: extensions?.['code'] ?? ErrorCode.GRAPHQL_VALIDATION_FAILED },
        };
      }),
    // Errors of execution (a guard refusing, a resolver failing) go through the same
    // presentation as over HTTP, in the connection's language.
    onNext: (ctx, id, _payload, _args, result) => {
      if (!result.errors?.length) return undefined;
      const session = sessions.get(ctx);
      const context = { requestId: session ? `${session.id}:${id}` : id, locale: session?.locale ?? DEFAULT_LOCALE };
      const errors = withRequestContext(context, () =>
        result.errors?.map((error) => formatGraphqlError(error.toJSON(), error)),
      );
      return { ...result, errors };
    },
  };
  // Nest passes every graphql-ws option through to `useServer`, though its type lists fewer
  // (not onError) and leaves `extra` unknown; its `ws` adapter passes { socket, request }.
  return options as GraphQLWsSubscriptionsConfig;
}

function authorizationOf(params: ConnectionParams): string | undefined {
  const value = params?.['authorization'] ?? params?.['Authorization'];
  return typeof value === 'string' ? value : undefined;
}

function withCode(error: unknown, code: ErrorCode): GraphQLError {
  if (error instanceof GraphQLError) {
    return new GraphQLError(error.message, { source: error.source, positions: error.positions, extensions: { code } });
  }
  return new GraphQLError(error instanceof Error ? error.message : String(error), { extensions: { code } });
}
