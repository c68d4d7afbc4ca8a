import type { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import type { Translated } from './locale';

type ConstraintText = (field: string, args: string[]) => Translated;

// class-validator speaks English to developers; people get these instead. A constraint
// missing here falls back to a generic sentence naming the field, never to English jargon.
const CONSTRAINTS: Record<string, ConstraintText> = {
  isEmail: (f) => ({ fr: `« ${f} » doit être une adresse e-mail valable`, en: `“${f}” must be a valid e-mail address` }),
  isNotEmpty: (f) => ({ fr: `« ${f} » ne peut pas être vide`, en: `“${f}” cannot be empty` }),
  minLength: (f, [n]) => ({ fr: `« ${f} » doit contenir au moins ${n} caractères`, en: `“${f}” must be at least ${n} characters long` }),
  maxLength: (f, [n]) => ({ fr: `« ${f} » doit contenir au plus ${n} caractères`, en: `“${f}” must be at most ${n} characters long` }),
  min: (f, [n]) => ({ fr: `« ${f} » doit valoir au moins ${n}`, en: `“${f}” must be at least ${n}` }),
  max: (f, [n]) => ({ fr: `« ${f} » doit valoir au plus ${n}`, en: `“${f}” must be at most ${n}` }),
  isInt: (f) => ({ fr: `« ${f} » doit être un nombre entier`, en: `“${f}” must be a whole number` }),
  isUUID: (f) => ({ fr: `« ${f} » n’est pas un identifiant valable`, en: `“${f}” is not a valid identifier` }),
  isEnum: (f) => ({ fr: `« ${f} » n’a pas une valeur permise`, en: `“${f}” does not have an allowed value` }),
  matches: (f) => ({ fr: `« ${f} » n’a pas le format attendu`, en: `“${f}” does not have the expected format` }),
  arrayMinSize: (f, [n]) => ({ fr: `« ${f} » doit contenir au moins ${n} élément(s)`, en: `“${f}” must contain at least ${n} item(s)` }),
  arrayMaxSize: (f, [n]) => ({ fr: `« ${f} » doit contenir au plus ${n} élément(s)`, en: `“${f}” must contain at most ${n} item(s)` }),
};

const fallback: ConstraintText = (f) => ({ fr: `« ${f} » n’est pas valable`, en: `“${f}” is not valid` });

export interface FieldProblem {
  readonly field: string;
  readonly constraint: string;
  readonly message: Translated;
}

/** Flattens class-validator's tree into one problem per failed constraint, with dotted paths. */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const constraint of Object.keys(error.constraints ?? {})) {
      const args = constraintArguments(error, constraint);
      problems.push({ field, constraint, message: (CONSTRAINTS[constraint] ?? fallback)(field, args) });
    }
    problems.push(...fieldProblems(error.children ?? [], field));
  }
  return problems;
}

/** class-validator puts the bound in its English message only; recover it from there. */
function constraintArguments(error: ValidationError, constraint: string): string[] {
  const message = error.constraints?.[constraint] ?? '';
  return message.match(/-?\d+(?:\.\d+)?/g) ?? [];
}

export function invalidInputError(errors: readonly ValidationError[]): DomainError {
  const problems = fieldProblems(errors);
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    {
      fr: `Certaines informations ne sont pas valables : ${problems.map((p) => p.message.fr).join(' ; ')}.`,
      en: `Some of the information is not valid: ${problems.map((p) => p.message.en).join('; ')}.`,
    },
    { reason: 'invalidInput', fields: problems.map((p) => ({ field: p.field, constraint: p.constraint })) },
  );
}
