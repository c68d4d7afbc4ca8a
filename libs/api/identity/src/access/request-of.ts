import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../domain/authenticated-user';

export interface PepiteRequest extends Request {
  /** Memoised per request: several root fields of one GraphQL request share one lookup. */
  pepiteUser?: Promise<AuthenticatedUser | null>;
  /** Set once the access guard has let the request through. */
  user?: AuthenticatedUser;
}

/** The HTTP request behind a GraphQL field, a route, or a graphql-ws subscription. */
export function requestOf(context: ExecutionContext): PepiteRequest {
  if (context.getType<string>() === 'graphql') {
    const ctx = GqlExecutionContext.create(context).getContext<{ req: PepiteRequest }>();
    return ctx.req;
  }
  return context.switchToHttp().getRequest<PepiteRequest>();
}
