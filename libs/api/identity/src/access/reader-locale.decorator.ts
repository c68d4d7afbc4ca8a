import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import Negotiator from 'negotiator';
import { isLocale, type Locale } from '@pepite/api/errors';

/** French first: it wins a tie. */
const LOCALES = ['fr', 'en'] as const;
import { requestOf } from './request-of';

/**
 * The language the caller reads in: the one the request names in `Accept-Language` (both
 * apps send their language switch's choice on every request, and on the graphql-ws
 * connection), else the account's stored `locale`, else French. A header naming neither
 * French nor English falls back to the account's choice.
 */
export const ReaderLocale = createParamDecorator((_: unknown, context: ExecutionContext): Locale => {
  const request = requestOf(context);
  return preferredLocale(request.headers?.['accept-language']) ?? request.user?.locale ?? 'fr';
});

/**
 * The best of `fr` and `en` by the header's quality values (RFC 9110 §12.5.4, by `negotiator`,
 * as the feed negotiates its encodings; `fr-CA` counts as `fr`), or null when it names neither.
 */
export function preferredLocale(header: string | string[] | undefined): Locale | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  const language = new Negotiator({ headers: { 'accept-language': value } }).language([...LOCALES]);
  return language !== undefined && isLocale(language) ? language : null;
}
