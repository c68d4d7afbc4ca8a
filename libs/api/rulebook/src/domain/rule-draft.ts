/**
 * A rule as an author writes it: what the import document holds for each rule, and what a
 * GraphQL input will carry. Validation is pure so every entry point says the same thing,
 * in French and in English, with a stable machine code.
 */
export interface RuleDraft {
  readonly key: string;
  readonly category: string;
  readonly title: string;
  readonly statement: string;
  readonly rationale: string;
  readonly latitude: string;
  readonly escalation: string;
  readonly customerWording: string;
  readonly tags: readonly string[];
  /** Calendar date `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
}

/** The fields of a draft, in the order they are written and checked. */
export const RULE_FIELDS = [
  'key',
  'category',
  'title',
  'statement',
  'rationale',
  'latitude',
  'escalation',
  'customerWording',
  'tags',
  'effectiveFrom',
] as const;

export type RuleField = (typeof RULE_FIELDS)[number];

/**
 * Groups of upper-case letters or digits joined by '-', the last group a number:
 * `REFUND-004`, `GDPR-001`, `DELIVERY-DELAY-002`. At most `RULE_LIMITS.key.max` characters.
 */
export const RULE_KEY_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*-[0-9]+$/;

/** Lengths are counted in characters (Unicode code points), after trimming. */
export const RULE_LIMITS = {
  key: { max: 40 },
  title: { min: 3, max: 160 },
  category: { min: 2, max: 80 },
  statement: { min: 10, max: 4000 },
  rationale: { min: 10, max: 4000 },
  latitude: { min: 10, max: 4000 },
  escalation: { min: 10, max: 4000 },
  customerWording: { min: 10, max: 2000 },
  tags: { maxCount: 12, min: 1, max: 40 },
} as const;

export type RuleProblemReason =
  | 'REQUIRED'
  | 'NOT_A_STRING'
  | 'NOT_A_LIST'
  | 'NOT_AN_OBJECT'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'TOO_MANY'
  | 'INVALID_KEY'
  | 'INVALID_DATE'
  | 'DUPLICATE_KEY'
  | 'UNKNOWN_FIELD';

export interface RuleProblem {
  /** `title`, `tags[2]`, the unknown field's name, or '' for the rule as a whole. */
  readonly field: string;
  /** Stable machine code. */
  readonly reason: RuleProblemReason;
  readonly fr: string;
  readonly en: string;
}

export interface RuleDraftValidation {
  /** Present exactly when there is no problem. */
  readonly draft?: RuleDraft;
  readonly problems: RuleProblem[];
}

type TextField = Exclude<RuleField, 'tags' | 'effectiveFrom' | 'key'>;

interface Label {
  readonly fr: string;
  /** Pronoun that stands for `fr` in "(il en fait 1)". */
  readonly frPronoun: 'il' | 'elle';
  readonly en: string;
}

const LABELS: Record<RuleField, Label> = {
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

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Number of characters as a person counts them (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

const nFr = (n: number): string => n.toLocaleString('fr-FR');
const nEn = (n: number): string => n.toLocaleString('en-GB');

/** Trims and writes every line break as `\n`, so the same text always compares equal. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Trimmed, lower-case, NFC, without duplicates, in first-seen order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const normal = tag.trim().normalize('NFC').toLowerCase();
    if (normal !== '') seen.add(normal);
  }
  return [...seen];
}

function kindOf(value: unknown): { fr: string; en: string } {
  if (value === null || value === undefined) return { fr: 'une valeur vide', en: 'an empty value' };
  if (Array.isArray(value)) return { fr: 'une liste', en: 'a list' };
  if (typeof value === 'number' || typeof value === 'bigint') return { fr: 'un nombre', en: 'a number' };
  if (typeof value === 'boolean') return { fr: 'un booléen (vrai/faux)', en: 'a boolean (true/false)' };
  if (value instanceof Date) return { fr: 'une date-heure', en: 'a timestamp' };
  if (typeof value === 'object' && value !== null) return { fr: 'un ensemble de champs', en: 'a set of fields' };
  return { fr: `une valeur de type ${typeof value}`, en: `a ${typeof value}` };
}

function problem(field: string, reason: RuleProblemReason, fr: string, en: string): RuleProblem {
  return { field, reason, fr, en };
}

function required(field: RuleField, present: boolean): RuleProblem {
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

function notAString(field: RuleField, value: unknown): RuleProblem {
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

function lengthProblem(
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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `text` is not a real `YYYY-MM-DD` calendar date, or null when it is one. */
export function calendarDateProblem(text: string): { fr: string; en: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    return {
      fr: `« ${text} » doit s'écrire AAAA-MM-JJ, par exemple 2026-03-01.`,
      en: `“${text}” must be written YYYY-MM-DD, for example 2026-03-01.`,
    };
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) {
    return {
      fr: `« ${text} » n'est pas une date : le mois doit être compris entre 01 et 12.`,
      en: `“${text}” is not a date: the month must be between 01 and 12.`,
    };
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return {
      fr: `« ${text} » n'existe pas au calendrier : ${MONTHS_FR[month - 1]} ${year} compte ${days} jours.`,
      en: `“${text}” is not a calendar date: ${MONTHS_EN[month - 1]} ${year} has ${days} days.`,
    };
  }
  return null;
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

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Edits (insertion, deletion, substitution, swap of two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name `name` was probably meant to be (`titel` → `title`, `effective_from` → `effectiveFrom`). */
export function closestFieldName(name: string, known: readonly string[]): string | undefined {
  const squashed = squash(name);
  const exact = known.find((candidate) => squash(candidate) === squashed);
  if (exact) return exact;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(squashed, squash(candidate));
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return undefined;
  const tolerated = best.name.length <= 4 ? 1 : best.name.length <= 9 ? 2 : 3;
  return best.distance <= tolerated ? best.name : undefined;
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
