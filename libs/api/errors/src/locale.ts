export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** French first: the product's users are French call centres. */
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A text a person reads, in every supported language. */
export type Translated = Readonly<Record<Locale, string>>;
