import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { httpStatusOf } from '@pepite/api/errors';
import { presentError } from './error-presentation';

/**
 * GraphQL: hands the exception back to Apollo (formatted in formatGraphqlError) without
 * Nest logging expected errors as crashes. HTTP routes: a JSON body with the same code.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const response = host.switchToHttp().getResponse<Response>();
    const presented = presentError(exception);
    if (response.headersSent) return undefined;
    response.status(httpStatusOf(presented.code)).json({ error: presented });
    return undefined;
  }
}
