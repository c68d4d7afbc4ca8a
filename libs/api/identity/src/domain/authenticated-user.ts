import type { Locale } from '@pepite/api/errors';
import type { Role } from './role';

/** Who is calling, as every context sees it: the account as committed (ActivePrincipals). */
export interface AuthenticatedUser {
  readonly id: string;
  readonly role: Role;
  readonly siteId: string;
  readonly teamId: string | null;
  readonly displayName: string;
  readonly locale: Locale;
}
