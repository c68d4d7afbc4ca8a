// Strict JSON for `.json` import documents: YAML would accept what JSON refuses.
import { formatDocumentPath, type DocumentError, type Locator, type Messages } from './document-position';

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

export function strictJsonError(source: string, locator: Locator): DocumentError | null {
  const issue = findJsonSyntaxIssue(source);
  if (!issue) return null;
  const at = locator.at(issue.offset);
  const path = formatDocumentPath(locator.pathAt(issue.offset, false));
  return { ...at, path, reason: 'SYNTAX_ERROR', fr: `JSON invalide : ${issue.fr}`, en: `Invalid JSON: ${issue.en}` };
}
