import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import {
  characterCount,
  duplicateKeyProblem,
  normaliseText,
  RULE_KEY_PATTERN,
  unknownFieldProblem,
  validateRuleDraft,
  type RuleDraft,
  type RuleProblem,
} from './rule-draft';

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

export interface DocumentError {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Where in the document: `rules[3].title` (0-based indexes), '' for the file itself. */
  readonly path: string;
  /** Stable machine code: a RuleProblem reason or a document-level one (SYNTAX_ERROR, FORMAT_MISSING…). */
  readonly reason: string;
  readonly fr: string;
  readonly en: string;
}

export type RulebookParseResult =
  { readonly ok: true; readonly document: RulebookDocument } | { readonly ok: false; readonly errors: DocumentError[] };

type PathSegment = string | number;
type Position = { readonly line: number; readonly column: number };
type Messages = { readonly fr: string; readonly en: string };

const START: Position = { line: 1, column: 1 };

/** `rules[3].title`; a name that is not an identifier is quoted: `rules[3]["due date"]`. */
export function formatDocumentPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Finds where nodes are: the line and column of the value, or of the field name. */
class Locator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }

  /** The node at `path`, or its nearest ancestor that exists (a missing field points at its rule). */
  value(path: readonly PathSegment[]): Position {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node: unknown = this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const empty = isScalar(node) && node.range[0] === node.range[1] && depth > 0;
        if (empty) return this.key(path.slice(0, depth));
        return this.at(node.range[0]);
      }
    }
    return START;
  }

  /** The field name of the last segment of `path` (`titel:`), falling back to its value. */
  key(path: readonly PathSegment[]): Position {
    const parent: unknown = this.doc.getIn(path.slice(0, -1), true);
    const name = path[path.length - 1];
    if (isMap(parent)) {
      for (const pair of parent.items) {
        if (isScalar(pair.key) && String(pair.key.value) === String(name) && pair.key.range) {
          return this.at(pair.key.range[0]);
        }
      }
    }
    return path.length > 0 ? this.value(path.slice(0, -1)) : START;
  }

  /**
   * The path of the deepest node holding `offset`, for syntax errors. Unless `fromStart`, a
   * node that starts at `offset` is not entered: it is what the broken text turned into.
   */
  pathAt(offset: number, fromStart: boolean): PathSegment[] {
    const path: PathSegment[] = [];
    let node: unknown = this.doc.contents;
    const start = (candidate: unknown): number | null =>
      isNode(candidate) && candidate.range && offset < candidate.range[2] ? candidate.range[0] : null;
    const within = (candidate: unknown): boolean => (start(candidate) ?? Infinity) <= offset;
    const enter = (candidate: unknown): boolean => within(candidate) && (fromStart || start(candidate) !== offset);
    for (;;) {
      if (isMap(node)) {
        const pair = node.items.find((item) => within(item.key) || within(item.value));
        if (!pair || !isScalar(pair.key)) return path;
        path.push(String(pair.key.value));
        if (!enter(pair.value)) return path;
        node = pair.value;
      } else if (isSeq(node)) {
        const index = node.items.findIndex(within);
        if (index < 0) return path;
        path.push(index);
        if (!enter(node.items[index])) return path;
        node = node.items[index];
      } else {
        return path;
      }
    }
  }
}

function fileLevel(reason: string, messages: Messages, at: Position = START): DocumentError {
  return { ...at, path: '', reason, ...messages };
}

const ALIAS_BOMB: Messages = {
  fr: 'Trop d’alias (*nom) : le fichier est refusé pour protéger le serveur.',
  en: 'Too many aliases (*name): the file is refused to protect the server.',
};

interface SyntaxHint extends Messages {
  readonly code: YAMLError['code'];
  /** When set, only yaml's messages it matches. */
  readonly message?: RegExp;
}

/** Plain words for yaml's errors, the most specific first; yaml's own text is the fallback. */
const SYNTAX_HINTS: readonly SyntaxHint[] = [
  {
    code: 'TAB_AS_INDENT',
    fr: 'Une tabulation sert ici d’indentation : en YAML, on indente uniquement avec des espaces.',
    en: 'A tab is used as indentation here: YAML indentation must be spaces only.',
  },
  {
    code: 'MISSING_CHAR',
    message: /without - indicator/,
    fr: 'Indentation incorrecte : cette ligne n’est alignée ni sur les champs au-dessus, ni sur un nouvel élément « - ».',
    en: 'Wrong indentation: this line is aligned neither with the fields above nor with a new “-” item.',
  },
  {
    code: 'BAD_INDENT',
    fr: 'Indentation incorrecte : alignez cette ligne, avec des espaces, sur les autres champs du même niveau.',
    en: 'Wrong indentation: align this line, with spaces, with the other fields of the same level.',
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    message: /Nested mappings/,
    fr: 'Un « : » suivi d’une espace apparaît dans une valeur, ou l’indentation est décalée : mettez la valeur entre guillemets (ou dans un bloc « |- ») et vérifiez l’alignement.',
    en: 'A “: ” appears inside a value, or the indentation is off: quote the value (or use a “|-” block) and check the alignment.',
  },
  {
    code: 'MISSING_CHAR',
    message: /closing .?quote/,
    fr: 'Il manque le guillemet fermant de ce texte.',
    en: 'This string has no closing quote.',
  },
  {
    code: 'MISSING_CHAR',
    message: /Missing ,/,
    fr: 'Il manque une virgule entre deux éléments de [ ] ou de { }.',
    en: 'A comma is missing between two items of [ ] or { }.',
  },
  {
    code: 'MISSING_CHAR',
    message: /Missing space after :/,
    fr: 'Il manque une espace après « : ».',
    en: 'A space is missing after “:”.',
  },
  {
    code: 'MISSING_CHAR',
    message: /need to be followed by map values/,
    fr: 'Ce nom de champ n’est pas suivi de « : » et d’une valeur.',
    en: 'This field name is not followed by “:” and a value.',
  },
  {
    code: 'MISSING_CHAR',
    message: /Comments must be separated/,
    fr: 'Un « # » de commentaire doit être précédé d’une espace ; dans un texte, mettez-le entre guillemets.',
    en: 'A comment “#” must follow a space; inside a text, put the text in quotes.',
  },
  {
    code: 'MULTIPLE_DOCS',
    fr: 'Le fichier contient plusieurs documents (séparateur « --- ») : un seul règlement par fichier.',
    en: 'The file holds several documents (“---” separator): one rulebook per file.',
  },
  {
    code: 'BAD_DQ_ESCAPE',
    fr: 'Échappement invalide entre guillemets doubles : écrivez « \\\\ » pour une barre oblique inverse, ou utilisez des guillemets simples.',
    en: 'Invalid escape inside double quotes: write “\\\\” for a backslash, or use single quotes.',
  },
  {
    code: 'BAD_SCALAR_START',
    fr: 'Une valeur ne peut pas commencer par ce caractère sans guillemets : mettez-la entre guillemets.',
    en: 'A value cannot start with this character unquoted: put it in quotes.',
  },
  {
    code: 'MULTILINE_IMPLICIT_KEY',
    fr: 'Un nom de champ ne peut pas s’étendre sur plusieurs lignes : vérifiez les guillemets et l’indentation.',
    en: 'A field name cannot span several lines: check the quotes and the indentation.',
  },
  {
    code: 'BLOCK_IN_FLOW',
    fr: 'Bloc YAML à l’intérieur de [ ] ou { } : écrivez les éléments sur une ligne, séparés par des virgules.',
    en: 'Block YAML inside [ ] or { }: write the items on one line, separated by commas.',
  },
  {
    code: 'BAD_ALIAS',
    fr: 'Cet alias (*nom) ne renvoie à aucune ancre (&nom) définie plus haut.',
    en: 'This alias (*name) refers to no anchor (&name) defined above.',
  },
  { code: 'RESOURCE_EXHAUSTION', ...ALIAS_BOMB },
];

function syntaxError(error: YAMLError, locator: Locator): DocumentError {
  const path = locator.pathAt(error.pos[0], error.code === 'DUPLICATE_KEY');
  const at = locator.at(error.pos[0]);
  if (error.code === 'DUPLICATE_KEY') {
    const name = path.length > 0 ? String(path[path.length - 1]) : '';
    return {
      ...at,
      path: formatDocumentPath(path),
      reason: 'DUPLICATE_FIELD',
      fr: `Le champ « ${name} » apparaît deux fois au même niveau : n’en gardez qu’un.`,
      en: `The field “${name}” appears twice at the same level: keep only one.`,
    };
  }
  const detail = error.message.split('\n')[0];
  const hint = SYNTAX_HINTS.find((h) => h.code === error.code && (!h.message || h.message.test(detail)));
  return {
    ...at,
    path: formatDocumentPath(path),
    reason: 'SYNTAX_ERROR',
    fr: hint ? `Erreur de syntaxe : ${hint.fr}` : `Erreur de syntaxe YAML (${detail}).`,
    en: hint ? `Syntax error: ${hint.en}` : `YAML syntax error: ${detail}.`,
  };
}

/**
 * After the first real syntax error yaml's reading is off, and what follows is mostly its
 * consequence: like a compiler, report that first error (and the duplicate fields before
 * it, which are independent), then let the author fix it and run again.
 */
function firstSyntaxErrors(errors: readonly YAMLError[], locator: Locator): DocumentError[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstBroken = sorted.findIndex((error) => error.code !== 'DUPLICATE_KEY');
  const kept = firstBroken < 0 ? sorted : sorted.slice(0, firstBroken + 1);
  return kept.map((error) => syntaxError(error, locator));
}

interface JsonIssue extends Messages {
  readonly offset: number;
}

class JsonStop {
  constructor(readonly issue: JsonIssue) {}
}

/**
 * JSON is YAML 1.2, but YAML also accepts what JSON refuses (trailing commas, comments,
 * single quotes, bare words). A strict scan finds the first such place, with its offset,
 * which `JSON.parse` does not reliably give.
 */
function findJsonSyntaxIssue(source: string): JsonIssue | null {
  let i = 0;
  const fail = (offset: number, fr: string, en: string): never => {
    throw new JsonStop({ offset, fr, en });
  };
  const found = (offset: number): Messages =>
    offset >= source.length
      ? { fr: 'la fin du fichier', en: 'the end of the file' }
      : { fr: `le caractère « ${source[offset]} »`, en: `“${source[offset]}”` };
  const skipSpace = (): void => {
    while (i < source.length && ' \t\n\r'.includes(source[i])) i += 1;
  };
  const string = (): void => {
    const start = i;
    i += 1;
    for (;;) {
      if (i >= source.length)
        fail(start, 'Ce texte n’a pas de guillemet fermant.', 'This string has no closing quote.');
      const char = source[i];
      if (char === '"') {
        i += 1;
        return;
      }
      if (char === '\\') {
        const next = source[i + 1] ?? '';
        if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) i += 6;
        else
          fail(
            i,
            'Échappement invalide : en JSON, « \\ » n’est suivi que de " \\ / b f n r t ou uXXXX.',
            'Invalid escape: in JSON, “\\” is only followed by " \\ / b f n r t or uXXXX.',
          );
      } else if (char.charCodeAt(0) < 0x20) {
        fail(
          i,
          'Retour à la ligne ou caractère de contrôle dans un texte : fermez le guillemet, ou écrivez \\n.',
          'Line break or control character inside a string: close the quote, or write \\n.',
        );
      } else {
        i += 1;
      }
    }
  };
  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (depth: number): void => {
    skipSpace();
    if (depth > 64) fail(i, 'Imbrication trop profonde.', 'Nesting too deep.');
    const char = source[i];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      i += 1;
      skipSpace();
      if (source[i] === close) {
        i += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (char === '{') {
          if (source[i] !== '"') {
            fail(
              i,
              `Nom de champ entre guillemets doubles attendu, au lieu de ${found(i).fr}.`,
              `Expected a field name in double quotes, found ${found(i).en}.`,
            );
          }
          string();
          skipSpace();
          if (source[i] !== ':')
            fail(
              i,
              `« : » attendu après le nom du champ, au lieu de ${found(i).fr}.`,
              `Expected “:” after the field name, found ${found(i).en}.`,
            );
          i += 1;
        }
        value(depth + 1);
        skipSpace();
        if (source[i] === close) {
          i += 1;
          return;
        }
        if (source[i] !== ',') {
          fail(
            i,
            `« , » ou « ${close} » attendu, au lieu de ${found(i).fr}.`,
            `Expected “,” or “${close}”, found ${found(i).en}.`,
          );
        }
        const comma = i;
        i += 1;
        skipSpace();
        if (source[i] === close) fail(comma, `Virgule en trop avant « ${close} ».`, `Extra comma before “${close}”.`);
      }
    }
    if (char === '"') return string();
    numberPattern.lastIndex = i;
    if (numberPattern.test(source)) {
      i = numberPattern.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (source.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    if (char === '/' || char === '#')
      fail(i, 'Les commentaires ne sont pas permis en JSON.', 'Comments are not allowed in JSON.');
    if (char === "'")
      fail(i, 'En JSON, les textes s’écrivent entre guillemets doubles.', 'In JSON, strings take double quotes.');
    fail(i, `Valeur attendue, au lieu de ${found(i).fr}.`, `Expected a value, found ${found(i).en}.`);
  };
  try {
    value(0);
    skipSpace();
    if (i < source.length)
      fail(
        i,
        `Contenu en trop après la fin du JSON : ${found(i).fr}.`,
        `Unexpected content after the end of the JSON: ${found(i).en}.`,
      );
    return null;
  } catch (caught: unknown) {
    if (caught instanceof JsonStop) return caught.issue;
    throw caught;
  }
}

function strictJsonError(source: string, locator: Locator): DocumentError | null {
  const issue = findJsonSyntaxIssue(source);
  if (!issue) return null;
  const at = locator.at(issue.offset);
  const path = formatDocumentPath(locator.pathAt(issue.offset, false));
  return { ...at, path, reason: 'SYNTAX_ERROR', fr: `JSON invalide : ${issue.fr}`, en: `Invalid JSON: ${issue.en}` };
}

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
