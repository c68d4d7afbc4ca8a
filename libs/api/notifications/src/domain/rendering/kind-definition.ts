import type { Locale } from '@pepite/api/errors';
import type { RenderContext, Words } from './rendering-kit';

/** How one kind of notification reads, in each language. */
export interface KindDefinition {
  /** The short headline. */
  readonly title: Words;
  /** The sentence, from the notification's parameters and its reader. */
  readonly body: { readonly [L in Locale]: (context: RenderContext) => string };
}

/** Kinds by name (SCREAMING_SNAKE_CASE), as each context's catalogue declares them. */
export type KindCatalogue = Readonly<Record<string, KindDefinition>>;
