import type { Locale } from '@pepite/api/errors';
import type { Role } from './role';

/** Who is calling, as every context sees it. Loaded from the database on each request. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly role: Role;
  readonly siteId: string;
  readonly teamId: string | null;
  readonly displayName: string;
  readonly locale: Locale;
}
