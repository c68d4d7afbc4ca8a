import { LineCounter, parseDocument } from 'yaml';
import {
  fileLevel,
  formatDocumentPath,
  Locator,
  type DocumentError,
  type PathSegment,
} from './document-position';
import { RULE_KEY_PATTERN, type RuleDraft, type RuleProblem } from './rule-draft';
import { validateRuleDraft } from './rule-draft-validation';
import { duplicateKeyProblem, unknownFieldProblem } from './rule-problems';
import { characterCount, normaliseText } from './rule-text';
import { strictJsonError } from './strict-json';
import { ALIAS_BOMB, firstSyntaxErrors } from './yaml-syntax-errors';

/**
 * The rulebook import document (RULEBOOK-FORMAT.md): a YAML or JSON file holding every rule
 * of the next release. Parsing never throws on bad input; it returns every error it finds,
 * each at the line and column of the offending node, in French and English.
 */
export const RULEBOOK_DOCUMENT_FORMAT = 'pepite-rulebook/1';
export const RULEBOOK_MAX_RULES = 10_000;
export const RULEBOOK_NOTES_MAX = 4000;

const nFr = (n: number): string => n.toLocaleString('fr-FR');
const nEn = (n: number): string => n.toLocaleString('en-GB');

const TOP_LEVEL_FIELDS = ['format', 'notes', 'rules'] as const;

export interface RulebookDocument {
  readonly format: typeof RULEBOOK_DOCUMENT_FORMAT;
  readonly notes: string | null;
  readonly rules: RuleDraft[];
}

export type RulebookParseResult =
  { readonly ok: true; readonly document: RulebookDocument } | { readonly ok: false; readonly errors: DocumentError[] };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function fromProblem(problem: RuleProblem, rulePath: readonly PathSegment[], locator: Locator): DocumentError {
  let fieldPath: PathSegment[];
  if (problem.reason === 'UNKNOWN_FIELD') fieldPath = [problem.field];
  else if (problem.field === '') fieldPath = [];
  else {
    const item = /^(\w+)\[(\d+)\]$/.exec(problem.field);
    fieldPath = item ? [item[1], Number(item[2])] : [problem.field];
  }
  const path = [...rulePath, ...fieldPath];
  const at = problem.reason === 'UNKNOWN_FIELD' ? locator.key(path) : locator.value(path);
  return { ...at, path: formatDocumentPath(path), reason: problem.reason, fr: problem.fr, en: problem.en };
}

function documentKind(fileName: string): 'yaml' | 'json' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  return null;
}

function byPosition(a: DocumentError, b: DocumentError): number {
  return a.line - b.line || a.column - b.column;
}

function failed(errors: DocumentError[]): RulebookParseResult {
  return { ok: false, errors: [...errors].sort(byPosition) };
}

/**
 * Reads a rulebook import document. `fileName` chooses the syntax (`.yaml`/`.yml` or `.json`)
 * and is not opened. Nothing is returned unless the whole document is valid.
 */
export function parseRulebookDocument(text: string, fileName: string): RulebookParseResult {
  const kind = documentKind(fileName);
  if (!kind) {
    return failed([
      fileLevel('UNSUPPORTED_FILE_TYPE', {
        fr: `Le fichier « ${fileName} » doit se terminer par .yaml, .yml ou .json.`,
        en: `The file “${fileName}” must end in .yaml, .yml or .json.`,
      }),
    ]);
  }
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = new LineCounter();
  // `schema: 'core'` even under a `%YAML 1.1` directive: dates stay text, `yes` is not true.
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const locator = new Locator(doc, lines);

  if (kind === 'json' && source.trim() !== '') {
    const jsonError = strictJsonError(source, locator);
    if (jsonError) return failed([jsonError]);
  }
  if (doc.errors.length > 0) return failed(firstSyntaxErrors(doc.errors, locator));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return failed([
      fileLevel('SYNTAX_ERROR', { fr: `Erreur de syntaxe : ${ALIAS_BOMB.fr}`, en: `Syntax error: ${ALIAS_BOMB.en}` }),
    ]);
  }
  if (data === null || data === undefined) {
    return failed([
      fileLevel('EMPTY_DOCUMENT', {
        fr: `Le fichier est vide : il doit commencer par « format: ${RULEBOOK_DOCUMENT_FORMAT} » puis lister les règles sous « rules: ».`,
        en: `The file is empty: it must start with “format: ${RULEBOOK_DOCUMENT_FORMAT}” and list the rules under “rules:”.`,
      }),
    ]);
  }
  if (!isRecord(data)) {
    return failed([
      fileLevel(
        'NOT_A_MAPPING',
        {
          fr: 'Le document doit être un ensemble de champs (format, notes, rules), pas une liste ni une valeur seule.',
          en: 'The document must be a set of fields (format, notes, rules), not a list or a single value.',
        },
        locator.value([]),
      ),
    ]);
  }

  const errors: DocumentError[] = [];
  const known: readonly string[] = TOP_LEVEL_FIELDS;
  for (const name of Object.keys(data)) {
    if (known.includes(name)) continue;
    const problem = unknownFieldProblem(name, TOP_LEVEL_FIELDS);
    errors.push({
      ...locator.key([name]),
      path: formatDocumentPath([name]),
      reason: problem.reason,
      fr: problem.fr,
      en: problem.en,
    });
  }

  const format = data['format'];
  if (format === undefined || format === null) {
    errors.push(
      fileLevel(
        'FORMAT_MISSING',
        {
          fr: `La ligne « format: ${RULEBOOK_DOCUMENT_FORMAT} » manque : ajoutez-la en tête du fichier.`,
          en: `The line “format: ${RULEBOOK_DOCUMENT_FORMAT}” is missing: add it at the top of the file.`,
        },
        locator.value([]),
      ),
    );
  } else if (format !== RULEBOOK_DOCUMENT_FORMAT) {
    const shown = typeof format === 'string' ? format : JSON.stringify(format);
    errors.push({
      ...locator.value(['format']),
      path: 'format',
      reason: 'FORMAT_UNSUPPORTED',
      fr: `Le format « ${shown} » n’est pas pris en charge : seul « ${RULEBOOK_DOCUMENT_FORMAT} » l’est.`,
      en: `The format “${shown}” is not supported: only “${RULEBOOK_DOCUMENT_FORMAT}” is.`,
    });
    // Another format may mean other fields: checking the rules would only add noise.
    return failed(errors);
  }

  const notes = readNotes(data['notes'], locator, errors);
  const rules = readRules(data['rules'], locator, errors);
  if (errors.length > 0 || rules === undefined) return failed(errors);
  return { ok: true, document: { format: RULEBOOK_DOCUMENT_FORMAT, notes, rules } };
}

function readNotes(raw: unknown, locator: Locator, errors: DocumentError[]): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') {
    errors.push({
      ...locator.value(['notes']),
      path: 'notes',
      reason: 'NOT_A_STRING',
      fr: 'Les notes de publication doivent être du texte.',
      en: 'The release notes must be text.',
    });
    return null;
  }
  const notes = normaliseText(raw);
  const length = characterCount(notes);
  if (length > RULEBOOK_NOTES_MAX) {
    errors.push({
      ...locator.value(['notes']),
      path: 'notes',
      reason: 'TOO_LONG',
      fr: `Les notes de publication doivent faire au plus ${nFr(RULEBOOK_NOTES_MAX)} caractères (elles en font ${nFr(length)}).`,
      en: `The release notes must be at most ${nEn(RULEBOOK_NOTES_MAX)} characters long (they have ${nEn(length)}).`,
    });
  }
  return notes === '' ? null : notes;
}

function readRules(raw: unknown, locator: Locator, errors: DocumentError[]): RuleDraft[] | undefined {
  if (raw === undefined) {
    errors.push(
      fileLevel(
        'RULES_MISSING',
        {
          fr: 'Le champ « rules » manque : listez les règles sous « rules: », une par « - key: … ».',
          en: 'The “rules” field is missing: list the rules under “rules:”, one per “- key: …”.',
        },
        locator.value([]),
      ),
    );
    return undefined;
  }
  if (raw !== null && !Array.isArray(raw)) {
    errors.push({
      ...locator.value(['rules']),
      path: 'rules',
      reason: 'RULES_NOT_A_LIST',
      fr: 'Le champ « rules » doit être une liste de règles, chacune commençant par « - key: … ».',
      en: 'The “rules” field must be a list of rules, each starting with “- key: …”.',
    });
    return undefined;
  }
  const items: readonly unknown[] = raw ?? [];
  if (items.length === 0) {
    errors.push({
      ...locator.key(['rules']),
      path: 'rules',
      reason: 'RULES_EMPTY',
      fr: 'La liste « rules » est vide : un règlement contient au moins une règle.',
      en: 'The “rules” list is empty: a rulebook holds at least one rule.',
    });
    return undefined;
  }
  if (items.length > RULEBOOK_MAX_RULES) {
    errors.push({
      ...locator.key(['rules']),
      path: 'rules',
      reason: 'TOO_MANY_RULES',
      fr: `Un règlement contient au plus ${nFr(RULEBOOK_MAX_RULES)} règles (celui-ci en a ${nFr(items.length)}).`,
      en: `A rulebook holds at most ${nEn(RULEBOOK_MAX_RULES)} rules (this one has ${nEn(items.length)}).`,
    });
    return undefined;
  }

  const drafts: RuleDraft[] = [];
  const firstIndexByKey = new Map<string, number>();
  items.forEach((item, index) => {
    const rulePath = ['rules', index];
    const { draft, problems } = validateRuleDraft(item);
    for (const problem of problems) errors.push(fromProblem(problem, rulePath, locator));
    if (draft) drafts.push(draft);

    const key = isRecord(item) && typeof item['key'] === 'string' ? item['key'].trim() : undefined;
    if (key === undefined || !RULE_KEY_PATTERN.test(key)) return;
    const first = firstIndexByKey.get(key);
    if (first === undefined) {
      firstIndexByKey.set(key, index);
      return;
    }
    const firstLine = locator.value(['rules', first, 'key']).line;
    const firstPath = formatDocumentPath(['rules', first]);
    const problem = duplicateKeyProblem(key, {
      fr: `la règle ${firstPath}, ligne ${firstLine}`,
      en: `rule ${firstPath}, line ${firstLine}`,
    });
    errors.push(fromProblem(problem, rulePath, locator));
  });
  return drafts;
}

/** Compiler-style lines, one per error: `file.yaml:12:5 rules[3].title — Le titre …`. */
export function formatDocumentErrors(fileName: string, errors: readonly DocumentError[], locale: 'fr' | 'en'): string {
  return errors
    .map((error) => {
      const where = `${fileName}:${error.line}:${error.column}`;
      const path = error.path === '' ? '' : ` ${error.path}`;
      return `${where}${path} — ${error[locale]}`;
    })
    .join('\n');
}
