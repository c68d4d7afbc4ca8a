import { CombinedGraphQLErrors } from '@apollo/client/errors';
import i18n from '../i18n/i18n';

/** The API already words its errors in the caller's language; show the first one. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? error.message;
  if (error instanceof Error) return error.message;
  return i18n.t('error', { message: String(error) });
}

/** The stable code of the first GraphQL error (`CONFLICT`, `FORBIDDEN`, …), if any. */
export function errorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
