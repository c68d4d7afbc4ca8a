import { characterCount, normaliseText } from '@pepite/api/rulebook/domain';

/** Lengths in characters (code points), after trimming. */
export const PROPOSAL_LIMITS = {
  title: { min: 5, max: 160 },
  rationale: { min: 20, max: 4000 },
  note: { min: 5, max: 2000 },
  comment: { min: 2, max: 4000 },
  endorsementComment: { min: 0, max: 1000 },
  /** Rule changes in one revision. */
  changes: { max: 30 },
  /** Pépins one proposal answers. */
  pepins: { max: 50 },
} as const;

export type ProposalTextField = 'title' | 'rationale' | 'note' | 'body' | 'comment';

/** One thing wrong with what was typed, said in both languages, with a stable reason. */
export interface TextProblem {
  readonly field: string;
  readonly reason: 'REQUIRED' | 'TOO_SHORT' | 'TOO_LONG';
  readonly fr: string;
  readonly en: string;
}

interface Label {
  readonly fr: string;
  readonly frPronoun: 'il' | 'elle';
  readonly en: string;
}

export const TEXT_LABELS = {
  title: { fr: 'Le titre de la proposition', frPronoun: 'il', en: 'The proposal’s title' },
  rationale: { fr: 'La justification de la proposition', frPronoun: 'elle', en: 'The proposal’s rationale' },
  note: { fr: 'La note de révision', frPronoun: 'elle', en: 'The revision note' },
  body: { fr: 'Le commentaire', frPronoun: 'il', en: 'The comment' },
  comment: { fr: 'Le mot de soutien', frPronoun: 'il', en: 'The endorsement comment' },
} as const satisfies Record<ProposalTextField, Label>;

const nFr = (n: number): string => n.toLocaleString('fr-FR');
const nEn = (n: number): string => n.toLocaleString('en-GB');

/**
 * A required text, normalised (trimmed, line breaks as `\n`), or its problem. `field` is
 * the input's name, as the problem reports it.
 */
export function readText(
  field: string,
  label: Label,
  raw: string | null | undefined,
  limits: { readonly min: number; readonly max: number },
): { text: string; problem: null } | { text: null; problem: TextProblem } {
  const text = normaliseText(raw ?? '');
  if (text === '' && limits.min > 0) {
    return {
      text: null,
      problem: { field, reason: 'REQUIRED', fr: `${label.fr} est obligatoire.`, en: `${label.en} is required.` },
    };
  }
  const length = characterCount(text);
  if (length < limits.min) {
    return {
      text: null,
      problem: {
        field,
        reason: 'TOO_SHORT',
        fr: `${label.fr} doit faire au moins ${nFr(limits.min)} caractères (${label.frPronoun} en fait ${nFr(length)}).`,
        en: `${label.en} must be at least ${nEn(limits.min)} characters long (it has ${nEn(length)}).`,
      },
    };
  }
  if (length > limits.max) {
    return {
      text: null,
      problem: {
        field,
        reason: 'TOO_LONG',
        fr: `${label.fr} doit faire au plus ${nFr(limits.max)} caractères (${label.frPronoun} en fait ${nFr(length)}).`,
        en: `${label.en} must be at most ${nEn(limits.max)} characters long (it has ${nEn(length)}).`,
      },
    };
  }
  return { text, problem: null };
}

/** An optional text: null when empty or absent, otherwise as `readText`. */
export function readOptionalText(
  field: string,
  label: Label,
  raw: string | null | undefined,
  max: number,
): { text: string | null; problem: TextProblem | null } {
  if (raw === null || raw === undefined || normaliseText(raw) === '') return { text: null, problem: null };
  return readText(field, label, raw, { min: 0, max });
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
