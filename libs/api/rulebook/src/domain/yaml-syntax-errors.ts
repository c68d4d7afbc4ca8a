// YAML syntax errors of an import document, told in words an author understands.
import type { YAMLError } from 'yaml';
import { formatDocumentPath, type DocumentError, type Locator, type Messages } from './document-position';

export const ALIAS_BOMB: Messages = {
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
export function firstSyntaxErrors(errors: readonly YAMLError[], locator: Locator): DocumentError[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstBroken = sorted.findIndex((error) => error.code !== 'DUPLICATE_KEY');
  const kept = firstBroken < 0 ? sorted : sorted.slice(0, firstBroken + 1);
  return kept.map((error) => syntaxError(error, locator));
}
