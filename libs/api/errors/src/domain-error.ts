import { ErrorCode } from './error-code';
import { DEFAULT_LOCALE, type Locale, type Translated } from './locale';

/**
 * An expected failure of a use case: a stable code, a message people can read in their
 * language, and optional machine-readable details (never internals).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Translated,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(text.en);
    this.name = 'DomainError';
  }

  messageIn(locale: Locale = DEFAULT_LOCALE): string {
    return this.text[locale];
  }
}

export type ErrorSpec<P> = {
  readonly code: ErrorCode;
  readonly fr: (params: P) => string;
  readonly en: (params: P) => string;
};

/**
 * An error whose text takes no parameters, both languages side by side as in the object form:
 * `notFound: fixedText(ErrorCode.NOT_FOUND, 'Ce pépin est introuvable.', 'This pépin was not found.')`.
 */
export function fixedText(code: ErrorCode, fr: string, en: string): ErrorSpec<void> {
  return { code, fr: () => fr, en: () => en };
}

/**
 * Declares a context's errors once, with both languages side by side, and returns
 * factories: `IdentityErrors.userNotFound({ id })`.
 */
export function defineErrors<S extends Record<string, ErrorSpec<never>>>(
  specs: S,
): { [K in keyof S]: S[K] extends ErrorSpec<infer P> ? (params: P) => DomainError : never } {
  const factories: Record<string, (params: never) => DomainError> = {};
  for (const [name, spec] of Object.entries(specs)) {
    factories[name] = (params: never) =>
      new DomainError(spec.code, { fr: spec.fr(params), en: spec.en(params) }, { reason: name });
  }
  return factories as never;
}
