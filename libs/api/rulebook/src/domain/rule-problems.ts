// The problems a rule draft can have, each with a stable reason and its French and English text.
import type { RuleField, RuleProblem, RuleProblemReason } from './rule-draft';
import { closestFieldName } from './field-name-suggestion';

export type TextField = Exclude<RuleField, 'tags' | 'effectiveFrom' | 'key'>;

export interface Label {
  readonly fr: string;
  /** Pronoun that stands for `fr` in "(il en fait 1)". */
  readonly frPronoun: 'il' | 'elle';
  readonly en: string;
}

export const LABELS: Record<RuleField, Label> = {
  key: { fr: 'La clé', frPronoun: 'elle', en: 'The key' },
  category: { fr: 'La catégorie', frPronoun: 'elle', en: 'The category' },
  title: { fr: 'Le titre', frPronoun: 'il', en: 'The title' },
  statement: { fr: "L'énoncé de la règle", frPronoun: 'il', en: 'The statement' },
  rationale: { fr: 'La justification', frPronoun: 'elle', en: 'The rationale' },
  latitude: { fr: 'La marge de manœuvre', frPronoun: 'elle', en: 'The latitude' },
  escalation: { fr: "La consigne d'escalade", frPronoun: 'elle', en: 'The escalation' },
  customerWording: { fr: 'La formulation pour le client', frPronoun: 'elle', en: 'The customer wording' },
  tags: { fr: 'La liste des étiquettes', frPronoun: 'elle', en: 'The tag list' },
  effectiveFrom: { fr: "La date d'entrée en vigueur", frPronoun: 'elle', en: 'The effective date' },
};

const nFr = (n: number): string => n.toLocaleString('fr-FR');
const nEn = (n: number): string => n.toLocaleString('en-GB');

export function kindOf(value: unknown): { fr: string; en: string } {
  if (value === null || value === undefined) return { fr: 'une valeur vide', en: 'an empty value' };
  if (Array.isArray(value)) return { fr: 'une liste', en: 'a list' };
  if (typeof value === 'number' || typeof value === 'bigint') return { fr: 'un nombre', en: 'a number' };
  if (typeof value === 'boolean') return { fr: 'un booléen (vrai/faux)', en: 'a boolean (true/false)' };
  if (value instanceof Date) return { fr: 'une date-heure', en: 'a timestamp' };
  if (typeof value === 'object' && value !== null) return { fr: 'un ensemble de champs', en: 'a set of fields' };
  return { fr: `une valeur de type ${typeof value}`, en: `a ${typeof value}` };
}

export function problem(field: string, reason: RuleProblemReason, fr: string, en: string): RuleProblem {
  return { field, reason, fr, en };
}

export function required(field: RuleField, present: boolean): RuleProblem {
  const label = LABELS[field];
  return present
    ? problem(
        field,
        'REQUIRED',
        `${label.fr} est obligatoire : le champ « ${field} » est vide.`,
        `${label.en} is required: the “${field}” field is empty.`,
      )
    : problem(
        field,
        'REQUIRED',
        `${label.fr} est obligatoire : ajoutez le champ « ${field} ».`,
        `${label.en} is required: add the “${field}” field.`,
      );
}

export function notAString(field: RuleField, value: unknown): RuleProblem {
  const label = LABELS[field];
  const kind = kindOf(value);
  if (field === 'effectiveFrom') {
    return problem(
      field,
      'NOT_A_STRING',
      `${label.fr} doit être une date écrite AAAA-MM-JJ (par exemple 2026-03-01), pas ${kind.fr}.`,
      `${label.en} must be a date written YYYY-MM-DD (for example 2026-03-01), not ${kind.en}.`,
    );
  }
  return problem(
    field,
    'NOT_A_STRING',
    `${label.fr} doit être du texte, pas ${kind.fr}.`,
    `${label.en} must be text, not ${kind.en}.`,
  );
}

export function lengthProblem(
  field: string,
  label: Label,
  length: number,
  limits: { min?: number; max: number },
): RuleProblem | null {
  if (limits.min !== undefined && length < limits.min) {
    return problem(
      field,
      'TOO_SHORT',
      `${label.fr} doit faire au moins ${nFr(limits.min)} caractères (${label.frPronoun} en fait ${nFr(length)}).`,
      `${label.en} must be at least ${nEn(limits.min)} characters long (it has ${nEn(length)}).`,
    );
  }
  if (length > limits.max) {
    return problem(
      field,
      'TOO_LONG',
      `${label.fr} doit faire au plus ${nFr(limits.max)} caractères (${label.frPronoun} en fait ${nFr(length)}).`,
      `${label.en} must be at most ${nEn(limits.max)} characters long (it has ${nEn(length)}).`,
    );
  }
  return null;
}

/** The problem of an unknown field, with a suggestion when the name looks like a typo. */
export function unknownFieldProblem(name: string, known: readonly string[]): RuleProblem {
  const guess = closestFieldName(name, known);
  const list = known.join(', ');
  return guess
    ? problem(
        name,
        'UNKNOWN_FIELD',
        `Champ inconnu « ${name} » : vouliez-vous écrire « ${guess} » ?`,
        `Unknown field “${name}”: did you mean “${guess}”?`,
      )
    : problem(
        name,
        'UNKNOWN_FIELD',
        `Champ inconnu « ${name} » : les champs possibles sont ${list}.`,
        `Unknown field “${name}”: the possible fields are ${list}.`,
      );
}

/** Two rules with the same key; `firstAt` says where the first one is, when known (`ligne 12`). */
export function duplicateKeyProblem(key: string, firstAt?: { fr: string; en: string }): RuleProblem {
  return problem(
    'key',
    'DUPLICATE_KEY',
    `La clé ${key} est déjà celle d'une autre règle${firstAt ? ` (${firstAt.fr})` : ''} : chaque règle a sa propre clé.`,
    `The key ${key} already belongs to another rule${firstAt ? ` (${firstAt.en})` : ''}: every rule has its own key.`,
  );
}
