import express, { type NextFunction, type Request, type Response } from 'express';
import { CommonErrors, DomainError, ErrorCode } from '@pepite/api/errors';
import { jsonTextTooDeep, jsonTooDeepError } from './json-depth';
import { currentRequest } from './request-context';

const BODY_LIMIT = '256kb';
const TOO_DEEP = 'json.too.deep';
const parse = express.json({
  limit: BODY_LIMIT,
  type: 'application/json',
  // Checked on the raw bytes, before JSON.parse and anything recursive sees the value.
  verify: (_req, _res, body) => {
    if (jsonTextTooDeep(body)) throw Object.assign(new Error('JSON nested too deep'), { status: 400, type: TOO_DEEP });
  },
});

/** GraphQL over GET carries JSON in these query parameters. */
const JSON_QUERY_PARAMETERS = ['variables', 'extensions'];

/**
 * JSON bodies (and GET's JSON parameters), with the GraphQL-over-HTTP answer to a broken
 * one: 400 (or 413) and a JSON error, instead of Express's HTML page or a 500.
 */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  for (const name of JSON_QUERY_PARAMETERS) {
    const value = req.query[name];
    if (typeof value === 'string' && jsonTextTooDeep(value)) return answer(res, 400, jsonTooDeepError());
  }
  parse(req, res, (error?: unknown) => {
    if (!error) return next();
    const status = (error as { status?: number }).status ?? 400;
    const failure = (error as { type?: string }).type === TOO_DEEP
      ? jsonTooDeepError()
      : status === 413
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
    answer(res, status === 413 ? 413 : 400, failure);
  });
}

function answer(res: Response, status: number, failure: DomainError): void {
  const locale = currentRequest()?.locale ?? 'fr';
  res.status(status).json({ errors: [{ message: failure.messageIn(locale), extensions: { code: failure.code } }] });
}
