// Validation of one rule as received (parsed YAML/JSON, GraphQL input): pure, so every entry
// point says the same thing, in French and English, with a stable machine code.
import { calendarDateProblem } from './calendar-date';
import { RULE_FIELDS, RULE_KEY_PATTERN, RULE_LIMITS, type RuleDraftValidation, type RuleField, type RuleProblem } from './rule-draft';
import {
  kindOf,
  LABELS,
  lengthProblem,
  notAString,
  problem,
  required,
  unknownFieldProblem,
  type Label,
  type TextField,
} from './rule-problems';
import { characterCount, normaliseTags, normaliseText } from './rule-text';

/** Reads a required string field, normalised; pushes its problem and returns undefined when it has one. */
function readString(
  field: RuleField,
  record: Readonly<Record<string, unknown>>,
  problems: RuleProblem[],
): string | undefined {
  const raw = record[field];
  if (raw === undefined || raw === null) {
    problems.push(required(field, raw === null));
    return undefined;
  }
  if (typeof raw !== 'string') {
    problems.push(notAString(field, raw));
    return undefined;
  }
  const text = normaliseText(raw);
  if (text === '') {
    problems.push(required(field, true));
    return undefined;
  }
  return text;
}

/** A required string field within its length limits. */
function readText(
  field: RuleField,
  record: Readonly<Record<string, unknown>>,
  limits: { min?: number; max: number },
  problems: RuleProblem[],
): string | undefined {
  const text = readString(field, record, problems);
  if (text === undefined) return undefined;
  const tooShortOrLong = lengthProblem(field, LABELS[field], characterCount(text), limits);
  if (tooShortOrLong) {
    problems.push(tooShortOrLong);
    return undefined;
  }
  return text;
}

function readKey(record: Readonly<Record<string, unknown>>, problems: RuleProblem[]): string | undefined {
  const key = readText('key', record, RULE_LIMITS.key, problems);
  if (key === undefined) return undefined;
  if (RULE_KEY_PATTERN.test(key)) return key;
  const suggestion = key.toUpperCase().replace(/[\s_]+/g, '-');
  const hint = RULE_KEY_PATTERN.test(suggestion)
    ? { fr: ` Écrivez plutôt « ${suggestion} ».`, en: ` Write “${suggestion}” instead.` }
    : { fr: '', en: '' };
  problems.push(
    problem(
      'key',
      'INVALID_KEY',
      `La clé « ${key} » n'a pas la forme attendue : des groupes de majuscules ou de chiffres reliés par des tirets, ` +
        `le dernier étant un numéro (par exemple REFUND-004 ou DELIVERY-DELAY-002).${hint.fr}`,
      `The key “${key}” does not have the expected form: groups of upper-case letters or digits joined by hyphens, ` +
        `the last one a number (for example REFUND-004 or DELIVERY-DELAY-002).${hint.en}`,
    ),
  );
  return undefined;
}

function readDate(record: Readonly<Record<string, unknown>>, problems: RuleProblem[]): string | undefined {
  const date = readString('effectiveFrom', record, problems);
  if (date === undefined) return undefined;
  const why = calendarDateProblem(date);
  if (!why) return date;
  problems.push(
    problem(
      'effectiveFrom',
      'INVALID_DATE',
      `${LABELS.effectiveFrom.fr} est invalide : ${why.fr}`,
      `${LABELS.effectiveFrom.en} is invalid: ${why.en}`,
    ),
  );
  return undefined;
}

function readTags(record: Readonly<Record<string, unknown>>, problems: RuleProblem[]): string[] | undefined {
  const raw = record['tags'];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push(
      problem(
        'tags',
        'NOT_A_LIST',
        `Les étiquettes doivent former une liste, par exemple [remboursement, livraison], pas ${kindOf(raw).fr}.`,
        `Tags must be a list, for example [refund, delivery], not ${kindOf(raw).en}.`,
      ),
    );
    return undefined;
  }
  const before = problems.length;
  const strings: string[] = [];
  raw.forEach((tag: unknown, index) => {
    const field = `tags[${index}]`;
    if (typeof tag !== 'string') {
      const kind = kindOf(tag);
      problems.push(
        problem(
          field,
          'NOT_A_STRING',
          `L'étiquette n° ${index + 1} doit être du texte, pas ${kind.fr}.`,
          `Tag #${index + 1} must be text, not ${kind.en}.`,
        ),
      );
      return;
    }
    const trimmed = tag.trim();
    if (trimmed === '') {
      problems.push(
        problem(field, 'TOO_SHORT', `L'étiquette n° ${index + 1} est vide.`, `Tag #${index + 1} is empty.`),
      );
      return;
    }
    const label: Label = { fr: `L'étiquette « ${trimmed} »`, frPronoun: 'elle', en: `The tag “${trimmed}”` };
    const tooLong = lengthProblem(field, label, characterCount(trimmed), RULE_LIMITS.tags);
    if (tooLong) problems.push(tooLong);
    else strings.push(trimmed);
  });
  if (problems.length > before) return undefined;
  const tags = normaliseTags(strings);
  const max = RULE_LIMITS.tags.maxCount;
  if (tags.length > max) {
    problems.push(
      problem(
        'tags',
        'TOO_MANY',
        `Une règle porte au plus ${max} étiquettes (celle-ci en a ${tags.length}).`,
        `A rule has at most ${max} tags (this one has ${tags.length}).`,
      ),
    );
    return undefined;
  }
  return tags;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Checks one rule as received (parsed YAML/JSON, GraphQL input). Strings are trimmed and
 * their line breaks written `\n`; tags are trimmed, lower-cased and deduplicated. Unknown
 * fields are problems, so that a misspelt field is never silently dropped.
 */
export function validateRuleDraft(input: unknown): RuleDraftValidation {
  if (!isRecord(input)) {
    const kind = kindOf(input);
    const fr =
      input === null || input === undefined
        ? 'La règle est vide : elle doit contenir les champs key, category, title, etc.'
        : `Une règle doit être un ensemble de champs (key, category, title…), pas ${kind.fr}.`;
    const en =
      input === null || input === undefined
        ? 'The rule is empty: it must hold the fields key, category, title, etc.'
        : `A rule must be a set of fields (key, category, title…), not ${kind.en}.`;
    return { problems: [problem('', 'NOT_AN_OBJECT', fr, en)] };
  }

  const problems: RuleProblem[] = [];
  const key = readKey(input, problems);
  const texts: Partial<Record<TextField, string>> = {};
  let tags: string[] | undefined;
  let effectiveFrom: string | undefined;
  for (const field of RULE_FIELDS) {
    if (field === 'key') continue;
    if (field === 'tags') tags = readTags(input, problems);
    else if (field === 'effectiveFrom') effectiveFrom = readDate(input, problems);
    else texts[field] = readText(field, input, RULE_LIMITS[field], problems);
  }
  const known: readonly string[] = RULE_FIELDS;
  for (const name of Object.keys(input)) {
    if (!known.includes(name) && input[name] !== undefined) problems.push(unknownFieldProblem(name, RULE_FIELDS));
  }

  const { category, title, statement, rationale, latitude, escalation, customerWording } = texts;
  if (
    problems.length > 0 ||
    key === undefined ||
    category === undefined ||
    title === undefined ||
    statement === undefined ||
    rationale === undefined ||
    latitude === undefined ||
    escalation === undefined ||
    customerWording === undefined ||
    tags === undefined ||
    effectiveFrom === undefined
  ) {
    return { problems };
  }
  return {
    draft: { key, category, title, statement, rationale, latitude, escalation, customerWording, tags, effectiveFrom },
    problems,
  };
}
