import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import { rateLimitedError } from '@pepite/api/errors';
import { normaliseEmail } from '../domain/email';
import type { IdentityOptions } from '../identity.options';

export const LOGIN_PER_ACCOUNT = 'login-account';
export const LOGIN_PER_ADDRESS = 'login-address';

/**
 * Two buckets on the login mutation: per account (guessing one password) and per client
 * address (spraying many accounts). The address limit is generous because a whole
 * call-centre floor usually reaches us from one NAT address. Guards run per field, so
 * aliased login attempts in one request are counted one by one.
 */
export function loginThrottlers(limits: IdentityOptions['loginLimits']): ThrottlerOptions[] {
  const ttl = limits.windowSeconds * 1000;
  return [
    {
      name: LOGIN_PER_ACCOUNT,
      ttl,
      limit: limits.perAccount,
      getTracker: (_req, context) => {
        const email = GqlExecutionContext.create(context).getArgs<{ email?: unknown }>().email;
        return `account:${typeof email === 'string' ? normaliseEmail(email) : ''}`;
      },
    },
    { name: LOGIN_PER_ADDRESS, ttl, limit: limits.perAddress, getTracker: (req) => `address:${String(req.ip)}` },
  ];
}

@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context).getContext<{ req: Record<string, unknown>; res: Record<string, unknown> }>();
    return { req: ctx.req, res: ctx.res };
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    const { res } = this.getRequestResponse(context);
    const setHeader = (res as { setHeader?: (name: string, value: string) => void }).setHeader;
    setHeader?.call(res, 'Retry-After', String(retryAfterSeconds));
    throw rateLimitedError(retryAfterSeconds);
  }
}
