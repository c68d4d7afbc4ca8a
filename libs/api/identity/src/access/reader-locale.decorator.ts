import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
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

/** The best of `fr` and `en` by the header's quality values, or null when it names neither. */
export function preferredLocale(header: string | string[] | undefined): Locale | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  let best: { locale: Locale; quality: number } | null = null;
  for (const part of value.split(',')) {
    const [tag = '', ...options] = part.trim().split(';');
    const language = tag.trim().toLowerCase().split('-')[0];
    if (!isLocale(language)) continue;
    const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    if (Number.isFinite(quality) && quality > 0 && (best === null || quality > best.quality)) {
      best = { locale: language, quality };
    }
  }
  return best?.locale ?? null;
}
