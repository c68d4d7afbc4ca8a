import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import Negotiator from 'negotiator';
import { isLocale, type Locale } from '@pepite/api/errors';

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
 * The best of `fr` and `en` by the header's quality values (RFC 9110 §12.5.4), ranked by
 * `negotiator` as the feed ranks its encodings; `fr-CA` counts as `fr`. Null when the header
 * names neither: a wildcard is not a choice (fetch sends `*` by default), so the account's
 * language applies.
 */
export function preferredLocale(header: string | string[] | undefined): Locale | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  for (const tag of new Negotiator({ headers: { 'accept-language': value } }).languages()) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return null;
}
