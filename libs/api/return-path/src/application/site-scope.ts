import { Role, type AuthenticatedUser, type UserDirectoryService } from '@pepite/api/identity';
import { ReturnPathErrors } from '../return-path.errors';

/** Managers: their own site (another is FORBIDDEN); admins: the site asked for, or their own. */
export async function siteFor(
  directory: UserDirectoryService,
  caller: AuthenticatedUser,
  asked: string | null | undefined,
): Promise<{ id: string; timeZone: string }> {
  const own = !asked || asked.toLowerCase() === caller.siteId.toLowerCase();
  if (caller.role === Role.MANAGER && !own) throw ReturnPathErrors.otherSite();
  const site = await directory.getSite(own ? caller.siteId : (asked as string));
  if (!site) throw ReturnPathErrors.siteNotFound();
  return site;
}
