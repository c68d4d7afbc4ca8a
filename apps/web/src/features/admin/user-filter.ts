import { foldText as fold } from '@pepite/text-folding';
import type { Role } from '../../gql/graphql';
import type { AdminUser } from './queries';

export interface UserFilter {
  readonly search: string;
  readonly role: Role | '';
  readonly siteId: string;
  readonly state: '' | 'active' | 'inactive';
}

export const NO_FILTER: UserFilter = { search: '', role: '', siteId: '', state: '' };


export function filterUsers(users: readonly AdminUser[], filter: UserFilter): AdminUser[] {
  const needle = fold(filter.search.trim());
  return users.filter(
    (user) =>
      (!needle || fold(user.displayName).includes(needle) || fold(user.email).includes(needle))
      && (!filter.role || user.role === filter.role)
      && (!filter.siteId || user.siteId === filter.siteId)
      && (!filter.state || user.active === (filter.state === 'active')),
  );
}
