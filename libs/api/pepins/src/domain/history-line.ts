import type { Locale } from '@pepite/api/errors';
import { PepinStatus } from './pepin-status';

/**
 * What a history line another context caused is about (a vote opened or closed on a
 * proposal): stored with the line so each reader reads it in their own language. The
 * stored `message` stays the French sentence, for lines written before and for exports.
 */
export type HistoryParams = Readonly<Record<string, string | number | null | readonly string[]>>;

const OUTCOME: Readonly<Record<string, { readonly [L in Locale]: string }>> = {
  APPROVED: { fr: 'approuvée', en: 'approved' },
  REJECTED: { fr: 'rejetée et renvoyée en conception', en: 'rejected and sent back to design' },
  NO_QUORUM: { fr: 'renvoyée en conception faute de quorum', en: 'sent back to design for want of a quorum' },
  CANCELLED: { fr: 'renvoyée en conception (vote annulé)', en: 'sent back to design (vote cancelled)' },
};

/** The line in `locale`, or null when the parameters say nothing the stored message does not. */
export function historyLine(toStatus: PepinStatus | null, params: HistoryParams | null, locale: Locale): string | null {
  const reference = params?.['proposalReference'];
  if (typeof reference !== 'string') return null;
  if (toStatus === PepinStatus.IN_VOTE) {
    return locale === 'fr' ? `Vote ouvert sur la proposition ${reference}.` : `Vote opened on proposal ${reference}.`;
  }
  const outcome = OUTCOME[String(params?.['outcome'])];
  if (toStatus !== PepinStatus.IN_DESIGN || !outcome) return null;
  const head =
    locale === 'fr'
      ? `Vote sur la proposition ${reference} : ${outcome.fr}.`
      : `Vote on proposal ${reference}: ${outcome.en}.`;
  const given = params?.['reasons'];
  const reasons = Array.isArray(given) ? given.filter((reason): reason is string => typeof reason === 'string') : [];
  if (reasons.length === 0) return head;
  return locale === 'fr' ? `${head} Motifs : ${reasons.join(' ; ')}` : `${head} Reasons: ${reasons.join('; ')}`;
}

/**
 * The French sentence stored as the line's `message` (what exports and lines written before
 * parameters existed read), cut to `max` characters: the same words as `historyLine`.
 */
export function storedHistoryMessage(toStatus: PepinStatus, params: HistoryParams, max: number): string | null {
  const text = historyLine(toStatus, params, 'fr');
  if (text === null) return null;
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}
