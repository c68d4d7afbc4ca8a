import type { Translated } from '@pepite/api/errors';
import { ParticipantKind } from './proposal-status';

/** How a person who wrote something on a proposal is shown when not by name. */
export type AuthorLabel = 'MANAGER' | 'ADMIN' | 'OPERATOR' | 'OPERATOR_CO_AUTHOR';

const LABELS: Record<AuthorLabel, Translated> = {
  MANAGER: { fr: 'Manager', en: 'Manager' },
  ADMIN: { fr: 'Administrateur', en: 'Administrator' },
  OPERATOR: { fr: 'Opérateur', en: 'Operator' },
  OPERATOR_CO_AUTHOR: { fr: 'Co-auteur (opérateur)', en: 'Co-author (operator)' },
};

export function authorLabel(label: AuthorLabel): Translated {
  return LABELS[label];
}

/**
 * Whether an operator's words are shown with their name. Managers and admins act under
 * their name; an operator only when they chose it for this very text (a signed comment or
 * endorsement, a revision written as a named co-author). Anything else shows a label and
 * never the person, to managers and to other operators alike.
 */
export function isNamed(kind: ParticipantKind, signed: boolean): boolean {
  return kind !== ParticipantKind.OPERATOR || signed;
}

/** The label shown instead of (or beside) a name. */
export function labelOf(kind: ParticipantKind, options: { readonly coAuthor?: boolean } = {}): AuthorLabel {
  if (kind === ParticipantKind.OPERATOR) return options.coAuthor ? 'OPERATOR_CO_AUTHOR' : 'OPERATOR';
  return kind;
}
