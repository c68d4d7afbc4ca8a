/**
 * When a use case happened, for callers that replay the past (the demo data, an import).
 * Without `at`, times are the database's `now()` as always. Services take it as a trailing
 * options argument; the GraphQL resolvers never pass it, so no client can backdate anything.
 */
export interface UseCaseTime {
  readonly at?: Date;
}

/** The time to write, or null for "the database's now()"; an invalid date is a programming error. */
export function timeOf(options: UseCaseTime | undefined): Date | null {
  const at = options?.at;
  if (at === undefined) return null;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new Error('use case time: `at` is not a valid date');
  return at;
}
