import express, { type NextFunction, type Request, type Response } from 'express';
import { CommonErrors, DomainError, ErrorCode } from '@pepite/api/errors';
import { currentRequest } from './request-context';

const BODY_LIMIT = '256kb';
const parse = express.json({ limit: BODY_LIMIT, type: 'application/json' });

/**
 * JSON bodies, with the GraphQL-over-HTTP answer to a broken one: 400 (or 413) and a
 * JSON error, instead of Express's HTML page.
 */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  parse(req, res, (error?: unknown) => {
    if (!error) return next();
    const status = (error as { status?: number }).status ?? 400;
    const failure =
      status === 413
        ? new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, {
            fr: `Le corps de la requête dépasse ${BODY_LIMIT}.`,
            en: `The request body is larger than ${BODY_LIMIT}.`,
          })
        : status >= 500
          ? CommonErrors.internal({ requestId: String(req.id) })
          : new DomainError(ErrorCode.BAD_REQUEST, {
              fr: 'Le corps de la requête n’est pas du JSON valable.',
              en: 'The request body is not valid JSON.',
            });
    const locale = currentRequest()?.locale ?? 'fr';
    res.status(status === 413 ? 413 : 400).json({ errors: [{ message: failure.messageIn(locale), extensions: { code: failure.code } }] });
  });
}
