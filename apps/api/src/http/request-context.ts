import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@pepite/api/errors';

export interface RequestContext {
  readonly requestId: string;
  readonly locale: Locale;
  /** The HTTP response, for headers an error decides on (`Retry-After`); none over WebSocket. */
  readonly response?: Pick<Response, 'setHeader' | 'headersSent'>;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The current request's id and language, wherever the code runs (error formatting, logs). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `work` inside a context that did not come through Express (a WebSocket operation). */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** Express middleware: runs the rest of the request inside its context. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const locale = (req.acceptsLanguages(...LOCALES) || DEFAULT_LOCALE) as Locale;
  storage.run({ requestId: String(req.id ?? ''), locale, response: res }, next);
}
