import { DomainError, ErrorCode } from '@pepite/api/errors';

/** Deepest nesting of arrays and objects accepted in any JSON a client sends. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, found by one scan of the
 * text (brackets outside strings): nothing recursive ever sees a hostile document, whose
 * depth would otherwise overflow the stack somewhere between the parser and the resolvers.
 */
export function jsonTextTooDeep(text: string | Uint8Array, limit = MAX_JSON_DEPTH): boolean {
  // In UTF-8 these ASCII characters never occur inside a multi-byte sequence: bytes scan as text.
  const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i]!;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The same for a value already parsed (graphql-ws messages), walked without recursion. */
export function jsonValueTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export function jsonTooDeepError(): DomainError {
  return new DomainError(ErrorCode.BAD_REQUEST, {
    fr: `Le JSON envoyé imbrique plus de ${MAX_JSON_DEPTH} niveaux de tableaux ou d’objets.`,
    en: `The JSON sent nests more than ${MAX_JSON_DEPTH} levels of arrays or objects.`,
  });
}
