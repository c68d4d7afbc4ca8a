import type { Locale } from '@pepite/api/errors';
import { Role } from './role';

/** Who is calling, as every context sees it: the account as committed (ActivePrincipals). */
export interface AuthenticatedUser {
  readonly id: string;
  readonly role: Role;
  readonly siteId: string;
  readonly teamId: string | null;
  readonly displayName: string;
  readonly locale: Locale;
}

/**
 * Whether `user` manages the site: a manager of that site, or an admin (any site). The one
 * rule behind "may triage this pépin", "may revise this proposal" and their kin.
 */
export function managesSite(user: Pick<AuthenticatedUser, 'role' | 'siteId'>, siteId: string): boolean {
  return user.role === Role.ADMIN || (user.role === Role.MANAGER && user.siteId === siteId);
}
