import { foldText } from './fold-text';

/** A search worth keeping as "unanswered" is this long once normalised. */
export const SEARCH_GAP_LENGTH = { min: 3, max: 80 } as const;

/**
 * The one normalisation of a search that found nothing, run by the desktop before sending
 * and by the API again (it trusts no client): folded (case, accents), punctuation to spaces,
 * words sorted out of the way of personal data. An e-mail address or a run of 4 or more
 * digits (a phone, an account, a contract number) becomes `#`: what is kept says what the
 * rulebook lacks, never whom the call was about. Null when too short to say anything.
 */
export function normaliseSearchGap(query: string): string | null {
  const cleaned = foldText(query)
    .replace(/\S+@\S+/g, ' # ')
    .replace(/\d[\d\s.-]{2,}\d/g, (run) => (run.replace(/\D/g, '').length >= 4 ? ' # ' : run))
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = cleaned.split(' ').filter((word) => word !== '#');
  if (words.join('').length < SEARCH_GAP_LENGTH.min) return null;
  return [...cleaned].slice(0, SEARCH_GAP_LENGTH.max).join('').trim();
}
