import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { CommonErrors } from '@pepite/api/errors';
import type { AuthenticatedUser } from '../domain/authenticated-user';
import { requestOf } from './request-of';

/** The signed-in caller; only valid on operations whose access rule requires a role. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = requestOf(context).user;
  if (!user) throw CommonErrors.unauthenticated();
  return user;
});
